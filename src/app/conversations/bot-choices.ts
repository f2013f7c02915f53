/**
 * Buttons a bot's reply offers (Rasa's `buttons`) as Baton's one choice abstraction: the
 * message carries `data.choices` (rendered by every channel like any other choice) and
 * `data.choicePayloads`, what the bot is sent back when one is chosen. Ids come from the
 * payload, so the same button keeps its id and a press on an older message still means it.
 */
import { createHash } from 'node:crypto';
import { matchChoice, type Choice } from '../../core/sla/choices.ts';
import type { StoredEvent } from '../../core/records.ts';
import type { BotChoice } from './ports.ts';
import { choicesOf } from './open-prompt.ts';

/** The data a bot message stores for its buttons. */
export function botChoiceData(choices: readonly BotChoice[]): Record<string, unknown> {
  const payloads: Record<string, string> = {};
  const offered: Choice[] = choices.map((c) => {
    const id = botChoiceId(c.payload);
    payloads[id] = c.payload;
    return { id, label: c.label };
  });
  return { choices: offered, choicePayloads: payloads };
}

// Short enough for Telegram's 64-byte callback data, whatever the payload's length.
function botChoiceId(payload: string): string {
  return `bot_${createHash('sha256').update(payload).digest('hex').slice(0, 16)}`;
}

/** A bot button with this id, from the latest message that offered it; null when none did. */
export function offeredBotChoice(
  history: readonly StoredEvent[],
  id: string,
): { readonly label: string; readonly payload: string } | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const event = history[i] as StoredEvent;
    const payload = payloadsOf(event)[id];
    if (payload === undefined) continue;
    const label = choicesOf(event).find((c) => c.id === id)?.label ?? payload;
    return { label, payload };
  }
  return null;
}

/**
 * What the bot is sent for a customer message: the payload of the button it pressed, or of
 * the one its text names ("2", or the label) among the bot's last buttons before it (for
 * channels that show them numbered), else the text itself.
 */
export function botInputFor(message: StoredEvent, history: readonly StoredEvent[]): string {
  if (typeof message.data.botPayload === 'string') return message.data.botPayload;
  const text = typeof message.data.text === 'string' ? message.data.text : '';
  const last = lastBotMessageBefore(history, message.seq);
  if (!last) return text;
  const payloads = payloadsOf(last);
  const matched = matchChoice(text, choicesOf(last));
  return (matched && payloads[matched.id]) ?? text;
}

function lastBotMessageBefore(
  history: readonly StoredEvent[],
  seq: number,
): StoredEvent | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const event = history[i] as StoredEvent;
    if (event.seq >= seq || event.type !== 'message.created') continue;
    if (event.actor.type === 'customer') return undefined;
    if (event.actor.type === 'bot') return event;
  }
  return undefined;
}

function payloadsOf(event: StoredEvent): Readonly<Record<string, string>> {
  const raw = event.data.choicePayloads;
  if (event.type !== 'message.created' || typeof raw !== 'object' || raw === null) return {};
  return raw as Record<string, string>;
}
