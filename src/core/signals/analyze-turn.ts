// Everything the signals say about one turn, computed once per turn object. The live server
// and replay evaluate a growing conversation again at every customer message, so the per-turn
// work is memoised on the (immutable) turn object itself; the cache is invisible to callers.
import { getModel } from '../classify/load-model.ts';
import { scoreText, type ModelScores } from '../classify/model.ts';
import { scoreMessage } from '../classify/score-message.ts';
import { botTurnFlags, type BotTurnFlags, type BotTurnLike } from './bot-turn-flags.ts';
import { detectClosing } from './detect-closing.ts';
import { detectFrustration, type Frustration } from './detect-frustration.ts';
import { detectHighValueIntent, type HighValueIntent } from './detect-high-value.ts';
import { detectHumanRequest, type HumanRequest } from './detect-human-request.ts';
import { detectTopics, type TopicHit } from './detect-topics.ts';
import { extractEntities, type Entities } from './extract-entities.ts';
import { contentWords } from './question-similarity.ts';
import { scoreSentiment } from './score-sentiment.ts';

export interface CustomerTurnAnalysis {
  humanRequest: HumanRequest | null;
  sentiment: number;
  frustration: Frustration;
  topics: TopicHit[];
  entities: Entities;
  highValue: HighValueIntent | null;
  closing: boolean;
  words: Set<string>;
  /** Probabilities of the learned classifier's labels and queues for this message. */
  classifier: ModelScores;
}

/** Longer messages are judged on their start (emails quote whole threads below the reply). */
export const MAX_ANALYSED_CHARS = 5_000;

const customerCache = new WeakMap<object, CustomerTurnAnalysis>();
const botCache = new WeakMap<object, BotTurnFlags>();

/** Signals of one customer turn (memoised per turn object). */
export function analyzeCustomerTurn(turn: {
  text?: string;
  action?: string;
}): CustomerTurnAnalysis {
  const hit = customerCache.get(turn);
  if (hit) return hit;
  const text = (turn.text ?? '').slice(0, MAX_ANALYSED_CHARS);
  const sentiment = scoreSentiment(text);
  const topics = detectTopics(text);
  const analysis: CustomerTurnAnalysis = {
    humanRequest: detectHumanRequest({
      text,
      ...(turn.action === undefined ? {} : { action: turn.action }),
    }),
    sentiment,
    frustration: detectFrustration(text, sentiment),
    topics,
    entities: extractEntities(text),
    // Any bulk quantity is kept; the policy's bulk_quantity threshold decides later.
    highValue: detectHighValueIntent(text, 2, topics),
    closing: text !== '' && detectClosing(text),
    words: contentWords(text),
    classifier: scoreMessage(getModel(), text),
  };
  customerCache.set(turn, analysis);
  return analysis;
}

const botScoreCache = new WeakMap<object, ModelScores>();
const botWordsCache = new WeakMap<object, Set<string>>();

/** Content-word stems of a bot turn (to judge whether it answered the question). */
export function botTurnWords(turn: { text?: string }): Set<string> {
  const hit = botWordsCache.get(turn);
  if (hit) return hit;
  const words = contentWords((turn.text ?? '').slice(0, MAX_ANALYSED_CHARS));
  botWordsCache.set(turn, words);
  return words;
}

/** The classifier's reading of a bot turn's text ("shall I get a colleague?" reads as a person). */
export function classifyBotTurn(turn: { text?: string }): ModelScores {
  const hit = botScoreCache.get(turn);
  if (hit) return hit;
  const scores = scoreText(getModel(), (turn.text ?? '').slice(0, MAX_ANALYSED_CHARS));
  botScoreCache.set(turn, scores);
  return scores;
}

/** Flags of one bot or system turn (memoised per turn object). */
export function analyzeBotTurn(turn: BotTurnLike): BotTurnFlags {
  const hit = botCache.get(turn);
  if (hit) return hit;
  const flags = botTurnFlags(turn);
  botCache.set(turn, flags);
  return flags;
}
