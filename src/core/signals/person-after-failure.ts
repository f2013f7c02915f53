// A weak request for a person that counts only right after a failed bot answer (thirteenth
// round, issue 12): "can someone help me?", "¿alguien me puede ayudar?", "kann mir jemand
// helfen?", "quelqu'un peut regarder ?", "alguém pode ver isso?". On its own such a message is as
// likely a question about the service ("can anyone see my balance?") as a request, and the
// grammar leaves it alone; once the bot has failed or not understood, the customer who turns to
// "someone" is asking to be passed on. Read by the policy (message-signals.ts) with the bot turn
// that came before.
import { FALSE_FRIENDS } from './human-request-lexicon.ts';
import { HYPOTHETICAL } from './hypothetical.ts';
import { normalizeText } from './normalize-text.ts';
import {
  CLAUSE_BREAK,
  IDENTITY,
  NEGATED,
  NOT_ASKING,
  splitElisions,
} from './person-request-grammar.ts';
import {
  ACTION,
  FRAME,
  GAP,
  LOOK_OR_HELP,
  POLITE_AFTER,
  PERSON,
  SEE_THIS,
  SOMEONE,
  SOMEONE_ELSE,
  w,
} from './person-request-vocabulary.ts';

const ANYONE = new RegExp(`\\b${w(`${SOMEONE_ELSE}|${SOMEONE}|${PERSON}`)}\\b(?!')`);
const DOES = new RegExp(`\\b${w(`${LOOK_OR_HELP}|${ACTION}|${SEE_THIS}`)}(?![\\w'])`);
const ASKS = new RegExp(`\\b${FRAME}\\b`);
const FILLER = new RegExp(
  `\\b(?:${SOMEONE_ELSE}|${SOMEONE}|${PERSON}|${FRAME}|${POLITE_AFTER}|${GAP}|there|here|ahi|aqui|da|la|ai|please|now|hola|hallo|bonjour|ola|oi|hi|hello|maybe|perhaps|then|vielleicht|denn|mal|doch|quizas|tal vez|entonces|peut-etre|alors|talvez|entao)(?![\\w'])`,
  'g',
);
// "der mir helfen kann", "que me pueda ayudar", "who can look at it": a clause about the someone
// just named.
const RELATIVE = /^(?:der|die|das|dem|den|que|qui|who|that|which|whom) /;
// The person as the topic, not the one asked: "my colleague said…", "mi asesor me dijo…".
const TOPIC_PERSON = new RegExp(
  `\\b(?:my|our|mi|mis|nuestr[oa]s?|meu|minha|meus|minhas|nosso|nossa|mein\\w*|unser\\w*|mon|ma|mes|notre|nos) (?:\\w+ )?${PERSON}\\b|\\b(?:said|told|says|dijo|dice|disse|diz|sagte|sagt|meinte|a dit|dit|m'a dit)\\b`,
);

/**
 * The clause of `text` that turns to someone to look at or help with the case, asked (a frame
 * or a question mark), not negated, hypothetical or about staff; null when there is none.
 */
export function turnsToSomeone(text: string): string | null {
  let normalized = splitElisions(normalizeText(text));
  for (const re of FALSE_FRIENDS) normalized = normalized.replace(re, ' _ ');
  if (HYPOTHETICAL.test(normalized)) return null;
  const question = normalized.includes('?');
  // "anyone else?", "jemand anders bitte", "outra pessoa?": a short message that is only someone.
  const whole = ` ${normalized.replace(/[.,;!?¿¡]+/g, ' ').trim()} `;
  const words = whole.match(/[a-z']+/g) ?? [];
  if (words.length <= 4 && ANYONE.test(whole) && !NEGATED.test(whole) && !IDENTITY.test(whole)) {
    const rest = whole.replace(FILLER, ' ').match(/[a-z']+/g) ?? [];
    if (rest.length === 0) return whole.trim();
  }
  // A clause naming someone runs on into the next ("gibt es jemanden, der mir helfen kann?").
  let before = '';
  for (const part of normalized.split(CLAUSE_BREAK)) {
    const clause = RELATIVE.test(`${part.trim()} `) ? ` ${before} ${part.trim()} ` : ` ${part} `;
    before = '';
    if (NEGATED.test(clause) || NOT_ASKING.test(clause) || IDENTITY.test(clause)) continue;
    if (TOPIC_PERSON.test(clause)) continue;
    if (!ANYONE.test(clause)) continue;
    if (!DOES.test(clause)) before = clause.trim();
    else if (question || ASKS.test(clause)) return clause.trim().replace(/\s+/g, ' ');
  }
  return null;
}
