// The hot statements are compiled once per shape and then filled with new values
// (src/store/query-templates.ts). Each filled query must be exactly what Kysely compiles for
// the same values, on both dialects, also on the second use of a shape (the cached path).
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import type { CommitInput } from '../../src/store/conversation-writes.ts';
import {
  conversationQuery,
  eventRows,
  insertEventsQuery,
  pendingLifecycleQuery,
  updateQuery,
} from '../../src/store/conversation-writes.ts';
import { QueryTemplates } from '../../src/store/query-templates.ts';
import { toConversationColumns } from '../../src/store/row-mapping.ts';
import { LIFECYCLE_TIMER_KINDS } from '../../src/core/conversation/timer-kinds.ts';
import type { Database } from '../../src/store/schema.ts';

/**
 * The reference: each statement written plainly with Kysely and compiled from its values,
 * as the store did before the templates. A template that put a value in the wrong place
 * differs from it.
 */
function plainUpdate(
  db: Kysely<Database>,
  input: CommitInput,
  at: string,
  returning = true,
): CompiledQuery {
  let update = db
    .updateTable('conversations')
    .set((eb) => ({
      ...toConversationColumns(input.changes ?? {}),
      last_seq: eb('last_seq', '+', input.events.length),
      updated_at: at,
    }))
    .where('id', '=', input.conversationId);
  if (input.expectStatus) update = update.where('status', 'in', [...input.expectStatus]);
  if (input.expectAssigneeId === null) update = update.where('assignee_id', 'is', null);
  else if (input.expectAssigneeId !== undefined) {
    update = update.where('assignee_id', '=', input.expectAssigneeId);
  }
  if (input.expectLastSeq !== undefined) {
    update = update.where('last_seq', '=', input.expectLastSeq);
  }
  const cap = input.expectCapacity;
  if (cap) {
    update = update.where(
      (eb) =>
        eb
          .selectFrom('conversations as held')
          .select((c) => c.fn.countAll().as('n'))
          .where('held.id', '!=', input.conversationId)
          .where((w) =>
            w.or([
              w.and([w('held.status', '=', 'assigned'), w('held.assignee_id', '=', cap.agentId)]),
              w.and([w('held.status', '=', 'offered'), w('held.offered_to', '=', cap.agentId)]),
            ]),
          ),
      '<',
      cap.max,
    );
  }
  return returning ? update.returningAll().compile() : update.compile();
}

function plainPending(db: Kysely<Database>, id: string, lock: boolean): CompiledQuery {
  const select = db
    .selectFrom('timers')
    .selectAll()
    .where('conversation_id', '=', id)
    .where('status', 'in', ['pending', 'claimed'])
    .where('kind', 'in', [...LIFECYCLE_TIMER_KINDS]);
  return (lock ? select.forUpdate() : select).compile();
}

const dialects = {
  sqlite: new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  }),
  postgres: new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  }),
};

const same = (a: CompiledQuery, b: CompiledQuery) => {
  expect(a.sql).toBe(b.sql);
  expect(a.parameters).toEqual(b.parameters);
};

function commitInputs(round: number): CommitInput[] {
  const now = new Date(Date.UTC(2026, 11, 3, 9, round));
  const message = (text: string) => ({
    type: 'message.created' as const,
    actor: { type: 'customer' as const },
    data: { from: 'customer' as const, text },
    clientMessageId: `m-${round}-${text}`,
  });
  return [
    { conversationId: `c_${round}`, events: [message('hi')], now },
    {
      conversationId: `c_${round}`,
      changes: { preview: `line ${round}`, priority: 40 + round },
      events: [message('a'), message('b')],
      expectStatus: ['assigned', 'offered'],
      expectAssigneeId: `agent_${round}`,
      now,
    },
    {
      conversationId: `c_${round}`,
      changes: {
        status: 'assigned',
        assigneeId: `agent_${round}`,
        offeredTo: null,
        handoff: {
          at: now.toISOString(),
          reasons: ['explicit_request'],
          queue: 'billing',
          priority: 50 + round,
          policyVersion: 'v1',
        },
        declinedBy: [`agent_x${round}`],
      },
      events: [],
      expectStatus: ['offered'],
      expectAssigneeId: null,
      expectLastSeq: 7 + round,
      expectCapacity: { agentId: `agent_${round}`, max: 2 + round },
      now,
    },
  ];
}

describe.each(Object.entries(dialects))('query templates on %s', (_name, db) => {
  it('fill the conditional update exactly as Kysely compiles it, first and cached use', () => {
    const cached = new QueryTemplates();
    for (const round of [1, 2, 3]) {
      for (const input of commitInputs(round)) {
        const at = input.now.toISOString();
        same(updateQuery(db, cached, input, at), plainUpdate(db, input, at));
        // SQLite's commit runs it without RETURNING and reads the row after it.
        same(updateQuery(db, cached, input, at, false), plainUpdate(db, input, at, false));
      }
    }
  });

  it('fill the event inserts, the pending-timer reads and the row read the same way', () => {
    const cached = new QueryTemplates();
    for (const round of [1, 2]) {
      for (const input of commitInputs(round)) {
        const rows = eventRows(input.conversationId, 3 + round, input.events, 'at');
        if (rows.length > 0) {
          same(insertEventsQuery(db, cached, rows), db.insertInto('events').values(rows).compile());
        }
        for (const lock of [false, true]) {
          same(
            pendingLifecycleQuery(db, cached, input.conversationId, lock),
            plainPending(db, input.conversationId, lock),
          );
        }
        same(
          conversationQuery(db, cached, input.conversationId),
          db
            .selectFrom('conversations')
            .selectAll()
            .where('id', '=', input.conversationId)
            .compile(),
        );
      }
    }
  });
});

describe('a template', () => {
  it('refuses a shape whose SQL has no place for one of its values', () => {
    const db = dialects.sqlite;
    expect(() =>
      new QueryTemplates().fill(
        'forgets-a-value',
        (slot) => db.selectFrom('conversations').selectAll().where('id', '=', slot(0)).compile(),
        ['c_1', 'never used'],
      ),
    ).toThrow(/value 1 has no place/);
  });
});
