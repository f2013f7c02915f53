/**
 * The per-agent report: what each person did with the conversations of the selected range,
 * read from the same event logs as the team's figures. An assignment (a claim, or a
 * supervisor's reassign to them) starts a stint; the agent's first message in it gives the
 * first response time, and their resolve or transfer ends it with a handle time. Stints that
 * end otherwise (requeued, released, reassigned away, returned to the bot) give no handle time.
 */
import type { ConversationLog, LoggedEvent } from './conversation-facts.ts';
import type { Distribution } from './handoff-metrics.ts';
import { percentile } from './percentile.ts';

export interface AgentReportRow {
  readonly agentId: string;
  /** The account's name, else the name the events recorded, else the id. */
  readonly name: string;
  /** Conversations assigned to the agent at least once. */
  readonly handled: number;
  /** Conversations the agent resolved. */
  readonly resolved: number;
  /** Assignment → the agent's first message in that assignment. */
  readonly firstResponseSeconds: Distribution;
  /** Assignment → the agent's resolve or transfer (median). */
  readonly handleSeconds: { readonly count: number; readonly p50: number | null };
  /** Ratings (1–5) of the conversations the agent resolved. */
  readonly csat: { readonly count: number; readonly average: number | null };
  readonly transfersOut: number;
  readonly declinedOffers: number;
  readonly expiredOffers: number;
}

interface Tally {
  name: string | null;
  handled: Set<string>;
  resolved: Set<string>;
  firstResponses: number[];
  handles: number[];
  ratings: number[];
  transfersOut: number;
  declinedOffers: number;
  expiredOffers: number;
}

const seconds = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 1000;
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** Who an event is about: the agent named in its data, else the agent who acted. */
function agentOf(e: LoggedEvent, key: 'agentId' | 'by'): string | null {
  return text(e.data[key]) ?? (e.actor.type === 'agent' ? text(e.actor.id) : null);
}

/**
 * One row per agent who was assigned, resolved, transferred, or was offered and declined or
 * let expire, in the given logs; sorted by name. `nameOf` gives account names.
 */
export function agentReport(
  logs: readonly ConversationLog[],
  nameOf: (agentId: string) => string | undefined = () => undefined,
): AgentReportRow[] {
  const tallies = new Map<string, Tally>();
  const tally = (id: string): Tally => {
    let t = tallies.get(id);
    if (!t) {
      t = {
        name: null,
        handled: new Set(),
        resolved: new Set(),
        firstResponses: [],
        handles: [],
        ratings: [],
        transfersOut: 0,
        declinedOffers: 0,
        expiredOffers: 0,
      };
      tallies.set(id, t);
    }
    return t;
  };
  for (const log of logs) countConversation(log, tally);
  return [...tallies.entries()]
    .map(([agentId, t]) => ({
      agentId,
      name: nameOf(agentId) ?? t.name ?? agentId,
      handled: t.handled.size,
      resolved: t.resolved.size,
      firstResponseSeconds: {
        count: t.firstResponses.length,
        p50: percentile(t.firstResponses, 50),
        p90: percentile(t.firstResponses, 90),
      },
      handleSeconds: { count: t.handles.length, p50: percentile(t.handles, 50) },
      csat: {
        count: t.ratings.length,
        average:
          t.ratings.length === 0 ? null : t.ratings.reduce((a, b) => a + b, 0) / t.ratings.length,
      },
      transfersOut: t.transfersOut,
      declinedOffers: t.declinedOffers,
      expiredOffers: t.expiredOffers,
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.agentId.localeCompare(b.agentId));
}

function countConversation(log: ConversationLog, tally: (id: string) => Tally): void {
  // The current stint: who holds the conversation, since when, and whether they wrote yet.
  let stint: { agentId: string; since: string; answered: boolean } | null = null;
  let resolver: string | null = null;
  let rating: number | null = null;
  const end = (at: string, countsAsHandle: boolean) => {
    if (stint && countsAsHandle) tally(stint.agentId).handles.push(seconds(stint.since, at));
    stint = null;
  };
  for (const e of log.events) {
    const name = text(e.data.agentName);
    switch (e.type) {
      case 'conversation.assigned': {
        const id = agentOf(e, 'agentId');
        end(e.at, false);
        if (id === null) break;
        const t = tally(id);
        t.handled.add(log.id);
        t.name ??= name;
        stint = { agentId: id, since: e.at, answered: false };
        break;
      }
      case 'message.created': {
        if (e.data.from !== 'agent' || !stint || stint.answered) break;
        if (e.actor.type === 'agent' && e.actor.id !== stint.agentId) break;
        stint.answered = true;
        tally(stint.agentId).firstResponses.push(seconds(stint.since, e.at));
        break;
      }
      case 'conversation.transferred': {
        const by = agentOf(e, 'by');
        if (by !== null) tally(by).transfersOut++;
        end(e.at, stint !== null && stint.agentId === by);
        break;
      }
      case 'conversation.resolved': {
        const by = agentOf(e, 'by');
        end(e.at, stint !== null && stint.agentId === by);
        if (by !== null) tally(by).resolved.add(log.id);
        resolver = by;
        break;
      }
      case 'conversation.offer_declined': {
        const id = agentOf(e, 'agentId');
        if (id !== null) tally(id).declinedOffers++;
        break;
      }
      case 'conversation.offer_expired': {
        const id = text(e.data.agentId);
        if (id !== null) tally(id).expiredOffers++;
        break;
      }
      case 'conversation.requeued':
      case 'conversation.reassigned':
      case 'conversation.returned_to_bot':
        end(e.at, false);
        break;
      case 'csat.submitted':
        if (typeof e.data.rating === 'number') rating = e.data.rating;
        break;
      default:
        break;
    }
  }
  if (resolver !== null && rating !== null) tally(resolver).ratings.push(rating);
}
