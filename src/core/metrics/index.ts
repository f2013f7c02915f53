// Metrics derived from the event log (pure; the store supplies the logs).
export * from './conversation-facts.ts';
export * from './handoff-metrics.ts';
export * from './percentile.ts';
