/**
 * `baton demo-traffic` writes a simulated day at a time in one transaction (writer.batch) on
 * PostgreSQL. Batched, it must store exactly what it stored one commit at a time: for a fixed
 * seed and end, the counts in demo-traffic-seed-7.json were recorded from the generator before
 * it batched (statuses, events and timers by kind, the analytics' figures), and both engines
 * must still give them.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.ts';
import { generateDemoTraffic } from '../../../src/app/demo/demo-traffic.ts';
import { assembleBaton } from '../../../src/main/main.ts';
import type { Store } from '../../../src/store/store.ts';
import { TEST_DATABASES } from '../../helpers/databases.ts';
import { storedHandoffMetrics } from '../../helpers/stored-metrics.ts';

const END = Date.UTC(2026, 11, 7, 15, 20);
/** Seed 7, two days of 30 ending at END, as the generator stored them one commit at a time. */
const RECORDED: unknown = JSON.parse(
  readFileSync(new URL('./demo-traffic-seed-7.json', import.meta.url), 'utf8'),
);

/** What the dashboards are made of: statuses, events, timers, and the analytics' numbers. */
async function storedTraffic(store: Store) {
  const { db } = store;
  const counted = <K extends string>(
    rows: readonly ({ n: unknown } & Record<K, unknown>)[],
    key: K,
  ) => Object.fromEntries(rows.map((r) => [String(r[key]), Number(r.n)]));
  const statuses = await db
    .selectFrom('conversations')
    .select((eb) => ['status', eb.fn.countAll().as('n')])
    .groupBy('status')
    .execute();
  const events = await db
    .selectFrom('events')
    .select((eb) => ['type', eb.fn.countAll().as('n')])
    .groupBy('type')
    .execute();
  const timers = await db
    .selectFrom('timers')
    .select((eb) => ['kind', 'status', eb.fn.countAll().as('n')])
    .groupBy(['kind', 'status'])
    .execute();
  const metrics = await storedHandoffMetrics(store, new Date(END + 60_000));
  // Conversation ids are random: the improvement items are compared without them.
  const improvementItems = metrics.improvementItems.map(({ conversationId: _, ...item }) => item);
  return {
    statuses: counted(statuses, 'status'),
    events: counted(events, 'type'),
    timers: counted(
      timers.map((t) => ({ key: `${t.kind} ${t.status}`, n: t.n })),
      'key',
    ),
    metrics: { ...metrics, improvementItems },
    deadEnds: await store.timers.deadEnds(),
  };
}

describe.each(TEST_DATABASES)('baton demo-traffic on $name', (database) => {
  it.skipIf(database.skipReason)(
    'stores the same traffic for a seed as it did one commit at a time',
    async () => {
      const opened = await database.open();
      try {
        const loaded = loadConfig({
          cwd: process.cwd(),
          env: {
            DATABASE_URL: opened.url,
            BATON_DEMO: 'true',
            BATON_DEMO_PASSWORD: 'baton-demo',
            BATON_WEB_ROOT: 'no-web',
            LOG_LEVEL: 'error',
            // Sampled by the random conversation id: it would differ from run to run.
            BATON_CSAT_BOT_ONLY_SAMPLE: '0',
            BATON_COMPACT_WINDOW: 'false',
          },
        });
        if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
        let simulated = END;
        const { built, store } = await assembleBaton({
          config: loaded.config,
          ...(opened.schema ? { databaseSchema: opened.schema } : {}),
          clock: () => new Date(simulated),
        });
        try {
          const agents = (await store.agents.list()).filter((a) => a.role !== 'admin');
          const result = await generateDemoTraffic(built, agents, {
            days: 2,
            perDay: 30,
            seed: 7,
            endMs: END,
            setTime: (ms) => (simulated = ms),
          });
          expect({ result, ...(await storedTraffic(store)) }).toEqual(RECORDED);
          if (store.engine === 'postgres') {
            // Events are never updated, so their xmin names the transaction that inserted them:
            // one per calendar day the two days' window touches (three) and one for the live tail.
            const { rows } = await sql<{
              n: string;
            }>`select count(distinct xmin::text) as n from events`.execute(store.db);
            expect(Number(rows[0]?.n)).toBeLessThanOrEqual(4);
          }
        } finally {
          await built.app.close();
          await store.close();
        }
      } finally {
        await opened.cleanup();
      }
    },
  );
});
