/**
 * Every conversation of one person, across channels (see core/customer/customer-identity.ts).
 * A coarse SQL `LIKE` over the columns that carry identities picks candidates on both engines
 * (no JSON functions, no new index: erasure and export are rare, a scan is fine); each
 * candidate is then matched exactly. Identities found on a matched conversation (the API
 * customer who gave both an id and an email) are followed until nothing new turns up, so the
 * email finds the conversations that only carry the id. Unverified ones (a browser's
 * unsigned claim, identity-verification.ts) are found but not followed.
 */
import { sql, type Kysely } from 'kysely';
import type { ConversationState } from '../core/conversation/conversation-state.ts';
import {
  identitiesOfConversation,
  searchNeedle,
  type CustomerIdentity,
} from '../core/customer/customer-identity.ts';
import { isUnverifiedCustomer } from '../core/customer/trusted-customer.ts';
import type { Database } from './schema.ts';

export interface CustomerConversation {
  readonly id: string;
  readonly status: ConversationState;
  readonly channel: string;
  readonly updatedAt: string;
}

export interface CustomerMatch {
  readonly conversations: CustomerConversation[];
  /** Every identity the person was found under (the reference's and the linked ones). */
  readonly identities: CustomerIdentity[];
}

// A person with more linked identities than this is not one person but a shared address.
const MAX_ROUNDS = 5;

/** Separators people and providers put in phone numbers, dropped before matching. */
function stripped(column: 'customer' | 'external_thread' | 'channel_state' | 'handoff') {
  return sql<string>`replace(replace(replace(replace(replace(lower(coalesce(${sql.ref(column)}, '')), ' ', ''), '-', ''), '(', ''), ')', ''), '.', '')`;
}

export async function findCustomerConversations(
  db: Kysely<Database>,
  start: readonly CustomerIdentity[],
): Promise<CustomerMatch> {
  const identities = new Set<CustomerIdentity>(start);
  const matched = new Map<string, CustomerConversation>();
  let searched = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const needles = [...identities].map(searchNeedle).filter((n) => !searched.has(n));
    if (needles.length === 0) break;
    searched = new Set([...searched, ...needles]);
    const rows = await db
      .selectFrom('conversations')
      .select([
        'id',
        'status',
        'channel',
        'updated_at',
        'customer',
        'external_thread',
        'channel_state',
        'handoff',
      ])
      .where((eb) =>
        eb.or(
          needles.flatMap((needle) =>
            (['customer', 'external_thread', 'channel_state', 'handoff'] as const).map((column) =>
              eb(stripped(column), 'like', `%${needle.replace(/[\s().-]/g, '')}%`),
            ),
          ),
        ),
      )
      .orderBy('created_at')
      .execute();
    for (const row of rows) {
      const own = identitiesOfConversation({
        channel: row.channel,
        customer: parseObject(row.customer),
        externalThread: row.external_thread,
        replyByEmail: stringField(parseObject(row.channel_state), 'replyByEmail'),
        fields: objectField(parseObject(row.handoff), 'fields'),
      });
      if (![...own].some((identity) => identities.has(identity))) continue;
      // An unverified conversation is found by what it claims but links no one: following
      // its other identities would join two people on a browser's word.
      if (!isUnverifiedCustomer(parseObject(row.customer)))
        for (const identity of own) identities.add(identity);
      matched.set(row.id, {
        id: row.id,
        status: row.status as ConversationState,
        channel: row.channel,
        updatedAt: row.updated_at,
      });
    }
  }
  return { conversations: [...matched.values()], identities: [...identities] };
}

function parseObject(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function stringField(object: Record<string, unknown>, key: string): string | null {
  const value = object[key];
  return typeof value === 'string' ? value : null;
}

function objectField(object: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = object[key];
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}
