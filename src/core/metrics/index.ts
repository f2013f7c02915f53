// Metrics derived from the event log (pure; the store supplies the logs).
export * from './agent-report.ts';
export * from './agents-csv.ts';
export * from './conversation-facts.ts';
export * from './csv-export.ts';
export * from './filter-facts.ts';
export * from './handoff-metrics.ts';
export * from './handoff-rate-series.ts';
export * from './percentile.ts';
export * from './recontacts.ts';
