/**
 * The operators' probes and gauges over HTTP on a real server, on SQLite and PostgreSQL:
 * /healthz answers without the database's help; /readyz is 200 with every check, and 503
 * naming the failing one when a migration is missing or a due timer waits past the limit
 * (the timer loop is stopped here by a one-hour interval); /metrics carries timer lag, outbox
 * backlog, open sockets by side, commit latency by engine and bus lag. Redis unreachable and
 * the database gone: the last two blocks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigrator } from '../../src/store/migrate.ts';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { REDIS_SKIP_REASON, REDIS_URL } from '../helpers/redis.ts';
import { openSocket, tokenProtocols } from '../helpers/socket-client.ts';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

const METRICS_TOKEN = 'ops-health-scrape-token-0123456789';

async function scrape(s: TestServer): Promise<string> {
  const r = await fetch(`${s.baseUrl}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  expect(r.status).toBe(200);
  return r.text();
}

/** The value of one sample (`name{labels} value`), or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe.each(TEST_DATABASES)('operators’ probes on $name', (database) => {
  let s: TestServer;
  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({
      engine: database.name,
      env: {
        BATON_METRICS_TOKEN: METRICS_TOKEN,
        // The loop never ticks during the test: a due timer stays due, as on a stuck cluster.
        BATON_TIMER_INTERVAL_MS: '3600000',
        BATON_READY_TIMER_LAG_SECONDS: '30',
      },
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  it.skipIf(database.skipReason)('is alive and ready with every check passing', async () => {
    expect((await api(s.baseUrl, 'GET', '/healthz')).body).toEqual({
      status: 'ok',
      database: database.name,
      // On PostgreSQL the server listens for `baton agents` (NOTIFY): ended sessions and presence
      // questions, on one connection each, each reported as a dependency.
      ...(database.name === 'postgres'
        ? {
            dependencies: [
              { name: 'postgres-session-notices', status: 'up', since: expect.any(String) },
              { name: 'postgres-notify', status: 'up', since: expect.any(String) },
            ],
          }
        : {}),
    });
    const ready = await api(s.baseUrl, 'GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
    // A single node has no Redis to check.
    expect(ready.body.checks.map((c: any) => [c.name, c.ok])).toEqual([
      ['database', true],
      ['migrations', true],
      ['timers', true],
    ]);
  });

  it.skipIf(database.skipReason)(
    'is not ready while a migration is missing, and names it',
    async () => {
      const { store } = s.server;
      const migrator = await createMigrator(store.db, store.engine);
      const down = await migrator.migrateDown();
      expect(down.error).toBeUndefined();
      const rolledBack = down.results?.[0]?.migrationName;
      try {
        const r = await api(s.baseUrl, 'GET', '/readyz');
        expect(r.status).toBe(503);
        expect(r.body.failing).toEqual(['migrations']);
        const check = r.body.checks.find((c: any) => c.name === 'migrations');
        expect(check.detail).toContain(rolledBack);
        // Alive all the same: a restart would not help, a `baton migrate` would.
        expect((await api(s.baseUrl, 'GET', '/healthz')).status).toBe(200);
      } finally {
        expect((await store.migrate()).error).toBeUndefined();
      }
      expect((await api(s.baseUrl, 'GET', '/readyz')).status).toBe(200);
    },
  );

  it.skipIf(database.skipReason)(
    'reports timer lag and outbox backlog, and is not ready while a timer is late',
    async () => {
      const c = await startConversation(s.baseUrl);
      const before = await scrape(s);
      expect(sample(before, 'baton_timer_lag_seconds')).toBe(0);
      const { store } = s.server;
      // An outbox send due two minutes ago that no loop has fired.
      await store.timers.schedule(
        c.id,
        { kind: 'webhook.deliver', dueAt: new Date(Date.now() - 120_000), data: {} },
        new Date(),
      );
      const r = await api(s.baseUrl, 'GET', '/readyz');
      expect(r.status).toBe(503);
      expect(r.body).toMatchObject({ status: 'unready', failing: ['timers'] });
      const after = await scrape(s);
      expect(sample(after, 'baton_timer_lag_seconds')).toBeGreaterThanOrEqual(120);
      expect(sample(after, 'baton_outbox_backlog{kind="webhook.deliver"}')).toBe(1);
      // Fired (as a loop would): ready again, nothing left behind.
      for (const timer of await store.timers.claimDue(new Date(), 100, 30_000)) {
        await store.timers.complete(timer.id, new Date());
      }
      expect((await api(s.baseUrl, 'GET', '/readyz')).status).toBe(200);
      const done = await scrape(s);
      expect(sample(done, 'baton_timer_lag_seconds')).toBe(0);
      expect(sample(done, 'baton_outbox_backlog{kind="webhook.deliver"}')).toBeUndefined();
    },
  );

  it.skipIf(database.skipReason)(
    'counts open sockets by side, commits by engine, bus deliveries and queue depth',
    async () => {
      const start = await scrape(s);
      const commitsBefore =
        sample(start, `baton_commit_duration_seconds_count{engine="${database.name}"}`) ?? 0;
      const busBefore = sample(start, 'baton_bus_lag_seconds_count') ?? 0;
      // Queue depth: a customer who asks for a person while nobody is connected waits.
      const waiting = await startConversation(s.baseUrl);
      const asked = await api(s.baseUrl, 'POST', `/api/v1/conversations/${waiting.id}/messages`, {
        token: waiting.token,
        body: { action: 'request_human' },
      });
      expect(asked.status).toBe(201);
      const queue = asked.body.events.find((e: any) => e.type === 'conversation.handed_over').data
        .queue as string;
      expect(sample(await scrape(s), `baton_conversations_waiting{queue="${queue}"}`)).toBe(
        (sample(start, `baton_conversations_waiting{queue="${queue}"}`) ?? 0) + 1,
      );
      const token = await login(s.baseUrl, 'sam@example.com', s.demoAgent.password);
      const agent = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(token));
      const c = await startConversation(s.baseUrl);
      const customer = await openSocket(
        `${s.wsUrl}/api/v1/conversations/${c.id}/stream?since=0`,
        tokenProtocols(c.token),
      );
      const open = await scrape(s);
      expect(sample(open, 'baton_sockets_open{side="customer"}')).toBe(1);
      expect(sample(open, 'baton_sockets_open{side="agent"}')).toBe(1);
      expect(
        sample(open, `baton_commit_duration_seconds_count{engine="${database.name}"}`),
      ).toBeGreaterThan(commitsBefore);
      expect(sample(open, 'baton_bus_lag_seconds_count')).toBeGreaterThan(busBefore);
      await customer.close();
      await agent.close();
      const closed = await until(async () => {
        const text = await scrape(s);
        return sample(text, 'baton_sockets_open{side="customer"}') === 0 &&
          sample(text, 'baton_sockets_open{side="agent"}') === 0
          ? text
          : undefined;
      });
      expect(closed).toContain('baton_sockets_open');
    },
  );
});

const postgres = TEST_DATABASES.find((d) => d.name === 'postgres');
const clusterSkip = REDIS_SKIP_REASON ?? postgres?.skipReason ?? null;

describe.skipIf(clusterSkip)('/readyz on a cluster node when Redis is unreachable', () => {
  let proxy: TcpProxy;
  let s: TestServer;
  beforeAll(async () => {
    const redis = new URL(REDIS_URL);
    proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    s = await startTestServer({
      engine: 'postgres',
      env: {
        REDIS_URL: `redis://127.0.0.1:${proxy.port}`,
        BATON_REDIS_PREFIX: `baton-ready-${process.pid}`,
        BATON_REDIS_HEARTBEAT_MS: '300',
      },
    });
  });
  afterAll(async () => {
    await s?.close();
    await proxy?.close();
  });

  it('is 503 naming redis while it is cut, alive throughout, and ready when it returns', async () => {
    const ready = await until(async () => {
      const r = await api(s.baseUrl, 'GET', '/readyz');
      return r.status === 200 ? r : undefined;
    });
    expect(ready.body.checks.map((c: any) => c.name)).toEqual([
      'database',
      'redis',
      'migrations',
      'timers',
    ]);
    proxy.cut();
    const unready = await until(async () => {
      const r = await api(s.baseUrl, 'GET', '/readyz');
      return r.status === 503 ? r : undefined;
    });
    expect(unready.body.failing).toEqual(['redis']);
    expect((await api(s.baseUrl, 'GET', '/healthz')).body.status).toBe('degraded');
    proxy.restore();
    await until(
      async () => ((await api(s.baseUrl, 'GET', '/readyz')).status === 200 ? true : undefined),
      15_000,
    );
  });
});

describe('without its database', () => {
  let s: TestServer;
  beforeAll(async () => {
    // The background work logs its failed reads once the database is gone; not needed here.
    s = await startTestServer({
      env: { BATON_TIMER_INTERVAL_MS: '3600000' },
      logStream: { write: () => undefined },
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('stays alive on /healthz and is not ready on /readyz, naming the database', async () => {
    // The database goes away under the running server (closed, as a lost disk would).
    await s.server.store.db.destroy();
    const alive = await api(s.baseUrl, 'GET', '/healthz');
    expect(alive).toEqual({ status: 200, body: { status: 'ok', database: 'sqlite' } });
    const r = await api(s.baseUrl, 'GET', '/readyz');
    expect(r.status).toBe(503);
    expect(r.body.failing).toEqual(['database', 'migrations', 'timers']);
    expect(r.body.checks[0]).toMatchObject({ name: 'database', ok: false });
  });
});
