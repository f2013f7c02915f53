// Topic signal for one message: which topics it requests or mentions, with the matched words.
// Sentences are judged one at a time so that a veto ("what is your refund policy?") only
// cancels a request in its own sentence, and a negation ("no quiero un reembolso") only the
// request in its own clause (topic-negation.ts).
import { fixTypos } from './fix-typos.ts';
import { HYPOTHETICAL } from './hypothetical.ts';
import { normalizeText } from './normalize-text.ts';
import { negationBefore } from './topic-negation.ts';
import { TOPIC_RULES, TOPICS, type Topic } from './topic-lexicon.ts';

export interface TopicHit {
  topic: Topic;
  /** `request`: the customer asks for it (can trigger a handoff); `mention`: queue only. */
  kind: 'request' | 'mention';
  matched: string;
  /** Set when a request was vetoed as a question about the topic ("what is your refund policy?"). */
  vetoed?: string;
  /** Set when a request was negated in its clause ("no quiero un reembolso"): the negation. */
  negated?: string;
}

/** Topics a customer can decline: those that hand over by policy whenever they are asked for. */
const NEGATABLE: ReadonlySet<Topic> = new Set([
  'refund',
  'cancellation',
  'billing_dispute',
  'legal',
  'complaint',
]);

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

interface RequestMatch {
  matched: string | null;
  negated: string | null;
}

const GLOBAL = new WeakMap<RegExp, RegExp>();

/** `re` with the g flag, compiled once: matchAll needs it to read every occurrence. */
function globalOf(re: RegExp): RegExp {
  let g = GLOBAL.get(re);
  if (g === undefined) {
    g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    GLOBAL.set(re, g);
  }
  return g;
}

/**
 * The first request match of `res` in `sentence` that no negation in its clause cancels; else
 * the negation of the first one cancelled. Every occurrence is read: "I don't want store credit,
 * I want a refund" asks in its second clause.
 */
function firstRequest(res: readonly RegExp[] | undefined, sentence: string): RequestMatch {
  let negated: string | null = null;
  for (const re of res ?? []) {
    for (const m of sentence.matchAll(globalOf(re))) {
      const negation = negationBefore(sentence, m.index);
      if (negation === null) return { matched: m[0], negated: null };
      negated ??= negation;
    }
  }
  return { matched: null, negated };
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
      const found =
        veto !== null
          ? { matched: null, negated: null }
          : NEGATABLE.has(topic)
            ? firstRequest(rules.request, sentence)
            : { matched: firstMatch(rules.request, sentence), negated: null };
      const req = found.matched;
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
          ...(found.negated === null ? {} : { negated: found.negated }),
        });
    }
  }
  return [...hits.values()];
}
