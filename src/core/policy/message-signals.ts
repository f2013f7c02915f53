// Signals read from the customer turn being judged: a request for a person, a sensitive topic,
// a sales opportunity, a large amount, or strong frustration. They fire at the turn that shows
// them, which is what the scenarios' exact windows expect.
import { isYes } from '../signals/detect-yes.ts';
import { turnsToSomeone } from '../signals/person-after-failure.ts';
import { isChargeContext, isPurchaseIntent } from '../signals/amount-context.ts';
import { customerValueScore } from '../signals/detect-high-value.ts';
import { sentimentTrend } from '../signals/sentiment-trend.ts';
import type { TopicHit } from '../signals/detect-topics.ts';
import type { ConversationView } from './conversation-view.ts';
import type { SignalResult } from './decision-types.ts';
import type { PolicyThresholds, SignalName } from './policy-schema.ts';

const GREETING = /^(?:hello|helo|hallo|hola|ola|oi|allo|bonjour|hey|hi)\b/;
const quiet = (name: SignalName, actual: string): SignalResult => ({
  name,
  fired: false,
  strength: 0,
  actual,
});

function textOf(view: ConversationView, i: number): string | undefined {
  return view.input.turns[i]?.text;
}

/** The bot turn at `i` failed: out of scope, a fallback, a clarification, an error or unsure. */
function botJustFailed(view: ConversationView, i: number, t: PolicyThresholds): boolean {
  const flags = i >= 0 ? view.bot.get(i) : undefined;
  if (!flags) return false;
  const conf = view.input.turns[i]?.confidence;
  return (
    flags.outOfScope ||
    flags.fallback ||
    flags.clarification ||
    flags.error ||
    (conf !== undefined && conf < t.low_confidence)
  );
}

export function humanRequestSignals(view: ConversationView, t: PolicyThresholds): SignalResult[] {
  const c = view.current;
  const a = view.customer.get(c);
  let req = a?.humanRequest ?? null;
  let lastBot = -1;
  for (let i = c - 1; i >= 0 && lastBot < 0; i--)
    if (view.input.turns[i]?.from === 'bot') lastBot = i;
  const text = textOf(view, c) ?? '';
  if (
    req?.strength !== 'strong' &&
    lastBot >= 0 &&
    view.bot.get(lastBot)?.offersHuman &&
    isYes(text)
  ) {
    req = {
      strength: 'strong',
      matched: `accepted the offer of a person: "${text.trim().slice(0, 40)}"`,
    };
  }
  // "can someone help me?" right after the bot failed asks to be passed on (thirteenth round).
  const someone =
    req?.strength !== 'strong' && botJustFailed(view, lastBot, t) ? turnsToSomeone(text) : null;
  if (someone !== null) {
    req = {
      strength: 'strong',
      matched: `turned to someone after a failed bot answer: "${someone}"`,
    };
  }
  const strong: SignalResult =
    req?.strength === 'strong'
      ? {
          name: 'human_request',
          fired: true,
          strength: 1,
          actual: `asked for a person: "${req.matched}"`,
          evidence: { turn: c, text: textOf(view, c), matched: req?.matched ?? '' },
        }
      : quiet('human_request', 'no request for a person in this message');
  // Weak cues ("hello??", "are you a bot?") count when repeated; an opening greeting does not.
  const weakTurns = view.customerIdx.filter((i) => {
    const r = view.customer.get(i)?.humanRequest;
    if (!r) return false;
    return !(i === view.customerIdx[0] && GREETING.test(r.matched));
  });
  const repeated =
    req !== null && weakTurns.includes(c) && weakTurns.length >= t.weak_request_repeats;
  const weak: SignalResult = repeated
    ? {
        name: 'human_request_repeated',
        fired: true,
        strength: 0.9,
        actual: `${weakTurns.length} requests or nudges (threshold ${t.weak_request_repeats})`,
        evidence: { turn: c, text: textOf(view, c), matched: req?.matched ?? '' },
      }
    : quiet(
        'human_request_repeated',
        `${weakTurns.length} nudges (threshold ${t.weak_request_repeats})`,
      );
  return [strong, weak];
}

const TOPIC_SIGNALS: ReadonlyArray<[SignalName, TopicHit['topic']]> = [
  ['security', 'security'],
  ['refund_request', 'refund'],
  ['cancellation', 'cancellation'],
  ['billing_dispute', 'billing_dispute'],
  ['legal', 'legal'],
  ['complaint', 'complaint'],
  ['approval', 'approval'],
];

export function topicSignals(view: ConversationView): SignalResult[] {
  const c = view.current;
  const hits = view.customer.get(c)?.topics ?? [];
  return TOPIC_SIGNALS.map(([name, topic]) => {
    const hit = hits.find((h) => h.topic === topic && h.kind === 'request');
    if (!hit) return quiet(name, `no ${topic} request in this message`);
    return {
      name,
      fired: true,
      strength: 1,
      actual: `${topic} request: "${hit.matched}"`,
      evidence: { turn: c, text: textOf(view, c), matched: hit.matched },
      topic,
    };
  });
}

export function valueSignals(view: ConversationView, t: PolicyThresholds): SignalResult[] {
  const c = view.current;
  const a = view.customer.get(c);
  const hv = a?.highValue ?? null;
  const highValue: SignalResult =
    hv && (hv.source === 'lexicon' || (hv.quantity ?? 0) >= t.bulk_quantity)
      ? {
          name: 'high_value_intent',
          fired: true,
          strength: 1,
          actual: `sales opportunity: "${hv.matched}"`,
          evidence: {
            turn: c,
            text: textOf(view, c),
            matched: hv.matched,
            scores: {
              ...(hv.quantity === undefined ? {} : { quantity: hv.quantity }),
              // What the customer record adds: tier, lifetime value, churn risk (0..1).
              customer_value: customerValueScore(view.input.customer),
            },
          },
          topic: 'sales',
        }
      : quiet('high_value_intent', 'no sales opportunity in this message');
  const amounts = a?.entities.amounts ?? [];
  const text = textOf(view, c) ?? '';
  const overAny = amounts.find((m) => m.value > (t.amount_by_currency[m.currency] ?? t.amount));
  // A large purchase someone wants to make is a sales opportunity, not a billing matter.
  if (!highValue.fired && overAny && isPurchaseIntent(text)) {
    Object.assign(highValue, {
      fired: true,
      strength: 1,
      actual: `large purchase: ${overAny.matched}`,
      evidence: { turn: c, text, matched: overAny.matched, scores: { amount: overAny.value } },
      topic: 'sales',
    });
  }
  // Only refund, charge, bill or order amounts count; a transfer or a limit does not.
  const over = amounts.find(
    (m) =>
      m.value > (t.amount_by_currency[m.currency] ?? t.amount) &&
      isChargeContext(text, m.index, m.matched.length),
  );
  const largest = amounts.reduce((mx, m) => Math.max(mx, m.value), 0);
  const amount: SignalResult = over
    ? {
        name: 'amount_over_threshold',
        fired: true,
        strength: 1,
        actual: `${over.matched} is above ${t.amount_by_currency[over.currency] ?? t.amount} ${over.currency}`,
        evidence: {
          turn: c,
          text: textOf(view, c),
          matched: over.matched,
          scores: { amount: over.value },
        },
      }
    : quiet(
        'amount_over_threshold',
        amounts.length ? `largest amount ${largest} (threshold ${t.amount})` : 'no amount',
      );
  return [highValue, amount];
}

export function frustrationSignals(view: ConversationView, t: PolicyThresholds): SignalResult[] {
  const c = view.current;
  const a = view.customer.get(c);
  // The whole conversation's mood, shown with the evidence.
  const trendScores = sentimentTrend(
    view.customerIdx.map((i) => view.customer.get(i)?.sentiment ?? 0),
  );

  const f = a?.frustration;
  const strong: SignalResult =
    a && f?.strong
      ? {
          name: 'strong_frustration',
          fired: true,
          strength: f.score,
          actual: `frustration ${f.score.toFixed(2)}: ${f.cues.map((q) => `${q.kind} "${q.matched}"`).join(', ')}`,
          evidence: {
            turn: c,
            text: textOf(view, c),
            matched: f.cues.map((q) => q.matched).join(' | '),
            scores: {
              frustration: f.score,
              sentiment: a.sentiment,
              trend_slope: trendScores.slope,
            },
          },
        }
      : quiet('strong_frustration', `frustration ${(f?.score ?? 0).toFixed(2)} (strong at 0.60)`);
  // A milder message counts when its sentiment is below the threshold or it carries a mild cue.
  const negative = (i: number): boolean => {
    const x = view.customer.get(i);
    if (x === undefined || x.closing) return false;
    // A mild cue counts unless the message is upbeat overall ("annoying, but ok, thanks").
    return x.sentiment < t.sentiment || (x.frustration.score >= 0.5 && x.sentiment <= 0);
  };
  const negTurns = view.customerIdx.filter(negative);
  const trendFires = negative(c) && negTurns.length >= t.sentiment_turns;
  const trend: SignalResult = trendFires
    ? {
        name: 'negative_sentiment_trend',
        fired: true,
        strength: Math.min(1, Math.abs(a?.sentiment ?? 0) + 0.3),
        actual: `${negTurns.length} negative customer turns (threshold ${t.sentiment_turns} below ${t.sentiment})`,
        evidence: {
          turn: c,
          text: textOf(view, c),
          scores: {
            sentiment: a?.sentiment ?? 0,
            trend_mean: trendScores.mean,
            trend_slope: trendScores.slope,
          },
        },
      }
    : quiet(
        'negative_sentiment_trend',
        `${negTurns.length} negative customer turns (threshold ${t.sentiment_turns})`,
      );
  return [strong, trend];
}
