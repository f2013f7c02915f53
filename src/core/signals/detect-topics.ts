// Topic signal for one message: which topics it requests or mentions, with the matched words.
// Sentences are judged one at a time so that a veto ("what is your refund policy?") only
// cancels a request in its own sentence.
import { fixTypos } from './fix-typos.ts';
import { HYPOTHETICAL } from './hypothetical.ts';
import { normalizeText } from './normalize-text.ts';
import { TOPIC_RULES, TOPICS, type Topic } from './topic-lexicon.ts';

export interface TopicHit {
  topic: Topic;
  /** `request`: the customer asks for it (can trigger a handoff); `mention`: queue only. */
  kind: 'request' | 'mention';
  matched: string;
  /** Set when a request was vetoed as a question about the topic ("what is your refund policy?"). */
  vetoed?: string;
}

function sentences(normalized: string): string[] {
  return normalized.split(/(?<=[.!?;\n])\s+|\n+/).filter((s) => s.trim() !== '');
}

function firstMatch(res: readonly RegExp[] | undefined, text: string): string | null {
  for (const re of res ?? []) {
    const m = re.exec(text);
    if (m) return m[0];
  }
  return null;
}

/** Topics requested or mentioned in `text`, at most one hit per topic (requests first). */
export function detectTopics(text: string): TopicHit[] {
  const hits = new Map<Topic, TopicHit>();
  for (const sentence of sentences(fixTypos(normalizeText(text)))) {
    for (const topic of TOPICS) {
      const rules = TOPIC_RULES[topic];
      const prior = hits.get(topic);
      if (prior?.kind === 'request') continue;
      const veto = firstMatch(rules.unless, sentence) ?? HYPOTHETICAL.exec(sentence)?.[0] ?? null;
      const req = veto !== null ? null : firstMatch(rules.request, sentence);
      if (req !== null) {
        hits.set(topic, { topic, kind: 'request', matched: req });
        continue;
      }
      const mention = prior
        ? null
        : (firstMatch(rules.mention, sentence) ?? firstMatch(rules.request, sentence));
      if (mention !== null)
        hits.set(topic, {
          topic,
          kind: 'mention',
          matched: mention,
          ...(veto === null ? {} : { vetoed: veto }),
        });
    }
  }
  return [...hits.values()];
}
