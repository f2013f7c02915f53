/**
 * The waiting room's questions live in the event log: a bot message with `data.prompt` (and
 * `data.choices` when it offers buttons) is open until a customer message answers it
 * (`data.answers` = its seq), a later prompt replaces it, or a person takes over. Reading
 * them from the log keeps the dialogue correct across restarts and nodes.
 */
import type { Choice } from '../../core/sla/choices.ts';
import type { StoredEvent } from '../../core/records.ts';

export type PromptKind =
  | 'long_queue'
  | 'explicit_handoff'
  | 'details'
  | 'callback_phone'
  | 'callback_time'
  | 'reply_email'
  | 'contact';

export interface OpenPrompt {
  readonly seq: number;
  readonly kind: PromptKind;
  readonly choices: readonly Choice[];
  readonly data: Readonly<Record<string, unknown>>;
}

/** Prompts answered by typing (anything written is read as the answer). */
export const FREE_TEXT_PROMPTS: ReadonlySet<PromptKind> = new Set([
  'details',
  'callback_phone',
  'callback_time',
  'reply_email',
  'contact',
]);

/** After these, nothing the bot asked before applies any more. */
const CLOSING = new Set([
  'conversation.assigned',
  'conversation.resolved',
  'conversation.abandoned',
  'conversation.transferred',
  'conversation.returned_to_bot',
  'conversation.deferred',
]);

export function choicesOf(event: StoredEvent): Choice[] {
  const raw = event.data.choices;
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (c): c is Choice =>
      typeof c === 'object' &&
      c !== null &&
      typeof (c as Choice).id === 'string' &&
      typeof (c as Choice).label === 'string',
  );
}

export function openPrompt(events: readonly StoredEvent[]): OpenPrompt | null {
  const answered = new Set<number>();
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i] as StoredEvent;
    if (CLOSING.has(e.type)) return null;
    if (e.type !== 'message.created') continue;
    if (e.data.from === 'customer' && typeof e.data.answers === 'number') {
      answered.add(e.data.answers);
    }
    if (e.actor.type === 'bot' && typeof e.data.prompt === 'string') {
      if (answered.has(e.seq)) return null;
      return {
        seq: e.seq,
        kind: e.data.prompt as PromptKind,
        choices: choicesOf(e),
        data: e.data,
      };
    }
  }
  return null;
}

/** A choice offered at any time in this conversation (to tell "no longer open" from "unknown"). */
export function everOffered(events: readonly StoredEvent[], id: string): Choice | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i] as StoredEvent;
    if (e.type !== 'message.created') continue;
    const found = choicesOf(e).find((c) => c.id === id);
    if (found) return found;
  }
  return null;
}
