/**
 * What an erasure would take, and taking it: shared by `baton erase` and the admin API, so
 * both find the same conversations, leave open ones alone unless asked, wipe the database
 * files afterwards and write the same audit entry. The audit entry names the conversations
 * and how the person was named (email, phone, id), never the person: it outlives them.
 */
import type { ErasureCandidate, WipeResult } from '../../store/erasure-repository.ts';
import type { Store } from '../../store/store.ts';

export type ErasureTarget =
  | { readonly customer: string }
  | { readonly thread: { readonly channel: string; readonly value: string } }
  | { readonly conversationId: string }
  | { readonly closedBefore: Date };

export interface ErasurePlan {
  /** What will be erased (open conversations only with `includeOpen`). */
  readonly targets: ErasureCandidate[];
  /** Open conversations found and left alone. */
  readonly leftOpen: ErasureCandidate[];
  /** How many identities (ids, emails, phone numbers) the person was found under. */
  readonly identities: number;
  /** A person's erasure: the identities whose staff notes go too (contact-note-repository.ts). */
  readonly noteKeys: readonly string[];
}

export interface ErasureOutcome extends WipeResult {
  readonly erased: number;
  /**
   * PostgreSQL, erased by the server: the compaction window by which the erased bytes leave
   * the table files (null: nothing waits, the bytes are gone already or the CLI rewrote them).
   */
  readonly compactionAt: Date | null;
}

/** Where the server's erasures on PostgreSQL wait for VACUUM FULL (compaction-window.ts). */
export interface CompactionScheduler {
  defer(tables: readonly string[]): Promise<Date | null>;
}

const isClosed = (c: ErasureCandidate) => c.status === 'resolved' || c.status === 'abandoned';

export async function planErasure(
  store: Store,
  target: ErasureTarget,
  includeOpen: boolean,
): Promise<ErasurePlan> {
  const { found, identities, noteKeys } = await findTarget(store, target);
  return {
    targets: found.filter((c) => includeOpen || isClosed(c)),
    leftOpen: includeOpen ? [] : found.filter((c) => !isClosed(c)),
    identities,
    noteKeys,
  };
}

/** Records who erases what, then erases the plan's conversations and wipes the files. */
export async function carryOutErasure(
  store: Store,
  plan: ErasurePlan,
  audit: {
    readonly actorId: string;
    readonly target: ErasureTarget;
    readonly now: Date;
    /**
     * Rebuild the files: SQLite's VACUUM, PostgreSQL's VACUUM FULL and CHECKPOINT (see
     * ErasureRepository.wipe). They lock, so the CLI asks for it and the server does not.
     */
    readonly vacuum?: boolean;
    /** Without `vacuum`: PostgreSQL's tables wait for this window (omitted: none is kept). */
    readonly compaction?: CompactionScheduler;
  },
): Promise<ErasureOutcome> {
  const ids = plan.targets.map((c) => c.id);
  // The record first: an erasure that fails or stops half-way (a crash, a lost connection)
  // must still be in the audit log. `erased` is what the plan takes; what another pass
  // erased first is gone all the same.
  await store.teamAudit.record({
    at: audit.now,
    actorId: audit.actorId,
    agentId: '',
    action: 'closedBefore' in audit.target ? 'conversations.expired' : 'customer.erased',
    changes: { selector: describeTarget(audit.target), conversations: ids, erased: ids.length },
  });
  const { erased, tables } = await store.erasure.erase(ids, plan.noteKeys);
  const rewriteFrom = new Date();
  const wiped = await store.erasure.wipe({ vacuum: audit.vacuum === true });
  // The CLI's VACUUM FULL settles what earlier server erasures left for the window.
  if (wiped.rewrittenTables) await store.compaction.forget(wiped.rewrittenTables, rewriteFrom);
  const compactionAt =
    audit.vacuum === true ? null : ((await audit.compaction?.defer(tables)) ?? null);
  return { erased, ...wiped, compactionAt };
}

/** The kind of reference, not its value: "email", "phone", "thread whatsapp", … */
export function describeTarget(target: ErasureTarget): string {
  if ('conversationId' in target) return 'conversation';
  if ('closedBefore' in target) return `closed before ${target.closedBefore.toISOString()}`;
  if ('thread' in target) return `thread ${target.thread.channel}`;
  const ref = target.customer;
  if (ref.includes('@')) return 'email';
  if (/^\+?[\d\s().-]{7,}$/.test(ref)) return 'phone';
  return 'customer id';
}

async function findTarget(
  store: Store,
  target: ErasureTarget,
): Promise<{ found: ErasureCandidate[]; identities: number; noteKeys: string[] }> {
  if ('customer' in target) {
    const match = await store.erasure.findCustomer(target.customer);
    // Every note about the person goes, even while a conversation of theirs is left open.
    return {
      found: match.conversations,
      identities: match.identities.length,
      noteKeys: match.identities,
    };
  }
  if ('thread' in target) {
    const { channel, value } = target.thread;
    // The stored thread is the provider's (`<phone-number-id>:<number>` on WhatsApp); the
    // operator names the customer's side: the same person, in that channel only.
    const byPerson = (await store.erasure.findCustomer(`${channel}:${value}`)).conversations;
    const exact = await store.erasure.find({ channel, externalThread: value });
    const found = new Map(
      [...byPerson.filter((c) => c.channel === channel), ...exact].map((c) => [c.id, c]),
    );
    return { found: [...found.values()], identities: 1, noteKeys: [] };
  }
  if ('conversationId' in target) {
    return {
      found: await store.erasure.find({ conversationId: target.conversationId }),
      identities: 0,
      noteKeys: [],
    };
  }
  return {
    found: await store.erasure.find({ closedBefore: target.closedBefore }),
    identities: 0,
    noteKeys: [],
  };
}
