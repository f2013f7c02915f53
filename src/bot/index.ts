// The bot's public surface: load a knowledge base, build an answer engine, ask it.
export { createAnswerEngine, MIN_ANSWER_CONFIDENCE, SURE_CONFIDENCE } from './answer-engine.ts';
export type { AnswerEngine, AnswerEngineOptions, KbHit, KbRanking } from './answer-engine.ts';
export type { ArticleRef, BotAnswer, BotIntent } from './bot-answer.ts';
export { DEFAULT_CONFIDENCE_MODEL, scoreConfidence } from './confidence.ts';
export type { ConfidenceFeatures, ConfidenceModel } from './confidence.ts';
export { parseKbArticle, parseKbArticleYaml } from './kb-article.ts';
export type { KbArticle, ParseKbArticleResult } from './kb-article.ts';
export { isArticleFile, KnowledgeBaseError, loadKnowledgeBase } from './load-knowledge-base.ts';
export { detectSmallTalk } from './small-talk.ts';
export type { SmallTalkIntent } from './small-talk.ts';
