/**
 * Whether this node can serve: the database answers a trivial query, and (in a cluster) which
 * dependencies of the bus are up or down and since when.
 */
import { sql } from 'kysely';
import type { EventBus } from '../../bus/event-bus.ts';
import type { Store } from '../../store/store.ts';

export interface DependencyStatus {
  readonly name: string;
  readonly up: boolean;
  readonly since: Date;
}

export interface HealthReport {
  /** The database engine's name (`sqlite`, `postgres`). */
  readonly database: string;
  readonly databaseUp: boolean;
  /** Only in a cluster: the bus's own dependencies (Redis). */
  readonly dependencies?: readonly DependencyStatus[];
}

export class HealthProbe {
  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
  ) {}

  async check(): Promise<HealthReport> {
    const database = this.store.engine;
    try {
      await sql`select 1`.execute(this.store.db);
    } catch {
      return { database, databaseUp: false };
    }
    const dependencies = this.bus
      .health?.()
      .map((d) => ({ name: d.dependency, up: d.up, since: d.since }));
    return { database, databaseUp: true, ...(dependencies ? { dependencies } : {}) };
  }
}
