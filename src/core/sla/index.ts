/** SLA: business hours, wait estimates, what the customer hears, and the no-dead-ends timers (pure). */
export * from './business-calendar.ts';
export * from './callback-slots.ts';
export * from './choices.ts';
export * from './estimate-wait.ts';
export * from './expectation-message.ts';
export * from './format-follow-up.ts';
export * from './handle-times.ts';
export * from './is-open.ts';
export * from './should-update-estimate.ts';
export * from './zoned-time.ts';
export * from './simulate/run-simulation.ts';
export * from './simulate/score-predictions.ts';
export * from './simulate/simulation-options.ts';
