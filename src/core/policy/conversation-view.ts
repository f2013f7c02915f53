// A precomputed view of the conversation for the signal functions: turn times, the index of
// the customer turn being judged, and per-turn analyses (memoised on the turn objects).
import {
  analyzeBotTurn,
  analyzeCustomerTurn,
  type CustomerTurnAnalysis,
} from '../signals/analyze-turn.ts';
import type { BotTurnFlags } from '../signals/bot-turn-flags.ts';
import { turnTimes } from '../transcript/turn-times.ts';
import type { PolicyInput } from './decision-types.ts';

export interface ConversationView {
  input: PolicyInput;
  times: number[];
  /** Index of the last customer turn, or -1 when the customer has not spoken. */
  current: number;
  /** Index of the customer turn before `current`, or -1. */
  previous: number;
  customerIdx: number[];
  customer: Map<number, CustomerTurnAnalysis>;
  bot: Map<number, BotTurnFlags>;
}

/** Builds the view of `input` used by every signal. */
export function viewConversation(input: PolicyInput): ConversationView {
  const customer = new Map<number, CustomerTurnAnalysis>();
  const bot = new Map<number, BotTurnFlags>();
  const customerIdx: number[] = [];
  input.turns.forEach((turn, i) => {
    if (turn.from === 'customer') {
      customerIdx.push(i);
      customer.set(i, analyzeCustomerTurn(turn));
    } else if (turn.from === 'bot' || turn.from === 'system') {
      bot.set(i, analyzeBotTurn(turn));
    }
  });
  return {
    input,
    times: turnTimes(input.turns, input.startedAt),
    current: customerIdx.at(-1) ?? -1,
    previous: customerIdx.at(-2) ?? -1,
    customerIdx,
    customer,
    bot,
  };
}
