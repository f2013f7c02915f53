/**
 * A cluster as production runs it, on loopback: N Baton node processes on one PostgreSQL
 * (the test's own server, so it may be restarted) and one Redis (the shared one, under a
 * unique channel prefix), behind HAProxy. Used by test/cluster/ and the cluster bench.
 */
import { randomBytes } from 'node:crypto';
import { batonNode, type BatonNode } from './baton-node.ts';
import { freePort } from './free-port.ts';
import { startHaproxy, type Balancer } from './haproxy.ts';
import { startPrivatePostgres, type PrivatePostgres } from './private-postgres.ts';

export interface ClusterOptions {
  readonly nodes: number;
  readonly redisUrl: string;
  /** More environment for every node (timers, limits …). */
  readonly env?: Readonly<Record<string, string>>;
  /** A PostgreSQL server to use (and keep) instead of one of the cluster's own. */
  readonly postgres?: PrivatePostgres;
  /** The database to create on it (default `baton`). */
  readonly database?: string;
}

export interface Cluster {
  readonly postgres: PrivatePostgres;
  readonly databaseUrl: string;
  readonly nodes: readonly BatonNode[];
  readonly balancer: Balancer;
  /** The Redis channel prefix this cluster's nodes share (unique per cluster). */
  readonly redisPrefix: string;
  close(): Promise<void>;
}

/**
 * Limits lifted: every client of a test comes from 127.0.0.1 through the balancer, at rates
 * no person types at (docs/security.md, "Limits").
 */
export const LOAD_TEST_LIMITS: Readonly<Record<string, string>> = {
  BATON_RATE_LIMIT_PER_MINUTE: '10000000',
  BATON_CONVERSATION_MESSAGES: '10000000',
  BATON_SOCKET_FRAMES: '10000000',
  BATON_SOCKETS_PER_IP: '100000',
  BATON_LOGIN_FAILURES: '1000',
};

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const ownServer = !options.postgres;
  const postgres = options.postgres ?? (await startPrivatePostgres());
  const release = () => (ownServer ? postgres.destroy() : Promise.resolve());
  const parts: { nodes: BatonNode[]; balancer?: Balancer } = { nodes: [] };
  try {
    const database = options.database ?? 'baton';
    await postgres.createDatabase(database);
    const databaseUrl = postgres.url(database);
    const redisPrefix = `baton-cluster-${randomBytes(4).toString('hex')}`;
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: options.redisUrl,
      BATON_REDIS_PREFIX: redisPrefix,
      BATON_DEMO: 'true',
      BATON_DEMO_PASSWORD: 'baton-demo',
      BATON_WEB_ROOT: 'dist/web',
      LOG_LEVEL: 'error',
      ...LOAD_TEST_LIMITS,
      ...options.env,
    };
    for (let i = 1; i <= options.nodes; i += 1) {
      parts.nodes.push(batonNode(`n${i}`, await freePort(), env));
    }
    // The first node migrates the database and seeds the demo agents alone; the others
    // then start side by side on a database that is ready.
    await parts.nodes[0]?.start();
    await Promise.all(parts.nodes.slice(1).map((n) => n.start()));
    parts.balancer = await startHaproxy(parts.nodes.map((n) => ({ name: n.name, port: n.port })));
    const balancer = parts.balancer;
    return {
      postgres,
      databaseUrl,
      nodes: parts.nodes,
      balancer,
      redisPrefix,
      async close() {
        await balancer.close();
        await Promise.all(parts.nodes.map((n) => n.kill('SIGTERM')));
        await release();
      },
    };
  } catch (error) {
    await parts.balancer?.close();
    await Promise.all(parts.nodes.map((n) => n.kill('SIGKILL')));
    await release();
    throw error;
  }
}
