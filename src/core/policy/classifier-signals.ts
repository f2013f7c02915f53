// The learned classifier's say in the signals. Rules (the lexicons, the button, amounts) fire
// first; a classifier makes a signal fire when the rules missed it and its probability reaches
// the policy's threshold, and either way its name, score and threshold join the evidence, so
// every decision still explains itself. Also: "yes" to the bot's own offer of a person, read
// in any language by the same classifier applied to the bot's question.
import { isYes } from '../signals/detect-yes.ts';
import { HYPOTHETICAL } from '../signals/hypothetical.ts';
import { declinedPerson } from '../signals/person-request-grammar.ts';
import { normalizeText, wordTokens } from '../signals/normalize-text.ts';
import type { ClassifierLabel, ClassifierQueue } from '../classify/model.ts';
import { classifyBotTurn } from '../signals/analyze-turn.ts';
import type { ConversationView } from './conversation-view.ts';
import type { SignalResult } from './decision-types.ts';
import type { PolicyThresholds, SignalName } from './policy-schema.ts';

type ThresholdKey = {
  [K in keyof PolicyThresholds]: PolicyThresholds[K] extends number ? K : never;
}[keyof PolicyThresholds];

interface Upgrade {
  signal: SignalName;
  label: ClassifierLabel;
  threshold: ThresholdKey;
  topic?: string;
}

const UPGRADES: readonly Upgrade[] = [
  { signal: 'human_request', label: 'explicit_request', threshold: 'classifier_explicit_request' },
  { signal: 'security', label: 'security', threshold: 'classifier_security', topic: 'security' },
  { signal: 'approval', label: 'approval_required', threshold: 'classifier_approval' },
  {
    signal: 'high_value_intent',
    label: 'high_value',
    threshold: 'classifier_high_value',
    topic: 'sales',
  },
  { signal: 'sensitive_topic', label: 'topic_policy', threshold: 'classifier_topic_policy' },
  {
    signal: 'strong_frustration',
    label: 'negative_sentiment',
    threshold: 'classifier_frustration',
  },
];

/**
 * Words (two letters or more) a message needs before a classifier alone may decide on it: short
 * replies ("it's been 4 days", "hi is this a bot") carry too little for a linear model, and the
 * rules read them (one-word requests, typos, the button).
 */
export const MIN_WORDS = 4;

/**
 * A request for a person the classifier is this sure of counts even when short ("un humain
 * svp", "passez-moi quelqu'un", "Mitarbeiter bitte"): the lexicons cannot list every short
 * form in five languages, and the short decoys score well below it ("the agent" 0.76, "human
 * resources" 0.55, "it's been 4 days" 0.22).
 */
export const SHORT_REQUEST_CONFIDENT = 0.9;

/** Rule hits a confident classifier may read as decoys: not requests for a person, not anger. */
const VETOABLE: ReadonlySet<SignalName> = new Set([
  'security',
  'approval',
  'high_value_intent',
  'refund_request',
  'cancellation',
  'billing_dispute',
  'legal',
  'complaint',
]);

/**
 * Topic words the topic_policy head can read as a question about the policy rather than a
 * request ("Kann ich jederzeit kündigen?", "¿cuánto tarda un reembolso?"): the rules' own
 * question veto is English, the classifier reads all five languages.
 */
const TOPIC_SIGNALS: ReadonlySet<SignalName> = new Set([
  'refund_request',
  'cancellation',
  'billing_dispute',
  'legal',
  'complaint',
]);

/** The probability below which a rule's hit on `name` is read as a decoy (0: never). */
function vetoBelow(name: SignalName, t: PolicyThresholds): number {
  return TOPIC_SIGNALS.has(name)
    ? Math.max(t.classifier_veto, t.classifier_topic_veto)
    : t.classifier_veto;
}

/** Signals only rules fire, with the head whose reading joins their evidence. */
const EVIDENCE_ONLY: ReadonlyArray<[SignalName, ClassifierLabel, ThresholdKey]> = [
  ['human_request_repeated', 'explicit_request', 'classifier_explicit_request'],
  ['refund_request', 'topic_policy', 'classifier_topic_policy'],
  ['cancellation', 'topic_policy', 'classifier_topic_policy'],
  ['billing_dispute', 'topic_policy', 'classifier_topic_policy'],
  ['legal', 'topic_policy', 'classifier_topic_policy'],
  ['complaint', 'topic_policy', 'classifier_topic_policy'],
  ['negative_sentiment_trend', 'negative_sentiment', 'classifier_frustration'],
];

/** The policy topic whose queue a classifier queue stands for (general has none: the default). */
export const QUEUE_TOPIC: Record<ClassifierQueue, string | undefined> = {
  billing: 'billing',
  retention: 'cancellation',
  trust_safety: 'legal',
  technical: 'technical',
  sales: 'sales',
  general: undefined,
};

/** The most likely queue of one message. */
function topQueue(scores: Record<ClassifierQueue, number>): ClassifierQueue {
  let best: ClassifierQueue = 'general';
  for (const q of Object.keys(scores) as ClassifierQueue[]) if (scores[q] > scores[best]) best = q;
  return best;
}

/** The topic of one message's most likely queue, if that is not `general` and reaches `min`. */
function messageTopic(scores: Record<ClassifierQueue, number>, min: number): string | undefined {
  let best: ClassifierQueue = 'general';
  for (const q of Object.keys(QUEUE_TOPIC) as ClassifierQueue[])
    if (scores[q] > scores[best]) best = q;
  return scores[best] >= min ? QUEUE_TOPIC[best] : undefined;
}

/** "yes" to a bot question that the classifier reads as offering a person. */
function acceptsClassifierOffer(view: ConversationView, t: PolicyThresholds): SignalResult | null {
  const c = view.current;
  const text = view.input.turns[c]?.text ?? '';
  if (!isYes(text)) return null;
  for (let i = c - 1; i >= 0; i--) {
    const turn = view.input.turns[i];
    if (turn?.from !== 'bot') continue;
    if (!(turn.text ?? '').includes('?')) return null;
    const score = classifyBotTurn(turn).labels.explicit_request;
    if (score < t.classifier_explicit_request || t.classifier_explicit_request >= 1) return null;
    return {
      name: 'human_request',
      fired: true,
      strength: 1,
      actual: `accepted the bot's offer of a person: "${text.trim().slice(0, 40)}"`,
      evidence: {
        turn: c,
        text,
        matched: `offer at turn ${i}`,
        classifier: {
          name: 'explicit_request (bot offer)',
          score,
          threshold: t.classifier_explicit_request,
          decisive: true,
        },
      },
    };
  }
  return null;
}

/**
 * Shouting, "!!" or a swear word in a message that thanks or closes ("WOW THANK YOU!!", "Merci
 * beaucoup !!", "holy shit that was fast, thanks!") is joy, not anger, unless the frustration
 * classifier reads the words as negative. Insults and angry phrases are never vetoed.
 */
function vetoHappyShouting(
  view: ConversationView,
  t: PolicyThresholds,
  signals: Map<SignalName, SignalResult>,
): void {
  const a = view.customer.get(view.current);
  const prior = signals.get('strong_frustration');
  if (!a || !prior?.fired || t.classifier_frustration >= 1) return;
  const loudOnly = a.frustration.cues.every(
    (q) => q.kind === 'caps' || q.kind === 'punctuation' || q.kind === 'profanity',
  );
  const score = a.classifier.labels.negative_sentiment;
  if (!loudOnly || !a.closing || score >= t.classifier_frustration) return;
  signals.set('strong_frustration', {
    name: 'strong_frustration',
    fired: false,
    strength: 0,
    actual: `${prior.actual}, but the message thanks or closes (classifier negative_sentiment ${score.toFixed(2)}, threshold ${t.classifier_frustration})`,
  });
}

/** A rule's hit that the classifier is nearly sure is not one (a decoy: "a claim on my travel insurance"). */
function quietVeto(prior: SignalResult, note: string, veto: number): SignalResult {
  return {
    name: prior.name,
    fired: false,
    strength: 0,
    actual: `${prior.actual}, but ${note} is below the classifier veto ${veto}`,
  };
}

/** Adds classifier evidence to `signals` and fires those the rules missed. */
export function applyClassifiers(
  view: ConversationView,
  t: PolicyThresholds,
  signals: Map<SignalName, SignalResult>,
): void {
  const c = view.current;
  const a = view.customer.get(c);
  if (!a) return;
  const text = view.input.turns[c]?.text;
  const norm = normalizeText(text ?? '');
  // A classifier alone decides only on enough words (MIN_WORDS): not on "??" or "wait"; not inside
  // a hypothetical ("if I ever needed someone, …"), which asks what would happen.
  const words = wordTokens(norm).filter((w) => /[a-z]{2}/.test(w)).length;
  const hypothetical = HYPOTHETICAL.exec(norm)?.[0];
  // "no need for an agent": a person declined and none asked for (tenth round's grammar). Read
  // only when the explicit-request head alone would hand over: most messages never get there.
  let declined: string | null | undefined;
  const declines = () => (declined === undefined ? (declined = declinedPerson(norm)) : declined);
  vetoHappyShouting(view, t, signals);
  for (const u of UPGRADES) {
    const score = a.classifier.labels[u.label];
    const threshold = t[u.threshold];
    const prior = signals.get(u.signal);
    const note = `classifier ${u.label} ${score.toFixed(2)} (threshold ${threshold})`;
    if (prior?.fired && VETOABLE.has(u.signal) && score < t.classifier_veto) {
      signals.set(u.signal, quietVeto(prior, note, t.classifier_veto));
      continue;
    }
    if (prior?.fired) {
      const evidence = prior.evidence ?? { turn: c };
      signals.set(u.signal, {
        ...prior,
        actual: `${prior.actual}; ${note}`,
        evidence: { ...evidence, classifier: { name: u.label, score, threshold, decisive: false } },
      });
      continue;
    }
    // A threshold of 1 switches the classifier off (a probability can round to 1).
    if (score < threshold || threshold >= 1) {
      signals.set(u.signal, {
        name: u.signal,
        fired: false,
        strength: 0,
        actual: prior ? `${prior.actual}; ${note}` : note,
      });
      continue;
    }
    // A question about a policy is not a request (spec convention): the rules' veto holds.
    const vetoed = u.signal === 'sensitive_topic' ? a.topics.find((h) => h.vetoed) : undefined;
    // So does a negation in the topic's clause ("não quero o reembolso"): declined, not asked.
    const negated = u.signal === 'sensitive_topic' ? a.topics.find((h) => h.negated) : undefined;
    const why = vetoed
      ? `"${vetoed.vetoed}" asks about the ${vetoed.topic} policy`
      : negated
        ? `"${negated.negated}" negates the ${negated.topic} request`
        : words < MIN_WORDS && !(u.label === 'explicit_request' && score >= SHORT_REQUEST_CONFIDENT)
          ? 'too few words for the classifier alone'
          : hypothetical !== undefined && u.label !== 'negative_sentiment'
            ? `"${hypothetical}" is hypothetical`
            : u.label === 'explicit_request' && declines() !== null
              ? `"${declines()}" declines a person`
              : u.label === 'security' && topQueue(a.classifier.queues) !== 'trust_safety'
                ? `the topic heads read ${topQueue(a.classifier.queues)}, not trust_safety`
                : undefined;
    if (why !== undefined) {
      signals.set(u.signal, {
        name: u.signal,
        fired: false,
        strength: 0,
        actual: `${note}, but ${why}`,
      });
      continue;
    }
    const topic = u.topic ?? messageTopic(a.classifier.queues, t.classifier_topic);
    signals.set(u.signal, {
      name: u.signal,
      fired: true,
      strength: score,
      actual: `${note} ≥ threshold`,
      evidence: {
        turn: c,
        ...(text === undefined ? {} : { text }),
        matched: `classifier:${u.label}`,
        classifier: { name: u.label, score, threshold, decisive: true },
      },
      ...(topic === undefined ? {} : { topic }),
    });
  }
  for (const [name, label, key] of EVIDENCE_ONLY) {
    const prior = signals.get(name);
    if (!prior?.fired) continue;
    const score = a.classifier.labels[label];
    const veto = vetoBelow(name, t);
    // A topic word in an incident ("a direct debit I don't recognise") is no decoy: the topic
    // veto needs the security and approval heads to read nothing either.
    const other = TOPIC_SIGNALS.has(name)
      ? Math.max(a.classifier.labels.security, a.classifier.labels.approval_required)
      : 0;
    if (VETOABLE.has(name) && Math.max(score, other) < veto) {
      const note = `classifier ${label} ${score.toFixed(2)}`;
      signals.set(name, quietVeto(prior, note, veto));
      continue;
    }
    const classifier = { name: label, score, threshold: t[key], decisive: false };
    signals.set(name, { ...prior, evidence: { ...(prior.evidence ?? { turn: c }), classifier } });
  }
  if (!signals.get('human_request')?.fired) {
    const accepted = acceptsClassifierOffer(view, t);
    if (accepted) signals.set('human_request', accepted);
  }
}

/**
 * Per-queue weight of the classifier's topic reading of the conversation's customer turns: each
 * turn votes for its most probable queue (with that probability) when it is not `general` and
 * reaches `min`; later turns weigh a little more, to break ties.
 */
export function classifierQueueScores(
  view: ConversationView,
  min: number,
): Map<ClassifierQueue, number> {
  const out = new Map<ClassifierQueue, number>();
  view.customerIdx.forEach((i, order) => {
    const q = view.customer.get(i)?.classifier.queues;
    if (!q) return;
    let best: ClassifierQueue = 'general';
    for (const name of Object.keys(q) as ClassifierQueue[]) if (q[name] > q[best]) best = name;
    if (best === 'general' || q[best] < min) return;
    out.set(best, (out.get(best) ?? 0) + q[best] + order * 0.01);
  });
  return out;
}
