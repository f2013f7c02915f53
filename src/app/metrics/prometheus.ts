/**
 * Prometheus metrics at /metrics (text format), fed by the bus: every committed change is
 * counted once on the node that committed it. Queue lengths are read from the database at
 * scrape time, so every node reports the same truth. The operators' gauges (timer lag, outbox
 * backlog, sockets, commit latency, bus lag) are in operations-metrics.ts.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { EventBus } from '../../bus/event-bus.ts';
import type { Store } from '../../store/store.ts';
import type { PresencePort } from '../conversations/ports.ts';
import { registerOperationsMetrics, type SocketCounter } from './operations-metrics.ts';

export interface PrometheusMetrics {
  readonly registry: Registry;
  /** One store commit took this long (the writer reports it). */
  observeCommit(seconds: number): void;
  close(): void;
}

export function createPrometheusMetrics(
  bus: EventBus,
  store: Store,
  presence: PresencePort & SocketCounter,
  clock: () => Date,
): PrometheusMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'baton_process_' });
  const operations = registerOperationsMetrics(registry, {
    store,
    bus,
    sockets: presence,
    clock,
  });
  const started = new Counter({
    name: 'baton_conversations_started_total',
    help: 'Conversations started, by channel.',
    labelNames: ['channel'],
    registers: [registry],
  });
  const handoffs = new Counter({
    name: 'baton_handoffs_total',
    help: 'Handoffs to a person, by strongest reason, queue and channel.',
    labelNames: ['reason', 'queue', 'channel'],
    registers: [registry],
  });
  const messages = new Counter({
    name: 'baton_messages_total',
    help: 'Messages stored, by sender.',
    labelNames: ['from'],
    registers: [registry],
  });
  const breaches = new Counter({
    name: 'baton_sla_breaches_total',
    help: 'First-response SLA breaches, by queue.',
    labelNames: ['queue'],
    registers: [registry],
  });
  const overflows = new Counter({
    name: 'baton_overflows_total',
    help: 'Conversations moved to a fallback queue after an SLA breach, by from and to queue.',
    labelNames: ['from', 'to'],
    registers: [registry],
  });
  const moves = new Counter({
    name: 'baton_transfers_total',
    help: 'Transfers by agents (to a queue or a named agent) and reassignments by supervisors.',
    labelNames: ['kind'],
    registers: [registry],
  });
  const resolved = new Counter({
    name: 'baton_conversations_resolved_total',
    help: 'Conversations resolved, by whether a person had them.',
    labelNames: ['handed_over'],
    registers: [registry],
  });
  // Not shown to the agent for a ring (their phone rang once either way): for operators, how
  // often Twilio's answer to Calls.json is lost and the retry finds the call (earlier-call-lookup.ts).
  const foundOnRetry = new Counter({
    name: 'baton_voice_calls_found_on_retry_total',
    help: 'Voice calls whose Calls.json answer was lost and the retry found instead of calling again, by step.',
    labelNames: ['step'],
    registers: [registry],
  });
  const wait = new Histogram({
    name: 'baton_wait_seconds',
    help: 'From handoff until an agent took the conversation.',
    labelNames: ['queue'],
    buckets: [5, 15, 30, 60, 120, 300, 600, 1800, 3600],
    registers: [registry],
  });
  new Gauge({
    name: 'baton_agents_connected',
    help: 'Agents with the inbox open on this node.',
    registers: [registry],
    collect() {
      this.set(presence.onlineAgentCount());
    },
  });
  new Gauge({
    name: 'baton_conversations_waiting',
    help: 'Conversations waiting for a person, by queue.',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const { queue, count } of await store.reads.countWaitingByQueue()) {
        this.set({ queue: queue ?? 'none' }, count);
      }
    },
  });

  // In a cluster: 0 while this node cannot reach Redis (health says `degraded`), and since when.
  new Gauge({
    name: 'baton_dependency_up',
    help: 'Whether this node reaches a dependency (1) or not (0), by dependency.',
    labelNames: ['dependency'],
    registers: [registry],
    collect() {
      for (const d of bus.health?.() ?? []) this.set({ dependency: d.dependency }, d.up ? 1 : 0);
    },
  });
  new Gauge({
    name: 'baton_dependency_since_seconds',
    help: 'When a dependency last went down or came back (Unix time), by dependency.',
    labelNames: ['dependency'],
    registers: [registry],
    collect() {
      for (const d of bus.health?.() ?? [])
        this.set({ dependency: d.dependency }, d.since.getTime() / 1000);
    },
  });

  const unsubscribe = bus.subscribe(({ conversation, events }) => {
    for (const e of events) {
      // Only some events are counted; the rest pass by (listed, so a new type is considered).
      // These are the events just committed (never old rows): their data is as written here.
      switch (e.type) {
        case 'conversation.created':
          started.inc({ channel: conversation.channel });
          break;
        case 'message.created':
          messages.inc({ from: e.data.from });
          break;
        case 'conversation.handed_over':
          handoffs.inc({
            reason: e.data.reasons[0] ?? 'unknown',
            queue: e.data.queue,
            channel: conversation.channel,
          });
          break;
        case 'conversation.assigned':
          if (conversation.handedOverAt) {
            wait.observe(
              { queue: conversation.queue ?? 'none' },
              (Date.parse(e.at) - Date.parse(conversation.handedOverAt)) / 1000,
            );
          }
          break;
        case 'conversation.sla_breached':
          // The queue it breached in: an overflow in the same commit has already moved it.
          breaches.inc({ queue: e.data.queue });
          break;
        case 'conversation.overflowed':
          overflows.inc({ from: e.data.fromQueue, to: e.data.toQueue });
          break;
        case 'conversation.transferred':
          moves.inc({ kind: e.data.toAgentId ? 'to_agent' : 'to_queue' });
          break;
        case 'conversation.reassigned':
          moves.inc({ kind: 'reassign' });
          break;
        case 'conversation.resolved':
          resolved.inc({ handed_over: conversation.handedOverAt ? 'yes' : 'no' });
          break;
        case 'conversation.intake_started':
        case 'conversation.offered':
        case 'conversation.offer_declined':
        case 'conversation.offer_expired':
        case 'conversation.offer_round_completed':
        case 'conversation.requeued':
        case 'conversation.agent_nudged':
        case 'conversation.supervisor_alerted':
        case 'conversation.returned_to_bot':
        case 'conversation.deferred':
        case 'conversation.resumed':
        case 'conversation.abandoned':
        case 'conversation.continue_by_message':
        case 'message.delivery':
        case 'message.status':
        case 'message.read':
        case 'note.created':
        case 'handoff.fields_added':
        case 'handoff.summarized':
        case 'callback.requested':
        case 'csat.submitted':
        case 'channel.reaction':
        case 'channel.thread_control':
        case 'channel.opt_out':
        case 'channel.voice_call':
          if ('foundOnRetry' in e.data && e.data.foundOnRetry) {
            foundOnRetry.inc({
              step: e.data.action === 'agent_called' ? 'agent_ring' : 'call_back',
            });
          }
          break;
        case 'channel.opt_in':
          break;
      }
    }
  });
  return {
    registry,
    observeCommit: (seconds) => operations.observeCommit(seconds),
    close: () => {
      unsubscribe();
      operations.close();
    },
  };
}
