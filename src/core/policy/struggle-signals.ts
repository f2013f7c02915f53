// Signals of a bot that is not getting anywhere, read from the whole conversation so far:
// low-confidence answers in a row, clarification loops, the same question asked again, topic
// switches, out-of-scope answers the customer does not accept, elapsed time, and bot errors.
import { botTurnWords } from '../signals/analyze-turn.ts';
import { questionSimilarity } from '../signals/question-similarity.ts';
import type { ConversationView } from './conversation-view.ts';
import type { SignalResult } from './decision-types.ts';
import type { PolicyThresholds, SignalName } from './policy-schema.ts';

function result(
  view: ConversationView,
  name: SignalName,
  fired: boolean,
  actual: string,
  scores?: Record<string, number>,
): SignalResult {
  if (!fired) return { name, fired, strength: 0, actual };
  const c = view.current;
  const text = view.input.turns[c]?.text;
  return {
    name,
    fired,
    strength: 1,
    actual,
    evidence: { turn: c, ...(text === undefined ? {} : { text }), ...(scores ? { scores } : {}) },
  };
}

/** Share of the question's content words that the answer repeats (0 = beside the point). */
function answerOverlap(question: ReadonlySet<string>, answer: ReadonlySet<string>): number {
  if (question.size === 0) return 1;
  let shared = 0;
  for (const w of question) if (answer.has(w)) shared++;
  return shared / question.size;
}

/**
 * Earlier customer turns that the judged one asks again (similarity ≥ reask_similarity) and
 * whose bot answers all shared less than answer_overlap of their words: plausible answers
 * beside the point, which the customer shows by asking again.
 */
function offPointReasks(
  view: ConversationView,
  t: PolicyThresholds,
): { times: number; overlap: number } {
  const c = view.current;
  const words = view.customer.get(c)?.words;
  let times = 0;
  let best = 0;
  if (!words || words.size < 2) return { times, overlap: 0 };
  view.customerIdx.forEach((i, k) => {
    const earlier = view.customer.get(i)?.words;
    if (i >= c || !earlier || questionSimilarity(words, earlier) < t.reask_similarity) return;
    const end = view.customerIdx[k + 1] ?? c;
    let overlap = -1;
    for (let j = i + 1; j < end; j++) {
      const turn = view.input.turns[j];
      if (turn?.from === 'bot' && turn.text)
        overlap = Math.max(overlap, answerOverlap(earlier, botTurnWords(turn)));
    }
    if (overlap < 0) return;
    best = Math.max(best, overlap);
    if (overlap < t.answer_overlap) times++;
  });
  return { times, overlap: best };
}

/** Bot turns before the judged customer turn, newest first. */
function botTurnsBefore(view: ConversationView): number[] {
  const out: number[] = [];
  for (let i = view.current - 1; i >= 0; i--) if (view.input.turns[i]?.from === 'bot') out.push(i);
  return out;
}

export function struggleSignals(view: ConversationView, t: PolicyThresholds): SignalResult[] {
  const c = view.current;
  const a = view.customer.get(c);
  const closing = a?.closing ?? false;
  const bots = botTurnsBefore(view);

  // A fallback turn ("Sorry, I didn't get that") is a failed attempt whatever its confidence.
  let streak = 0;
  for (const i of bots) {
    const conf = view.input.turns[i]?.confidence;
    const failed = view.bot.get(i)?.fallback === true;
    if (!failed && (conf === undefined || conf >= t.low_confidence)) break;
    streak++;
  }
  const lowConf = result(
    view,
    'low_confidence_streak',
    !closing && streak >= t.low_confidence_turns,
    `${streak} bot turns in a row below ${t.low_confidence} or fallbacks (threshold ${t.low_confidence_turns})`,
    { streak },
  );

  const clarifications = bots.filter((i) => view.bot.get(i)?.clarification).length;
  const clarify = result(
    view,
    'clarification_loop',
    !closing && clarifications > t.clarifications,
    `${clarifications} clarification questions (more than ${t.clarifications} hands over)`,
    { clarifications },
  );

  let same = 1;
  let best = 0;
  for (const i of view.customerIdx) {
    if (i >= c || !a) continue;
    const sim = questionSimilarity(a.words, view.customer.get(i)?.words ?? new Set());
    best = Math.max(best, sim);
    if (sim >= t.similarity) same++;
  }
  const repeated = result(
    view,
    'repeated_question',
    !closing && same >= t.same_question,
    `asked ${same} times (threshold ${t.same_question}, similarity ≥ ${t.similarity})`,
    { times: same, similarity: best },
  );

  const offPoint = offPointReasks(view, t);
  const unanswered = result(
    view,
    'unanswered_repeat',
    !closing && offPoint.times >= t.unanswered_repeats,
    `asked again after ${offPoint.times} bot answer(s) sharing < ${t.answer_overlap} of its words (threshold ${t.unanswered_repeats}; best overlap ${offPoint.overlap.toFixed(2)}, re-ask similarity ≥ ${t.reask_similarity})`,
    { reasks: offPoint.times, answer_overlap: offPoint.overlap },
  );

  let switches = 0;
  let last: string | undefined;
  for (const i of view.customerIdx) {
    const hits = view.customer.get(i)?.topics ?? [];
    const top = (hits.find((h) => h.kind === 'request') ?? hits[0])?.topic;
    if (top === undefined) continue;
    if (last !== undefined && top !== last) switches++;
    last = top;
  }
  const topicSwitch = result(
    view,
    'topic_switches',
    switches >= t.topic_switches,
    `${switches} topic switches (threshold ${t.topic_switches})`,
    { switches },
  );

  const oos = bots.filter((i) => view.bot.get(i)?.outOfScope).length;
  const lastBotOos = bots.length > 0 && view.bot.get(bots[0]!)?.outOfScope === true;
  const outOfScope = result(
    view,
    'out_of_scope_persist',
    !closing && lastBotOos && oos >= t.out_of_scope_replies,
    `${oos} out-of-scope bot answers${lastBotOos ? ', customer persists' : ''} (threshold ${t.out_of_scope_replies})`,
    { out_of_scope_answers: oos },
  );

  const first = view.times[view.customerIdx[0] ?? 0] ?? 0;
  const nowMs = view.input.now?.getTime() ?? view.times[c] ?? first;
  const minutes = Math.max(0, nowMs - first) / 60_000;
  const timeout = result(
    view,
    'session_timeout',
    !closing && minutes > t.session_minutes,
    `${minutes.toFixed(1)} min since the first message (threshold ${t.session_minutes})`,
    { minutes: Math.round(minutes * 10) / 10 },
  );

  let errorAt = -1;
  for (let i = view.previous + 1; i < view.input.turns.length; i++) {
    if (view.bot.get(i)?.error) errorAt = i;
  }
  const botError: SignalResult =
    errorAt >= 0
      ? {
          name: 'bot_error',
          fired: true,
          strength: 1,
          actual: `the bot failed at turn ${errorAt}`,
          evidence: {
            turn: errorAt,
            ...(view.input.turns[errorAt]?.text ? { text: view.input.turns[errorAt]!.text! } : {}),
          },
        }
      : {
          name: 'bot_error',
          fired: false,
          strength: 0,
          actual: 'no bot failure since the last customer message',
        };

  return [lowConf, clarify, repeated, unanswered, topicSwitch, outOfScope, timeout, botError];
}
