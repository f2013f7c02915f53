/**
 * The repeat guard: does an agent's draft ask the customer for something the conversation
 * already holds (order number, email, "what is the problem?")? Each warning offers the known
 * value, so the agent can use it instead of asking again.
 */
import type { FieldValue } from './handoff-packet.ts';

export interface RepeatWarning {
  readonly field: string;
  /** The words in the draft that ask for it. */
  readonly asked: string;
  /** What the conversation already knows (the packet's value, or the customer's goal). */
  readonly known: string;
}

interface AskPattern {
  readonly field: string;
  readonly re: RegExp;
}

// Only phrasings that *ask*: "your order number?", "could you give me your email".
const ASKS: readonly AskPattern[] = [
  {
    field: 'order_id',
    re: /\b(?:what(?:'s| is)|share|send|give|provide|confirm|tell)\b[^.?!]{0,40}\border (?:number|id|#|no\.?)\b|\border (?:number|id)\s*\?/i,
  },
  {
    field: 'email',
    re: /\b(?:what(?:'s| is)|share|send|give|provide|confirm|tell)\b[^.?!]{0,40}\be-?mail(?: address)?\b|\be-?mail(?: address)?\s*\?/i,
  },
  {
    field: 'phone',
    re: /\b(?:what(?:'s| is)|share|send|give|provide|confirm|tell)\b[^.?!]{0,40}\b(?:phone|mobile)(?: number)?\b|\b(?:phone|mobile) number\s*\?/i,
  },
  {
    field: 'account_id',
    re: /\b(?:what(?:'s| is)|share|send|give|provide|confirm|tell)\b[^.?!]{0,40}\baccount (?:number|id)\b|\baccount (?:number|id)\s*\?/i,
  },
  { field: 'amount', re: /\bhow much\b[^.?!]{0,40}\?|\bwhat (?:was|is) the amount\b/i },
  {
    field: 'goal',
    re: /\b(?:how can i help|what(?:'s| is| seems to be) the (?:problem|issue)|what do you need(?: help with)?|what can i do for you)\b/i,
  },
];

// A draft that opens with a greeting and ends on a bare "how can I help (you today)?" ("Hi
// again! Yes, how can I help?") is politeness, not a question about the goal: no repeat.
// "How can I help with your order?" still asks about it.
const GREETING =
  /^\s*(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|welcome(?: back)?)\b/i;
const POLITE_OPENER = /^(?:how can i help|what can i do for you)$/i;
const POLITE_END = /^(?:\s+you)?(?:\s+today)?\s*[?.!]*\s*$/i;

function isGreeting(draft: string, asked: RegExpExecArray): boolean {
  return (
    GREETING.test(draft) &&
    POLITE_OPENER.test(asked[0].trim()) &&
    POLITE_END.test(draft.slice(asked.index + asked[0].length))
  );
}

export function checkRepeat(
  draft: string,
  known: { readonly fields: Readonly<Record<string, FieldValue>>; readonly goal?: string },
): RepeatWarning[] {
  const warnings: RepeatWarning[] = [];
  for (const { field, re } of ASKS) {
    const m = re.exec(draft);
    if (!m) continue;
    if (field === 'goal' && isGreeting(draft, m)) continue;
    const value = field === 'goal' ? known.goal : show(known.fields[field]);
    if (value) warnings.push({ field, asked: m[0].trim(), known: value });
  }
  return warnings;
}

function show(v: FieldValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v : `${v.value} ${v.currency}`;
}
