/**
 * What the simulation saw published on each node's bus (every write goes through the writer,
 * which publishes what it committed): the open conversations (so a step need not scan the
 * table for them), the ones a step touched (what the per-step check reads), the ones handed
 * back to the bot (a customer may ask again), what each waiting customer was told in their
 * current waiting spell (for the truth invariant, kept apart from the app's own lifecycle
 * bookkeeping), and a count of each kind of thing that happened.
 */
import type { ConversationChange, EventBus } from '../../../src/bus/event-bus.ts';
import type { ConversationRecord, StoredEvent } from '../../../src/core/records.ts';

const OPEN = new Set(['queued', 'offered', 'assigned', 'deferred']);
const WAITING = new Set(['queued', 'offered']);
/** Events that start a new waiting spell without a status change (a new team or agent). */
const NEW_SPELL = new Set(['conversation.transferred', 'conversation.reassigned']);

/** What the customer of a waiting conversation has been told in this waiting spell. */
export interface Spell {
  readonly since: string;
  /** The last message the customer could read (bot or system) in this spell. */
  toldAt: string | null;
  /** The person-by time of the last wait band told in this spell; null: no time promised. */
  promisedBy: string | null;
}

export class SimLedger {
  /** Open conversations as last published, in the order they (re)opened. */
  readonly open = new Map<string, ConversationRecord>();
  /** Conversations with the bot again after an agent handed them back. */
  readonly withBot = new Map<string, ConversationRecord>();
  /** Conversations written since the last `takeTouched`. */
  private touched = new Set<string>();
  readonly spells = new Map<string, Spell>();
  /** Published events by type (and message kind), for the tally. */
  readonly happened = new Map<string, number>();

  /** Hears every change this node's writer publishes. */
  watch(bus: EventBus): void {
    bus.subscribe((change) => this.record(change));
  }

  takeTouched(): string[] {
    const ids = [...this.touched];
    this.touched = new Set();
    return ids;
  }

  private record({ conversation: c, events }: ConversationChange): void {
    const before = this.open.get(c.id) ?? this.withBot.get(c.id);
    // A change published late (after a newer one) says nothing new.
    if (before && before.lastSeq > c.lastSeq) return;
    this.touched.add(c.id);
    this.open.delete(c.id);
    this.withBot.delete(c.id);
    if (OPEN.has(c.status)) this.open.set(c.id, c);
    if (c.status === 'bot' && events.some((e) => e.type === 'conversation.returned_to_bot'))
      this.withBot.set(c.id, c);
    else if (c.status === 'bot' && before?.status === 'bot') this.withBot.set(c.id, c);
    this.followSpell(c, before?.status ?? null, events);
    for (const e of events) {
      const kind = e.type === 'message.created' ? `message:${String(e.data.kind ?? 'chat')}` : '';
      const key = kind || e.type;
      this.happened.set(key, (this.happened.get(key) ?? 0) + 1);
    }
  }

  private followSpell(c: ConversationRecord, was: string | null, events: readonly StoredEvent[]) {
    if (!WAITING.has(c.status)) return void this.spells.delete(c.id);
    let spell = this.spells.get(c.id);
    if (!spell || !was || !WAITING.has(was) || events.some((e) => NEW_SPELL.has(e.type))) {
      spell = { since: events[0]?.at ?? c.updatedAt, toldAt: null, promisedBy: null };
      this.spells.set(c.id, spell);
    }
    for (const e of events) {
      if (e.type !== 'message.created' || (e.actor.type !== 'bot' && e.actor.type !== 'system'))
        continue;
      spell.toldAt = e.at;
      if (!('band' in e.data)) continue;
      // The same reading of a band as the customer's: a person by its upper end (≥ 1 min).
      const band = e.data.band as { highMinutes?: unknown } | null;
      spell.promisedBy =
        band && typeof band.highMinutes === 'number'
          ? new Date(Date.parse(e.at) + Math.max(1, band.highMinutes) * 60_000).toISOString()
          : null;
    }
  }
}
