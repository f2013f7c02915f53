/**
 * Every conversation of one person, across channels (see core/customer/customer-identity.ts).
 * A coarse SQL `LIKE` over the columns that carry identities picks candidates on both engines
 * (no JSON functions, no new index: erasure and export are rare, a scan is fine); each
 * candidate is then matched exactly. The verified identities of a conversation matched by
 * a verified identity (linkIdentitiesOfConversation: the customer a channel adapter named by
 * id and email) are followed until nothing new turns up, so the email finds the conversations
 * that only carry the id. Claims (an unverified record's, the email or phone a browser sent
 * beside a `userHash`, what the customer typed) are never followed: in `claims` mode, an
 * operator's erasure or export, they find a conversation, whose verified identities are then
 * not followed (they are the claimant's); in `verified` mode, the contact view, not even that.
 */
import { sql, type Kysely } from 'kysely';
import type { ConversationState } from '../core/conversation/conversation-state.ts';
import {
  identitiesOfConversation,
  linkIdentitiesOfConversation,
  searchNeedle,
  type CustomerIdentity,
} from '../core/customer/customer-identity.ts';
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

/**
 * What finds a conversation: any identity it carries, claims included (`claims`: an operator
 * erasing or exporting a person takes a conversation that holds their address only as a
 * claim, without following the claimant's own identities from it), or only
 * one Baton can vouch for (`verified`: what joins conversations for an agent).
 */
export type CustomerMatching = 'claims' | 'verified';

export async function findCustomerConversations(
  db: Kysely<Database>,
  start: readonly CustomerIdentity[],
  matching: CustomerMatching,
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
      const traces = {
        channel: row.channel,
        customer: parseObject(row.customer),
        externalThread: row.external_thread,
        replyByEmail: stringField(parseObject(row.channel_state), 'replyByEmail'),
        fields: objectField(parseObject(row.handoff), 'fields'),
      };
      const verified = linkIdentitiesOfConversation(traces);
      const found = matching === 'verified' ? verified : identitiesOfConversation(traces);
      if (![...found].some((identity) => identities.has(identity))) continue;
      // Only a conversation found by what Baton vouches for is followed, and only by what it
      // vouches for: one found by a claim alone (a signed visitor naming someone else's email)
      // is taken, since it carries the claimed address, but its own verified identities are
      // that visitor's, not the person's.
      if ([...verified].some((identity) => identities.has(identity)))
        for (const identity of verified) identities.add(identity);
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
