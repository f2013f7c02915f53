/**
 * The timer policy `timersFor` reads, from the configuration: each queue's SLA target and
 * offer timeout, the silent-agent ladder and the abandonment grace (routing.deadEnds), and
 * the bot-only satisfaction survey's sample and quiet period (csat).
 */
import type { TimerPolicy } from '../../core/conversation/timers-for.ts';
import { inCsatSample } from '../../core/metrics/csat-sample.ts';
import type { QueueConfig } from '../../core/routing/queue-config.ts';

/** Offer timeout of a pull queue's conversation offered anyway (a named transfer). */
const DEFAULT_OFFER_SECONDS = 60;

export interface TimerPolicySettings {
  readonly abandonAfterSeconds: number;
  readonly deadEnds: {
    readonly replyNudgeSeconds: number;
    readonly replyAlertSeconds: number;
    readonly replyRequeueSeconds: number;
  };
}

/** `csat` of the configuration: which bot-only conversations are asked, and when. */
export interface BotSurveySettings {
  readonly botOnlySample: number;
  readonly botQuietSeconds: number;
}

export function timerPolicy(
  settings: TimerPolicySettings,
  slaMsFor: (queue: string | null) => number,
  queue: (id: string | null) => QueueConfig | undefined,
  csat?: BotSurveySettings,
): TimerPolicy {
  const { replyNudgeSeconds, replyAlertSeconds, replyRequeueSeconds } = settings.deadEnds;
  return {
    slaSeconds: (q) => slaMsFor(q) / 1000,
    offerSeconds: (q) => {
      const assignment = queue(q)?.assignment;
      return assignment?.type === 'offer' ? assignment.timeoutSeconds : DEFAULT_OFFER_SECONDS;
    },
    replyDeadline: {
      nudgeSeconds: replyNudgeSeconds,
      // Each rung after the one before, however the operator set them.
      alertSeconds: Math.max(replyAlertSeconds, replyNudgeSeconds + 1),
      requeueSeconds: Math.max(replyRequeueSeconds, replyAlertSeconds + 1, replyNudgeSeconds + 2),
    },
    abandonAfterSeconds: settings.abandonAfterSeconds,
    ...(csat && csat.botOnlySample > 0
      ? {
          botSurvey: {
            quietSeconds: csat.botQuietSeconds,
            // A phone call has no thread to show the survey in once the caller hung up.
            sampled: (id: string, channel: string | null) =>
              channel !== 'voice' && inCsatSample(id, csat.botOnlySample),
          },
        }
      : {}),
  };
}
