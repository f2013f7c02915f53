/**
 * The time promised to a waiting customer has passed and nobody has taken their request.
 * They are told so plainly, with their place as it is now, a corrected estimate (free slots
 * that left them waiting are not counted: core/sla/credible-wait.ts) and the long-queue
 * choices (keep waiting, callback, continue by message). The message carries its band, so
 * the lifecycle holds the new promise and the writer arms the next check.
 */
import { messageCreated } from '../../core/conversation/conversation-events.ts';
import { credibleWait } from '../../core/sla/credible-wait.ts';
import { customerText } from '../../core/i18n/customer-text.ts';
import type { TimerRecord } from '../../core/records.ts';
import type { TeamAvailability } from '../conversations/team-availability.ts';
import { longQueueChoices } from '../conversations/waiting-room.ts';
import type { WaitingSettings } from '../conversations/waiting-settings.ts';
import type { ApplyCommandDeps } from '../conversations/apply-command.ts';

export interface PromiseDueDeps extends ApplyCommandDeps {
  readonly settings: Pick<WaitingSettings, 'teamName' | 'overrides'>;
  readonly team: () => Promise<TeamAvailability>;
  readonly handleMinutes: (queue: string | null) => Promise<number>;
}

export function handlePromiseDue(deps: PromiseDueDeps) {
  return async (timer: TimerRecord): Promise<void> => {
    const c = await deps.store.conversations.get(timer.conversationId);
    if (!c || (c.status !== 'queued' && c.status !== 'offered')) return;
    const promisedBy = c.lifecycle.promisedBy;
    const now = deps.clock();
    if (promisedBy === null || Date.parse(promisedBy) > now.getTime()) return;
    const position = await deps.store.reads.placeInLine(c);
    const team = await deps.team();
    const since = c.lifecycle.waitingSince ?? c.handedOverAt ?? promisedBy;
    const band = credibleWait(
      {
        position,
        agentsServing: team.online,
        concurrency: team.concurrency,
        freeSlots: 0,
        avgHandleMinutes: await deps.handleMinutes(c.queue),
      },
      (now.getTime() - Date.parse(since)) / 60_000,
    );
    const language = c.language ?? 'en';
    const overrides = deps.settings.overrides(c.queue);
    const teamName = deps.settings.teamName(c.queue, language);
    // Nobody who serves it is there: say so, and promise no time (band: null).
    const text = band
      ? customerText(
          'promise_broken',
          language,
          { team: teamName, position, low: band.lowMinutes, high: band.highMinutes },
          overrides,
        )
      : customerText('no_agents', language, { team: teamName }, overrides);
    await deps.writer.commit({
      conversationId: c.id,
      expectStatus: ['queued', 'offered'],
      expectLastSeq: c.lastSeq,
      events: [
        messageCreated(
          { type: 'bot' },
          {
            text,
            kind: 'promise_broken',
            extra: {
              intent: 'waiting',
              position,
              band: band && { lowMinutes: band.lowMinutes, highMinutes: band.highMinutes },
              prompt: 'long_queue',
              choices: longQueueChoices(language, overrides),
            },
          },
        ),
      ],
    });
  };
}
