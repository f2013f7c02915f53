// Recognises messages that are only small talk ("hi", "thanks!", "ok cool"), so the bot
// answers them as a person would instead of searching the knowledge base for "cool".
import { tokenize } from './text-terms.ts';

export type SmallTalkIntent = 'greeting' | 'thanks' | 'goodbye' | 'acknowledgement';

const GREETING = new Set(['hi', 'hello', 'hey', 'hiya', 'howdy', 'greetings', 'yo', 'morning']);
const THANKS = new Set(['thanks', 'thank', 'thx', 'ty', 'cheers', 'thankyou', 'appreciated']);
const GOODBYE = new Set(['bye', 'goodbye', 'cya', 'later', 'farewell']);
const ACKNOWLEDGEMENT = new Set(
  `ok okay k kk cool great nice awesome perfect alright right sure fine understood got
  yes yeah yep yup super amazing lovely excellent brilliant wonderful fantastic noted
  gotcha clear good`.split(/\s+/),
);
// Words that may surround small talk without making it a question.
const FILLER = new Set(
  `a so very much lot you again for the it that thats this is was all there team bot
  afternoon evening day see i oh ah hmm well how are doing help helps helped
  helpful and then now just really makes sense sounds have nice great your its
  everyone folks`.split(/\s+/),
);
// Longer messages are questions with a greeting in front, not small talk.
const MAX_WORDS = 8;

/** The small-talk intent of a message that is nothing but small talk, else null. */
export function detectSmallTalk(text: string): SmallTalkIntent | null {
  const words = tokenize(text);
  if (words.length === 0 || words.length > MAX_WORDS) return null;
  const seen = new Set<SmallTalkIntent>();
  for (const word of words) {
    if (THANKS.has(word)) seen.add('thanks');
    else if (GOODBYE.has(word)) seen.add('goodbye');
    else if (GREETING.has(word)) seen.add('greeting');
    else if (ACKNOWLEDGEMENT.has(word)) seen.add('acknowledgement');
    else if (!FILLER.has(word)) return null;
  }
  // "good morning" and "how are you" greet even without a greeting word.
  const joined = words.join(' ');
  if (/\bgood (morning|afternoon|evening|day)\b|\bhow are you\b/.test(joined)) seen.add('greeting');
  // The strongest intent wins: "ok thanks, bye" is a goodbye.
  for (const intent of ['goodbye', 'thanks', 'greeting', 'acknowledgement'] as const) {
    if (seen.has(intent)) return intent;
  }
  return null;
}

/** A short friendly reply; the bot never pretends to be a person. */
export function smallTalkReply(intent: SmallTalkIntent): string {
  switch (intent) {
    case 'greeting':
      return "Hi! I'm an automated assistant. Ask me a question and I'll look it up in our help articles. You can ask for a person at any time.";
    case 'thanks':
      return "You're welcome! Is there anything else I can help you with?";
    case 'goodbye':
      return 'Goodbye, and thanks for getting in touch!';
    case 'acknowledgement':
      return 'Great! Is there anything else I can help you with?';
  }
}
