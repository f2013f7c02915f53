// Public surface of the signal extractors (each a pure function of one message or turn).
export * from './analyze-turn.ts';
export * from './bot-turn-flags.ts';
export * from './detect-closing.ts';
export * from './detect-frustration.ts';
export * from './detect-high-value.ts';
export * from './detect-human-request.ts';
export * from './detect-topics.ts';
export * from './extract-entities.ts';
export * from './normalize-text.ts';
export * from './parse-money.ts';
export * from './question-similarity.ts';
export * from './score-sentiment.ts';
export { TOPICS, type Topic } from './topic-lexicon.ts';
export * from './amount-context.ts';
export * from './fix-typos.ts';
export * from './sentiment-trend.ts';
export * from './detect-yes.ts';
export * from './hypothetical.ts';
