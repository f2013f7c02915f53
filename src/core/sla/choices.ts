/**
 * Choices a bot or system message offers (`data.choices`): the customer answers with the
 * choice's id (a button, a quick reply, an inline-keyboard press), its label, or its number
 * ("2"), so channels without buttons work the same way as the widget. Each channel adapter
 * renders them (src/channels/channel-adapter.ts `ReplyChoices`); the stored text is the
 * question alone.
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
