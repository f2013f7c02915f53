// The staffing forecast: demand from the event log, Erlang A, and a simulation to check it.
export * from './erlang-a.ts';
export * from './erlang-c.ts';
export * from './forecast-csv.ts';
export * from './offered-load.ts';
export * from './servers-needed.ts';
export * from './simulate-queue.ts';
export * from './staffing-forecast.ts';
export * from './weekly-demand.ts';
