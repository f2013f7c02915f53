/**
 * Wait-estimate updates: a periodic pass over the queued conversations tells a customer a new
 * estimate when their band changed meaningfully (`shouldUpdateEstimate`: at most once a
 * minute, and only a real change). It is driven by stored state only (the queue in the
 * conversations table, the last band told in the event log), so it carries on after a
 * restart; nothing is said once a conversation is offered, taken, deferred or resolved (the
 * commit requires `queued`). A band told is the customer's new promise (lifecycle.ts
 * `promisedBy`): before the last promise passes, an update is an honest correction of it; once
 * it has passed, the update waits and the promise's own check (promise-due.ts) says so, with
 * an apology, the place and a new band, which the next update here is measured against.
 */
import { messageEvent } from '../../core/conversation/conversation-events.ts';
import type { EventBus } from '../../bus/event-bus.ts';
import type { ConversationWriter } from '../conversations/conversation-writer.ts';
import { waitingCustomerBand } from '../../core/sla/credible-wait.ts';
import type { WaitBand } from '../../core/sla/estimate-wait.ts';
import { customerText } from '../../core/i18n/customer-text.ts';
import {
  MIN_UPDATE_INTERVAL_MS,
  shouldUpdateEstimate,
  type ToldEstimate,
} from '../../core/sla/should-update-estimate.ts';
import type { ConversationRecord, StoredEvent } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import type { HandleTimeCache } from '../conversations/handle-time-cache.ts';
import type { PresencePort } from '../conversations/ports.ts';
import { teamAvailability, type TeamAvailability } from '../conversations/team-availability.ts';
import { longQueueChoices } from '../conversations/waiting-room.ts';
import type { WaitingSettings } from '../conversations/waiting-settings.ts';

export interface EstimateUpdateDeps {
  readonly store: Store;
  readonly bus: EventBus;
  /** Every conversation write (commit, then publish) goes through it. */
  readonly writer: ConversationWriter;
  readonly clock: () => Date;
  readonly presence: Pick<PresencePort, 'isConnected'>;
  readonly settings: WaitingSettings;
  readonly handleTimes: Pick<HandleTimeCache, 'minutesFor'>;
  readonly onError: (error: unknown) => void;
}

export class EstimateUpdates {
  /**
   * The last band each queued conversation was told (null: none was promised yet), as of the
   * conversation's `seq`: what others told it since (promise-due.ts) is read from there on.
   */
  private readonly told = new Map<string, { told: ToldEstimate | null; seq: number }>();
  /** Conversations already offered the long-queue options (offered once, not every update). */
  private readonly optionsOffered = new Set<string>();
  private interval: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly deps: EstimateUpdateDeps) {}

  start(intervalMs: number): void {
    this.interval ??= setInterval(() => void this.pass().catch(this.deps.onError), intervalMs);
  }

  async stop(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
    await this.running?.catch(() => undefined);
  }

  /** One pass (never overlapped); resolves to the number of updates sent. */
  pass(): Promise<number> {
    this.running ??= this.updateAll().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async updateAll(): Promise<number> {
    const { store } = this.deps;
    const queued = await store.reads.listQueued();
    const live = new Set(queued.map((c) => c.id));
    for (const id of this.told.keys()) if (!live.has(id)) this.told.delete(id);
    for (const id of this.optionsOffered) if (!live.has(id)) this.optionsOffered.delete(id);
    if (queued.length === 0) return 0;
    const team = await teamAvailability(store, this.deps.presence);
    // Nobody online: no new promise to make (the customer was told so at the handoff).
    if (team.online === 0) return 0;
    const offered = new Map<string, number>();
    const waiting = await store.reads.countWaitingByQueue();
    const positions = new Map<string, number>();
    for (const c of queued) positions.set(c.queue ?? '', (positions.get(c.queue ?? '') ?? 0) + 1);
    for (const w of waiting) {
      const q = w.queue ?? '';
      offered.set(q, Math.max(0, w.count - (positions.get(q) ?? 0)));
    }
    const seen = new Map<string, number>();
    let sent = 0;
    // listQueued is in service order (priority, then longest wait): the index is the place.
    for (const c of queued) {
      const q = c.queue ?? '';
      const place = (seen.get(q) ?? 0) + 1;
      seen.set(q, place);
      const position = place + (offered.get(q) ?? 0);
      if (await this.updateOne(c, position, team)) sent++;
    }
    return sent;
  }

  private async updateOne(
    c: ConversationRecord,
    position: number,
    team: TeamAvailability,
  ): Promise<boolean> {
    // A caller on hold hears the estimate from the hold loop (channels/voice/voice-script.ts);
    // a written update would never reach them.
    if (c.channel === 'voice') return false;
    const now = this.deps.clock();
    // The time they were told has passed: not a plain "Update", an apology first (promise.due).
    const promisedBy = c.lifecycle.promisedBy;
    if (promisedBy !== null && Date.parse(promisedBy) <= now.getTime()) return false;
    // Their own wait so far: free slots that left them waiting this long are not counted.
    const avgHandleMinutes = await this.deps.handleTimes.minutesFor(c.queue);
    const band = waitingCustomerBand(c, position, team, avgHandleMinutes, now);
    if (band === null) return false;
    const last = await this.lastTold(c);
    const toldAt = last?.at ?? (c.handedOverAt ? new Date(c.handedOverAt) : now);
    if (now.getTime() - toldAt.getTime() < MIN_UPDATE_INTERVAL_MS) return false;
    if (!shouldUpdateEstimate(last, band, now)) return false;
    // The wait grew past the queue's threshold: this update also offers the options.
    const offerOptions =
      band.highMinutes > this.deps.settings.longQueueMinutes(c.queue) &&
      !this.optionsOffered.has(c.id);
    const result = await this.deps.writer.commit({
      conversationId: c.id,
      expectStatus: ['queued'],
      changes: {},
      events: [
        // Two nodes running the pass in the same minute store one update, not two.
        messageEvent(
          { type: 'bot' },
          this.message(c, position, band, offerOptions),
          `estimate-${Math.floor(now.getTime() / MIN_UPDATE_INTERVAL_MS)}`,
        ),
      ],
      now,
    });
    if (!result.ok) return false;
    // As of the seq read: the next pass reads this update back from the log, and nothing older.
    this.told.set(c.id, { told: { band, at: now }, seq: c.lastSeq });
    if (offerOptions) this.optionsOffered.add(c.id);
    return true;
  }

  private message(c: ConversationRecord, position: number, band: WaitBand, offerOptions: boolean) {
    const { settings } = this.deps;
    const language = c.language ?? 'en';
    const overrides = settings.overrides(c.queue);
    const key = offerOptions
      ? 'long_queue'
      : band.highMinutes <= 1
        ? 'estimate_update_short'
        : 'estimate_update';
    const text = customerText(
      key,
      language,
      {
        team: settings.teamName(c.queue, language),
        position,
        low: band.lowMinutes,
        high: band.highMinutes,
      },
      overrides,
    );
    return {
      from: 'bot',
      text,
      kind: 'estimate_update',
      intent: 'waiting',
      position,
      band: { lowMinutes: band.lowMinutes, highMinutes: band.highMinutes },
      ...(offerOptions
        ? { prompt: 'long_queue', choices: longQueueChoices(language, overrides) }
        : {}),
    };
  }

  /**
   * From memory, else (after a restart) from the log: the latest message that told a band. The
   * events since the memory's seq are read too, since another part may have told a band
   * meanwhile (a broken promise's apology): its band is then the one to measure against.
   */
  private async lastTold(c: ConversationRecord): Promise<ToldEstimate | null> {
    const known = this.told.get(c.id);
    if (known && known.seq >= c.lastSeq) return known.told;
    const events = await this.deps.store.conversations.eventsSince(c.id, known?.seq ?? 0, 100_000);
    const told = lastBandTold(events) ?? known?.told ?? null;
    this.told.set(c.id, { told, seq: c.lastSeq });
    if (events.some((e) => e.data.prompt === 'long_queue')) this.optionsOffered.add(c.id);
    return told;
  }
}

export function lastBandTold(events: readonly StoredEvent[]): ToldEstimate | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i] as StoredEvent;
    if (e.type !== 'message.created' || e.actor.type !== 'bot' || !e.data.band) continue;
    const band = e.data.band;
    // Checked still: a row is read as stored, whichever version wrote it.
    if (typeof band.lowMinutes === 'number' && typeof band.highMinutes === 'number') {
      return {
        band: { lowMinutes: band.lowMinutes, highMinutes: band.highMinutes },
        at: new Date(e.at),
      };
    }
  }
  return null;
}
