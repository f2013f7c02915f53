// Public surface of the transcript module (`baton.transcript/1`).
export * from './transcript-schema.ts';
export * from './parse-transcript-line.ts';
export * from './turn-times.ts';
