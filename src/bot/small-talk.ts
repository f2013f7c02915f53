// Recognises messages that are only small talk ("hi", "thanks!", "ok cool"), so the bot
// answers them as a person would instead of searching the knowledge base for "cool", in
// any of the five languages ("hola", "danke", "merci beaucoup", "obrigado").
import { phrasesFor } from './bot-phrases.ts';
import { tokenize } from './text-terms.ts';

export type SmallTalkIntent = 'greeting' | 'thanks' | 'goodbye' | 'acknowledgement';

const words = (text: string): Set<string> => new Set(text.split(/\s+/).filter((w) => w !== ''));
const GREETING = words(`hi hello hey hiya howdy greetings yo morning hola buenas buenos
  hallo servus moin bonjour salut coucou bonsoir olá ola oi`);
const THANKS = words(`thanks thank thx ty cheers thankyou appreciated gracias danke
  dankeschön merci obrigado obrigada valeu`);
const GOODBYE = words(`bye goodbye cya later farewell adiós adios chao chau tschüss tschüs
  ciao revoir tchau`);
const ACKNOWLEDGEMENT = words(
  `ok okay k kk cool great nice awesome perfect alright right sure fine understood got
  yes yeah yep yup super amazing lovely excellent brilliant wonderful fantastic noted
  gotcha clear good vale genial perfecto bien sí si claro gut prima alles klar ja
  daccord parfait oui entendu génial ótimo otimo certo perfeito sim beleza`,
);
// Words that may surround small talk without making it a question.
const FILLER = words(
  `a so very much lot you again for the it that thats this is was all there team bot
  afternoon evening day see i oh ah hmm well how are doing help helps helped
  helpful and then now just really makes sense sounds have nice great your its
  everyone folks muchas mucho muy de nada pues días dias tardes noches vielen dank sehr
  schön guten tag morgen abend au beaucoup bien à tout muito bom boa dia tarde noite`,
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

/** A short friendly reply in `language`; the bot never pretends to be a person. */
export function smallTalkReply(intent: SmallTalkIntent, language = 'en'): string {
  return phrasesFor(language).smallTalk[intent];
}
