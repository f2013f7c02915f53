// What a bot answer last asked the customer, so that their "no" is read against it: "Did that
// help?" – "No" is a failed attempt, while "Anything else?" – "No" and "Shall I email it?" – "No,
// I mean the other order" answer the bot's own question (rejectsAnswer in detect-rejection.ts).
import { normalizeText } from './normalize-text.ts';
import { HELPS } from './rejection-vocabulary.ts';

/** `helped`: the bot asked whether it helped; `other`: another question; `none`: no question. */
export type BotQuestion = 'helped' | 'other' | 'none';

/** Words of "did that help?" beside HELPS: "does that make sense?", "¿queda claro?", "deu certo?". */
const HELPED_EXTRA = new Set('sense clear claro klar clair certo verstandlich'.split(' '));

/** Offers and open invitations: "anything else?", "shall I…?", "¿algo más?", "sonst noch…?". */
const OFFER =
  /\b(?:anything|something) (?:else|more)\b|\bany other\b|\b(?:can|may|shall|should) i\b|\bhow can\b|\bwould you like\b|\bdo you (?:want|need)\b|\bwant me\b|\b(?:puedo|pueda|podemos|quieres|quiere|desea|deseas|prefieres)\b|\balgo mas\b|\botra cosa\b|\b(?:kann|soll|darf) ich\b|\bsonst\b|\b(?:mochten|wollen|wunschen) sie\b|\b(?:puis-je|voulez-vous|souhaitez-vous|veux-tu)\b|\bautre chose\b|\b(?:posso|podemos|gostaria)\b|\bquer que\b|\bmais alguma\b|\boutra coisa\b/;

/** "I hope that helps!" asks without a question mark. */
const HOPE =
  /\bhope (?:that|this|it) (?:helps|helped)\b|\bespero que (?:te |le )?(?:sirva|ayude)\b|\bhoffe,? (?:das|es) hilft\b|\bj'espere que (?:cela|ca) (?:vous |t')?aide\b|\bespero (?:ter ajudado|que (?:isso )?(?:te )?ajude)\b/;

/** The last question the bot turn asks, read as `helped`, `other` or `none`. */
export function botQuestion(botText: string): BotQuestion {
  const norm = normalizeText(botText);
  const end = norm.lastIndexOf('?');
  if (end < 0) return HOPE.test(norm) ? 'helped' : 'none';
  const start =
    Math.max(
      norm.lastIndexOf('.', end),
      norm.lastIndexOf('!', end),
      norm.lastIndexOf('?', end - 1),
    ) + 1;
  const question = norm.slice(start, end);
  const words = question.match(/[a-z0-9-]+/g) ?? [];
  const helped =
    words.length <= 12 &&
    words.some((w) => HELPS.has(w) || HELPED_EXTRA.has(w)) &&
    !OFFER.test(question);
  return helped ? 'helped' : 'other';
}
