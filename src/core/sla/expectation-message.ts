/**
 * `expectationMessage(situation, language)`: the text the customer reads while waiting. It
 * never promises quick help unless agents serving the queue are online and a band exists; with
 * nobody online it says so, and when closed it names the follow-up time in the calendar's zone.
 */
import type { WaitBand } from './estimate-wait.ts';
import { formatFollowUp } from './format-follow-up.ts';
import {
  DEFAULT_TEMPLATES,
  fillTemplate,
  messageLanguage,
  type TemplateKey,
  type TemplateOverrides,
} from './message-templates.ts';

export type ExpectationSituation =
  | {
      readonly kind: 'waiting';
      readonly team: string;
      /** Online agents who serve the queue (or its fallback) right now. */
      readonly agentsOnline: number;
      readonly position: number;
      readonly band: WaitBand | null;
      /** Above this many minutes the customer is offered a callback or an async reply. */
      readonly longQueueMinutes: number;
    }
  | {
      readonly kind: 'closed';
      readonly team: string;
      readonly now: Date;
      /** When the team reopens (`nextOpening`); null when unknown: then no time is promised. */
      readonly followUpAt: Date | null;
      readonly timeZone: string;
      /** False on channels that cannot message the customer later (web chat): ask for contact. */
      readonly canReachLater: boolean;
      /**
       * Whether Baton can send email (the email channel with an outbound relay): only then
       * is an email address asked for; without it, a phone number. Default: true.
       */
      readonly canEmail?: boolean;
    }
  | { readonly kind: 'agent_joined'; readonly team: string; readonly agentName: string }
  | { readonly kind: 'agent_left'; readonly team: string; readonly agentName: string };

/** Channels on which Baton can start a message later (after the customer has left). */
export const CHANNELS_THAT_REACH_LATER: readonly string[] = [
  'email',
  'sms',
  'whatsapp',
  'telegram',
];

export function expectationMessage(
  situation: ExpectationSituation,
  language: string,
  overrides: TemplateOverrides = {},
): string {
  const lang = messageLanguage(language);
  const text = (key: TemplateKey, params: Record<string, string | number>) =>
    fillTemplate(overrides[lang]?.[key] ?? DEFAULT_TEMPLATES[lang][key], params);
  switch (situation.kind) {
    case 'waiting': {
      const { team, position, band } = situation;
      if (situation.agentsOnline <= 0 || band === null) return text('no_agents', { team });
      const params = { team, position, low: band.lowMinutes, high: band.highMinutes };
      if (band.highMinutes > situation.longQueueMinutes) return text('long_queue', params);
      if (band.highMinutes <= 1) return text('waiting_short', params);
      return text('waiting', params);
    }
    case 'closed': {
      const { team, followUpAt } = situation;
      const main =
        followUpAt === null
          ? text('closed_unknown', { team })
          : text('closed', {
              team,
              when: formatFollowUp(followUpAt, situation.now, situation.timeZone, lang),
            });
      if (situation.canReachLater) return main;
      return `${main} ${text(situation.canEmail === false ? 'ask_phone' : 'ask_contact', {})}`;
    }
    case 'agent_joined':
      return text('agent_joined', { team: situation.team, agent: situation.agentName });
    case 'agent_left':
      return text('agent_left', { team: situation.team, agent: situation.agentName });
  }
}
