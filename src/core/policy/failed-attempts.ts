// `failed_attempts`: the bot's answers failed several times in a row, where an answer fails when
// its confidence is below `low_confidence` or when the customer's next message rejects it ("that's
// not what I asked", "eso no me ayuda"; detect-rejection.ts). The spec's repeated failure is "the
// bot failed to help twice"; low_confidence_streak already counts answers the bot itself doubts,
// so this signal fires only when the customer rejected at least one of them.
import { MAX_ANALYSED_CHARS } from '../signals/analyze-turn.ts';
import { rejectsAnswer, type Rejection } from '../signals/detect-rejection.ts';
import type { Turn } from '../transcript/index.ts';
import type { ConversationView } from './conversation-view.ts';
import type { SignalResult } from './decision-types.ts';
import type { PolicyThresholds } from './policy-schema.ts';

// Memoised per (customer turn, bot answer) pair: the live server judges a growing conversation
// again at every message, and the pair never changes.
const cache = new WeakMap<object, WeakMap<object, Rejection | null>>();

function rejectionOf(reply: Turn, answer: Turn): Rejection | null {
  let byAnswer = cache.get(reply);
  if (!byAnswer) cache.set(reply, (byAnswer = new WeakMap()));
  if (byAnswer.has(answer)) return byAnswer.get(answer) ?? null;
  const r = rejectsAnswer(
    (reply.text ?? '').slice(0, MAX_ANALYSED_CHARS),
    (answer.text ?? '').slice(0, MAX_ANALYSED_CHARS),
  );
  byAnswer.set(answer, r);
  return r;
}

/** Failed bot answers in a row before the judged customer turn, newest newest. */
function failedStreak(
  view: ConversationView,
  t: PolicyThresholds,
): { streak: number; rejected: number; newest?: { turn: number; rejection: Rejection } } {
  const turns = view.input.turns;
  let streak = 0;
  let rejected = 0;
  let newest: { turn: number; rejection: Rejection } | undefined;
  for (let k = view.customerIdx.length - 1; k >= 1; k--) {
    const reply = view.customerIdx[k]!;
    const answers: Turn[] = [];
    for (let i = view.customerIdx[k - 1]! + 1; i < reply; i++) {
      const turn = turns[i];
      if (turn?.from === 'bot' && turn.text) answers.push(turn);
    }
    // Two customer messages in a row: no answer to judge between them.
    if (answers.length === 0) continue;
    const doubted = answers.some(
      (a) => a.confidence !== undefined && a.confidence < t.low_confidence,
    );
    const rejection = rejectionOf(turns[reply]!, answers.at(-1)!);
    if (!doubted && !rejection) break;
    streak++;
    if (rejection) {
      rejected++;
      newest ??= { turn: reply, rejection };
    }
  }
  return newest ? { streak, rejected, newest } : { streak, rejected };
}

/** The `failed_attempts` signal at the judged customer turn. */
export function failedAttemptsSignal(view: ConversationView, t: PolicyThresholds): SignalResult {
  const closing = view.customer.get(view.current)?.closing ?? false;
  const { streak, rejected, newest } = failedStreak(view, t);
  const fired = !closing && rejected > 0 && streak >= t.failed_attempts;
  const actual = `${streak} failed bot answers in a row, ${rejected} rejected by the customer (threshold ${t.failed_attempts})`;
  if (!fired || !newest) return { name: 'failed_attempts', fired: false, strength: 0, actual };
  const text = view.input.turns[view.current]?.text;
  return {
    name: 'failed_attempts',
    fired: true,
    strength: 1,
    actual,
    evidence: {
      turn: view.current,
      ...(text === undefined ? {} : { text }),
      matched: newest.rejection.matched,
      scores: { failed: streak, rejected },
    },
  };
}
