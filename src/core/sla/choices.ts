/**
 * Choices a bot or system message offers (`data.choices`): the customer answers with the
 * choice's id (a button), its label, or its number ("2"), so channels without buttons work
 * the same way as the widget.
 */

export interface Choice {
  /** Stable id the API answers with (`{"action":"choose","choice":"callback"}`). */
  readonly id: string;
  /** What the button says, in the customer's language. */
  readonly label: string;
}

/** The choice a typed answer means, or null when it is not one of them. */
export function matchChoice(text: string, choices: readonly Choice[]): Choice | null {
  const typed = normalize(text);
  if (typed === '') return null;
  // "2", "2)", "2.", "#2", "option 2"
  const number = /^(?:#|option\s+|opci[oó]n\s+|op[cç][aã]o\s+)?(\d{1,2})[).:]?$/.exec(typed);
  if (number) return choices[Number(number[1]) - 1] ?? null;
  return (
    choices.find((c) => normalize(c.label) === typed) ??
    choices.find((c) => normalize(c.id) === typed) ??
    null
  );
}

function normalize(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[\s_]+/g, ' ')
    .replace(/[!.?¡¿]+$/u, '')
    .trim();
}

/** Channels whose customers see buttons; elsewhere the choices are written out as numbers. */
export const CHANNELS_WITH_BUTTONS: readonly string[] = ['web', 'api'];

/**
 * The text as sent on a channel without buttons (SMS, WhatsApp, email …): the choices are
 * appended as "1) … 2) …", which `matchChoice` reads back. Unchanged where buttons show.
 */
export function withNumberedChoices(
  text: string,
  choices: readonly Choice[],
  channel: string,
): string {
  if (choices.length === 0 || CHANNELS_WITH_BUTTONS.includes(channel)) return text;
  return `${text} ${choices.map((c, i) => `${i + 1}) ${c.label}`).join('  ')}`;
}
