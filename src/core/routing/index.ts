/** Routing: queues, priority, agent matching, capacity and the misroute rule (pure). */
export * from './agent-snapshot.ts';
export * from './compute-priority.ts';
export * from './default-queues.ts';
export * from './is-misroute.ts';
export * from './queue-config.ts';
export * from './route.ts';
export * from './routing-snapshot.ts';
export * from './parse-queues.ts';
export * from './priority-formula-from-policy.ts';
export * from './overflow-target.ts';
export * from './supervisor-overview.ts';
