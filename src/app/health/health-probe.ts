/**
 * Two questions an operator's probes ask. Alive (`/healthz`): the process answers; it reports
 * the engine and the bus's dependencies (Redis, the NOTIFY listener) from memory and touches
 * nothing, so a slow database never gets a live node restarted. Ready (`/readyz`): this node can do its work now — the
 * database answers, Redis is reachable (in a cluster), every migration is applied, and the
 * timers are not late — so a balancer sends traffic elsewhere while one of them fails.
 */
import { sql } from 'kysely';
import type { EventBus } from '../../bus/event-bus.ts';
import { createMigrator } from '../../store/migrate.ts';
import type { Store } from '../../store/store.ts';
import { timerLagSeconds } from './timer-lag.ts';

export interface DependencyStatus {
  readonly name: string;
  readonly up: boolean;
  readonly since: Date;
}

export interface LivenessReport {
  /** The database engine's name (`sqlite`, `postgres`). */
  readonly database: string;
  /** In a cluster, or on PostgreSQL: the bus's own dependencies (Redis, NOTIFY listener). */
  readonly dependencies?: readonly DependencyStatus[];
}

export type ReadinessCheckName = 'database' | 'redis' | 'migrations' | 'timers';

export interface ReadinessCheck {
  readonly name: ReadinessCheckName;
  readonly ok: boolean;
  /** What was found, in words an operator reads in a probe's log. */
  readonly detail: string;
}

export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: readonly ReadinessCheck[];
}

export interface HealthProbeOptions {
  readonly clock: () => Date;
  /** Not ready while a due timer has waited longer than this. */
  readonly timerLagSeconds: number;
  /** How long one check may take before it counts as failed. */
  readonly checkTimeoutMs?: number;
}

export class HealthProbe {
  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
    private readonly options: HealthProbeOptions,
  ) {}

  alive(): LivenessReport {
    const dependencies = this.bus
      .health?.()
      .map((d) => ({ name: d.dependency, up: d.up, since: d.since }));
    return { database: this.store.engine, ...(dependencies ? { dependencies } : {}) };
  }

  async ready(): Promise<ReadinessReport> {
    const checks: ReadinessCheck[] = [];
    const database = await this.check('database', async () => {
      await sql`select 1`.execute(this.store.db);
      return { ok: true, detail: `${this.store.engine} answers` };
    });
    checks.push(database);
    // Only Redis gates readiness: without a NOTIFY listener (postgres-notify,
    // postgres-session-notices) a node still serves its own sockets; /healthz says degraded.
    for (const d of this.bus.health?.().filter((h) => h.dependency === 'redis') ?? []) {
      checks.push({
        name: 'redis',
        ok: d.up,
        detail: `${d.dependency} ${d.up ? 'up' : 'down'} since ${d.since.toISOString()}`,
      });
    }
    if (!database.ok) {
      // Both read the database: one clear failure says more than three timeouts.
      checks.push({ name: 'migrations', ok: false, detail: 'not checked: no database' });
      checks.push({ name: 'timers', ok: false, detail: 'not checked: no database' });
      return { ready: false, checks };
    }
    checks.push(
      await this.check('migrations', async () => {
        const migrator = await createMigrator(this.store.db, this.store.engine);
        const pending = (await migrator.getMigrations()).filter((m) => !m.executedAt);
        return pending.length === 0
          ? { ok: true, detail: 'all applied' }
          : { ok: false, detail: `pending: ${pending.map((m) => m.name).join(', ')}` };
      }),
    );
    checks.push(
      await this.check('timers', async () => {
        const lag = await timerLagSeconds(this.store, this.options.clock());
        const limit = this.options.timerLagSeconds;
        return {
          ok: lag <= limit,
          detail: `oldest due timer waiting ${lag.toFixed(1)} s (limit ${limit} s)`,
        };
      }),
    );
    return { ready: checks.every((c) => c.ok), checks };
  }

  private async check(
    name: ReadinessCheckName,
    run: () => Promise<{ ok: boolean; detail: string }>,
  ): Promise<ReadinessCheck> {
    const timeoutMs = this.options.checkTimeoutMs ?? 2000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return { name, ...(await Promise.race([run(), timeout])) };
    } catch (error) {
      return { name, ok: false, detail: (error as Error).message };
    } finally {
      clearTimeout(timer);
    }
  }
}
