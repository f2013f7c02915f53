// The bot's own words, from the customer catalogue (src/core/i18n/customer-*.ts): every reply
// that cannot help says the bot is automated and offers a person, in the customer's language,
// with the region's own catalogue where there is one ("pt-PT" is not Brazilian).
import { customerText, type PlainCustomerKey } from '../core/i18n/customer-text.ts';
import { isKbLanguage, primaryLanguage } from './kb-language.ts';
import type { KbLanguage } from './kb-language.ts';
import type { SmallTalkIntent } from './small-talk.ts';

export interface BotPhrases {
  /** Put before an article when the bot is not sure it is the right one. */
  hedge: string;
  /** Names the article an answer came from: `Source: "<title>"`. */
  source: string;
  clarify: (first: string, second: string) => string;
  noAnswer: string;
  emptyQuestion: string;
  smallTalk: Record<SmallTalkIntent, string>;
}

/** The phrases for a language tag; English for a language the catalogue does not have. */
export function phrasesFor(language: string | null | undefined): BotPhrases {
  const plain = (key: PlainCustomerKey) => customerText(key, language, {});
  return {
    hedge: plain('bot_hedge'),
    source: plain('bot_source'),
    clarify: (first, second) => customerText('bot_clarify', language, { first, second }),
    noAnswer: plain('bot_no_answer'),
    emptyQuestion: plain('bot_empty_question'),
    smallTalk: {
      greeting: plain('bot_small_talk_greeting'),
      thanks: plain('bot_small_talk_thanks'),
      goodbye: plain('bot_small_talk_goodbye'),
      acknowledgement: plain('bot_small_talk_ack'),
    },
  };
}

/** The language the bot answers in (the knowledge base's language for a tag; English else). */
export function replyLanguage(language: string | null | undefined): KbLanguage {
  const primary = primaryLanguage(language);
  return isKbLanguage(primary) ? primary : 'en';
}

/**
 * The tag to word a reply in: the conversation's own tag when the reply is in its language
 * (so "pt-PT" keeps its region), else the reply's language.
 */
export function phraseLanguage(conversation: string | null | undefined, replyIn: KbLanguage) {
  return conversation && primaryLanguage(conversation) === replyIn ? conversation : replyIn;
}
