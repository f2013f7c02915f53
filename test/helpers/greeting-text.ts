/** Reading the bot's greeting in tests: the word it names, and whether it is the catalogue's. */
import { customerText } from '../../src/core/i18n/customer-text.ts';

/** The word a greeting tells the customer to write, between its quotation marks. */
export function wordOf(greeting: string): string {
  const match = /(?:“|«\s?|„)(\p{L}+)(?:”|\s?»|“)/u.exec(greeting);
  if (!match?.[1]) throw new Error(`no quoted word in: ${greeting}`);
  return match[1];
}

/** Whether `text` is the catalogue's greeting, whatever the bot's configured name. */
export function isGreeting(
  text: string,
  key: 'greeting_web' | 'greeting_reply' | 'greeting_write',
  language: string,
  way: { readonly button: string; readonly word: string },
): boolean {
  const params = { bot: '\u0000', ...way };
  const [before = '', after = ''] = customerText(key, language, params).split('\u0000');
  return text.startsWith(before) && text.endsWith(after);
}
