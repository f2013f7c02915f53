// A customer message as the classifier reads it: the whole text, and each of its sentences for
// the heads where one sentence carries the intent (a request for a person, an incident, an
// approval, a lead, a refund or cancellation). A linear model over L2-normalised n-grams
// dilutes a request said once inside a long message ("I moved last month and my bills still go
// to the old address. I've updated it twice. I'd like to speak to someone about it."): the
// story's features outweigh the request's. A sentence read alone loses its context, though ("… Is a human reviewing my
// application or is it all automatic?" asks about the process; "a charge of $640 on my card"
// is not fraud when the next sentence says "I did order"), so a sentence counts only when the
// classifier is nearly sure of it (any sentence score counted raised the public scenarios'
// false handoffs from 1 to 3 of 21; docs/escalation.md). Frustration and the queues stay on
// the whole message: anger and topic belong to the message as a whole.
import {
  CLASSIFIER_LABELS,
  scoreText,
  type ClassifierLabel,
  type LinearModel,
  type ModelScores,
} from './model.ts';

/** Heads where a single sentence is enough to carry the intent. */
const SENTENCE_HEADS: ReadonlySet<ClassifierLabel> = new Set([
  'explicit_request',
  'security',
  'approval_required',
  'high_value',
  'topic_policy',
]);

/** The least score of one sentence read alone that counts for the whole message. */
export const SENTENCE_CONFIDENT = 0.9;

/** A sentence needs this many words to be read alone ("Hi.", "Thanks!" carry nothing). */
const MIN_SENTENCE_WORDS = 3;
/** Long emails: the first sentences hold the request; the rest is history and signatures. */
const MAX_SENTENCES = 12;

/** Sentences of a message: split after . ! ? ; or a line break. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).filter((w) => /\p{L}{2}/u.test(w)).length >= MIN_SENTENCE_WORDS)
    .slice(0, MAX_SENTENCES);
}

/** Scores of the whole message, with the sentence heads raised to their best sentence. */
export function scoreMessage(model: LinearModel, text: string): ModelScores {
  const whole = scoreText(model, text);
  const sentences = splitSentences(text);
  if (sentences.length < 2) return whole;
  const labels = { ...whole.labels };
  for (const sentence of sentences) {
    const s = scoreText(model, sentence).labels;
    for (const l of CLASSIFIER_LABELS)
      if (SENTENCE_HEADS.has(l) && s[l] >= SENTENCE_CONFIDENT && s[l] > labels[l]) labels[l] = s[l];
  }
  return { labels, queues: whole.queues };
}
