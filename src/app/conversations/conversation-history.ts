/**
 * History and search for the inbox, and the contact view (one person's conversations across
 * channels), and the check before any single read or write. Supervisors and admins see every
 * conversation; an agent sees what waits in their queues, what is offered to or held by them,
 * and what they took part in (conversation-scope.ts): one rule for lists, single reads and
 * writes, and a conversation out of scope is CONVERSATION_NOT_FOUND, so ids cannot be probed.
 * The contact view follows only identities Baton can vouch for (linkIdentitiesOfConversation):
 * an unverified visitor's claim (identity-verification.ts), or the phone a signed visitor sent
 * beside their `userHash`, is never joined to anyone else's conversations, nor anyone's to it.
 */
import {
  identitiesOfConversation,
  linkIdentitiesOfConversation,
  type CustomerIdentity,
  type CustomerTraces,
} from '../../core/customer/customer-identity.ts';
import { customerKeyOf } from '../../core/customer/customer-key.ts';
import { isUnverifiedCustomer } from '../../core/customer/trusted-customer.ts';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { AgentRecord, ConversationRecord } from '../../core/records.ts';
import { CHANNELS } from '../../core/transcript/transcript-schema.ts';
import type { HistoryStatusFilter } from '../../store/conversation-history.ts';
import type { Store } from '../../store/store.ts';
import type { QueueCatalog } from '../routing/queue-catalog.ts';
import { scopeOf, type AgentScope, type AgentsSee } from './conversation-scope.ts';

/** `queued`: waiting in a queue for a person (queued, offered or deferred). */
export const HISTORY_VIEWS = ['active', 'queued', 'resolved', 'all', 'mine'] as const;
export type HistoryView = (typeof HISTORY_VIEWS)[number];

export interface HistorySearch {
  readonly view: HistoryView;
  readonly q?: string | undefined;
  /** A queue id of the catalog; another is VALIDATION_FAILED. */
  readonly queue?: string | undefined;
  /** A channel Baton knows (CHANNELS); another is VALIDATION_FAILED. */
  readonly channel?: string | undefined;
  /** Last activity at or after this instant (ISO-8601). */
  readonly from?: string | undefined;
  /** Last activity before this instant (ISO-8601); after `from`. */
  readonly to?: string | undefined;
  /** `nextCursor` of the previous page. */
  readonly cursor?: string | undefined;
  readonly limit?: number | undefined;
}

export interface HistoryPage {
  readonly conversations: ConversationRecord[];
  /** Pass it as `cursor` for the next page; null on the last one. */
  readonly nextCursor: string | null;
}

export interface ContactView {
  /** False when the conversation's customer is only a browser's unsigned claim. */
  readonly verified: boolean;
  /** The identities the person was found under (none for an unverified claim). */
  readonly identities: CustomerIdentity[];
  /** What this conversation claims without proof: shown, marked unverified, linking no one. */
  readonly claimed: CustomerIdentity[];
  /** Newest first, the one asked about included; only those the caller may see. */
  readonly conversations: ConversationRecord[];
  /** Where a staff note about the person is kept: one of their identities, else this conversation. */
  readonly noteKey: string;
  /** Every key the person's notes may be kept under (contact-notes.ts). */
  readonly noteKeys: string[];
}

export const DEFAULT_PAGE = 25;
export const MAX_PAGE = 100;
/** A person with more conversations than this is shown their latest ones. */
const MAX_CONTACT = 200;

export class ConversationHistoryService {
  constructor(
    private readonly store: Store,
    private readonly queues: QueueCatalog,
    private readonly agentsSee: AgentsSee = 'their_queues',
  ) {}

  /** The agent's scope for reads (null: sees everything). */
  scope(agent: AgentRecord): AgentScope {
    return scopeOf(agent, this.queues, this.agentsSee);
  }

  /** Whether the agent may open this conversation; false for an unknown id too. */
  mayOpen(agent: AgentRecord, conversationId: string): Promise<boolean> {
    return this.visible(this.scope(agent), conversationId);
  }

  /**
   * The check before any write an agent makes to one conversation (claim, decline, resolve,
   * transfer, return to the bot, note, template, reply, typing): the scope of reads without
   * `inbox.agentsSee: all` (reading every handed-over conversation is not acting on it), and
   * out of it CONVERSATION_NOT_FOUND, so a write cannot probe an id either.
   */
  async requireInScope(agent: AgentRecord, conversationId: string): Promise<void> {
    const scope = scopeOf(agent, this.queues);
    if (!(await this.visible(scope, conversationId))) throw notFound(conversationId);
  }

  private async visible(scope: AgentScope, conversationId: string): Promise<boolean> {
    if (scope === null) return (await this.store.conversations.get(conversationId)) !== undefined;
    return this.store.history.isVisible(conversationId, scope);
  }

  /** The conversation, if the agent may open it; CONVERSATION_NOT_FOUND otherwise. */
  async open(agent: AgentRecord, conversationId: string): Promise<ConversationRecord> {
    const scope = this.scope(agent);
    const found =
      scope === null || (await this.store.history.isVisible(conversationId, scope))
        ? await this.store.conversations.get(conversationId)
        : undefined;
    if (!found) throw notFound(conversationId);
    return found;
  }

  /** Waiting conversations the agent may take and their own, highest priority first. */
  inbox(agent: AgentRecord): Promise<ConversationRecord[]> {
    return this.store.history.inbox(agent.id, this.scope(agent));
  }

  async search(agent: AgentRecord, input: HistorySearch): Promise<HistoryPage> {
    const limit = Math.min(Math.max(1, input.limit ?? DEFAULT_PAGE), MAX_PAGE);
    const text = input.q?.trim() ?? '';
    const filters = historyFilters(input, this.queues);
    const rows = await this.store.history.search({
      status: statusOf(input.view),
      visibleTo: this.scope(agent),
      assignee: input.view === 'mine' ? agent.id : null,
      text: text.length > 0 ? text : null,
      ...filters,
      ids: null,
      after: input.cursor ? decodeCursor(input.cursor) : null,
      limit,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      conversations: page,
      nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    };
  }

  async contact(agent: AgentRecord, conversationId: string): Promise<ContactView> {
    const start = await this.open(agent, conversationId);
    const traces: CustomerTraces = {
      channel: start.channel,
      customer: start.customer,
      externalThread: start.externalThread,
      replyByEmail: start.channelState.replyByEmail ?? null,
      fields: fieldsOf(start),
    };
    const own = linkIdentitiesOfConversation(traces);
    const claimed = [...identitiesOfConversation(traces)].filter((i) => !own.has(i));
    // A browser's word links no one: the contact of an unverified visitor is this conversation.
    const alone = { claimed, conversations: [start], ...notesOfConversation(start.id) };
    if (isUnverifiedCustomer(start.customer)) return { verified: false, identities: [], ...alone };
    if (own.size === 0) return { verified: true, identities: [], ...alone };
    const match = await this.store.history.ofCustomer([...own]);
    const found = await this.store.history.search({
      status: 'all',
      visibleTo: this.scope(agent),
      assignee: null,
      text: null,
      ids: match.conversations.map((c) => c.id),
      after: null,
      limit: MAX_CONTACT,
    });
    // Only verified identities matched (a claim of them is not this person's conversation).
    const theirs = [...found];
    if (!theirs.some((c) => c.id === start.id)) theirs.unshift(start);
    // The id the site or channel named the customer by, else the first of their identities.
    const named = customerKeyOf(start.customer);
    const noteKey = named && own.has(named as CustomerIdentity) ? named : [...own].sort()[0];
    return {
      verified: true,
      identities: match.identities,
      claimed,
      conversations: theirs,
      noteKey: noteKey ?? `conversation:${start.id}`,
      noteKeys: match.identities,
    };
  }
}

/** A visitor who stands alone: their notes are this conversation's. */
function notesOfConversation(id: string): { noteKey: string; noteKeys: string[] } {
  return { noteKey: `conversation:${id}`, noteKeys: [`conversation:${id}`] };
}

function statusOf(view: HistoryView): HistoryStatusFilter {
  if (view === 'mine') return 'all';
  return view === 'queued' ? 'waiting' : view;
}

/**
 * The search's filters checked against what exists: a queue of the catalog (a typo would
 * otherwise answer "no conversations" as if there were none), a channel Baton has, and a range
 * whose start is before its end. Instants are normalised to the stored form (`toISOString`).
 */
function historyFilters(input: HistorySearch, queues: QueueCatalog) {
  const { queue, channel, from, to } = input;
  if (queue !== undefined && !queues.has(queue)) {
    const known = queues.list.map((q) => q.id).join(', ');
    throw new BatonError('VALIDATION_FAILED', `Unknown queue "${queue}"; the queues are ${known}.`);
  }
  if (channel !== undefined && !(CHANNELS as readonly string[]).includes(channel)) {
    throw new BatonError(
      'VALIDATION_FAILED',
      `Unknown channel "${channel}"; the channels are ${CHANNELS.join(', ')}.`,
    );
  }
  const activeFrom = from === undefined ? null : instant(from, 'from');
  const activeBefore = to === undefined ? null : instant(to, 'to');
  if (activeFrom !== null && activeBefore !== null && activeFrom >= activeBefore) {
    throw new BatonError('VALIDATION_FAILED', '`from` must be before `to`.');
  }
  return { queue: queue ?? null, channel: channel ?? null, activeFrom, activeBefore };
}

function instant(value: string, name: string): string {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) {
    throw new BatonError('VALIDATION_FAILED', `\`${name}\` is not a date and time (ISO-8601).`);
  }
  return at.toISOString();
}

function notFound(conversationId: string): BatonError {
  return new BatonError('CONVERSATION_NOT_FOUND', `No conversation has the id ${conversationId}.`);
}

function fieldsOf(c: ConversationRecord): Record<string, unknown> | null {
  const fields = c.handoff?.fields;
  return fields && typeof fields === 'object' ? (fields as Record<string, unknown>) : null;
}

function encodeCursor(c: ConversationRecord): string {
  return Buffer.from(JSON.stringify([c.updatedAt, c.id])).toString('base64url');
}

function decodeCursor(cursor: string): { updatedAt: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
    ) {
      return { updatedAt: value[0], id: value[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw new BatonError('VALIDATION_FAILED', '`cursor` is not one this server handed out.');
}
