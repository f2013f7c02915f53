/**
 * The operators' gauges and histograms beside the product counters (prometheus.ts): timer
 * lag, outbox backlog, open sockets, commit latency per engine and bus lag. The gauges read
 * at scrape time (the timers table is shared, so every node reports the cluster's lag and
 * backlog); the histograms are fed as things happen on this node.
 */
import { Gauge, Histogram, type Registry } from 'prom-client';
import type { EventBus } from '../../bus/event-bus.ts';
import { isLifecycleTimer } from '../../core/conversation/timer-kinds.ts';
import type { Store } from '../../store/store.ts';
import { timerLagSeconds } from '../health/timer-lag.ts';

export interface SocketCounter {
  socketCounts(): { customer: number; agent: number };
}

export interface OperationsMetrics {
  /** One store commit (or create) took this long. */
  observeCommit(seconds: number): void;
  close(): void;
}

/** From 0.5 ms (a SQLite commit) to 2.5 s (a PostgreSQL in trouble). */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export function registerOperationsMetrics(
  registry: Registry,
  deps: { store: Store; bus: EventBus; sockets: SocketCounter; clock: () => Date },
): OperationsMetrics {
  const { store, bus, sockets, clock } = deps;
  new Gauge({
    name: 'baton_timer_lag_seconds',
    help: 'Age of the oldest timer that is due and has not fired (0 when the loop keeps up).',
    registers: [registry],
    async collect() {
      this.set(await timerLagSeconds(store, clock()));
    },
  });
  new Gauge({
    name: 'baton_outbox_backlog',
    help: 'Outbox sends (channel replies, webhooks, email) not yet delivered, by kind.',
    labelNames: ['kind'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const { kind, count } of await store.timers.countOpenByKind()) {
        if (!isLifecycleTimer(kind)) this.set({ kind }, count);
      }
    },
  });
  new Gauge({
    name: 'baton_sockets_open',
    help: 'WebSocket connections open on this node, by side (customer, agent).',
    labelNames: ['side'],
    registers: [registry],
    collect() {
      const counts = sockets.socketCounts();
      this.set({ side: 'customer' }, counts.customer);
      this.set({ side: 'agent' }, counts.agent);
    },
  });
  const commits = new Histogram({
    name: 'baton_commit_duration_seconds',
    help: 'Time to commit one conversation change to the database, by engine.',
    labelNames: ['engine'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const busLag = new Histogram({
    name: 'baton_bus_lag_seconds',
    help: 'From a change committed (on any node) to its delivery to this node.',
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  // Every node's changes: the lag that matters is the one the sockets on this node see.
  const unsubscribe = bus.subscribe(
    ({ events }) => {
      const last = events.at(-1);
      if (last) busLag.observe(Math.max(0, (clock().getTime() - Date.parse(last.at)) / 1000));
    },
    { allNodes: true },
  );
  return {
    observeCommit: (seconds) => commits.observe({ engine: store.engine }, seconds),
    close: unsubscribe,
  };
}
