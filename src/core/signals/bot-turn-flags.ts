// What a recorded bot (or system) turn says about the bot's own state: it asked for
// clarification, it declared the request out of scope, or it failed. Both the intent label
// and the wording count, because external bots label intents in their own way.
import { offersPerson } from './bot-offer.ts';
import { normalizeText } from './normalize-text.ts';

export interface BotTurnLike {
  from: string;
  text?: string;
  action?: string;
  intent?: string;
  confidence?: number;
}

export interface BotTurnFlags {
  clarification: boolean;
  /** The bot offered a person ("Would you like me to connect you to an agent?"). */
  offersHuman: boolean;
  outOfScope: boolean;
  /**
   * A fallback turn ("Sorry, I didn't get that", intent `fallback`): one failed attempt, which the
   * spec counts towards repeated_failure (two in a row), not an answer that the request is out of
   * scope (thirteenth round).
   */
  fallback: boolean;
  error: boolean;
}

const CLARIFY_INTENTS = /^(?:clarify|clarification|disambiguat\w*|rephrase|did_you_mean)$/i;
const OOS_INTENTS = /^(?:out_of_scope|oos|none|unknown)$/i;
const FALLBACK_INTENTS =
  /^(?:fallback|default_fallback|\w+_fallback|fallback_\w+|no_match|nomatch|not_understood|no_input)$/i;
const OFFER_TEXT =
  /\b(?:connect|transfer|put) you (?:through )?(?:to|with) (?:a |an |one of our |our |the )?(?:human|person|agent|advisor|adviser|colleague|specialist|team|representative|someone|member of (?:our|the) team)|\bwould you like to (?:speak|talk|chat) (?:to|with) (?:a |an |one of our |our )?(?:human|person|agent|advisor|colleague|specialist|team|representative|someone)|\bshall i (?:connect|transfer|get) (?:you|someone)/;
// The same offer in es/de/fr/pt (normalised text: no accents, lower case).
const OFFER_TEXT_OTHER =
  /\b(?:te|le|lo|la) (?:paso|pongo en contacto|transfiero|comunico|derivo) con\b|\b(?:quieres|quiere|prefieres|prefiere|desea|deseas) (?:hablar|que te pase|que le pase)\b.*\b(?:agente|persona|asesor|companero|humano)|\bmit (?:einem|einer|unserem|unserer) (?:\w+ )?(?:mitarbeiter|menschen|kollegen|kollegin|berater|beraterin|team)\w* (?:verbinden|sprechen)|\b(?:soll ich|darf ich) sie (?:\w+ )?(?:verbinden|weiterleiten)|\b(?:vous|te) (?:mett\w* en relation|transfer\w*|pass\w*|mett\w* en contact) (?:avec|a) (?:un|une|notre|nos)\b|\b(?:souhaitez|voulez)-vous (?:parler|echanger) (?:a|avec) (?:un|une|notre)\b|\b(?:te|o|a|lhe) (?:transferir|passar|encaminhar|transfiro|passo|encaminho) (?:para|a) (?:um|uma|o|a|nosso|nossa)\b|\b(?:quer|gostaria de|prefere) falar com (?:um|uma|o|a|nosso|nossa) (?:atendente|agente|pessoa|humano|colega|especialista)/;
const ERROR_INTENTS = /^(?:error|bot_error|timeout|llm_error|failure|exception)$/i;

const CLARIFY_TEXT =
  /\b(?:could|can) you (?:tell me (?:a bit )?more|clarify|rephrase|explain|be more specific|give me more)|\bdo you mean\b|\bdid you mean\b|\bare you asking (?:about|if)\b|\bnot sure (?:i|what you) (?:understood|understand|mean)|\bi'?m (?:still )?not sure\b|\bi didn'?t (?:quite )?(?:get|understand|catch)|\bwhich (?:one|of these) do you mean\b/;
const OOS_TEXT =
  /\bi (?:don'?t|do not) have (?:any )?information (?:about|on)\b|\b(?:can'?t|cannot|can not|am unable to|'m unable to) (?:help|assist) with\b|\bnot something i can (?:help|assist) with\b|\boutside (?:of )?what i can\b|\bi can only help with\b|\bi'?m afraid i can'?t help\b|\bi can'?t answer (?:questions|that)\b/;
// The same refusal in es/de/fr/pt (normalised text: no accents, lower case): a bot that says in
// the customer's language that it cannot help with this is out of scope, whatever its intent.
const OOS_TEXT_OTHER =
  /\bno (?:puedo|podemos) (?:ayudar(?:te|le|lo|la)?|asistir(?:te|le)?) (?:con|en)\b|\bno (?:tengo|dispongo de) (?:informacion|datos) (?:sobre|de|acerca)\b|\bsolo (?:puedo|podemos) (?:ayudar(?:te|le)?|responder) (?:con|sobre|a)\b|\bfuera de (?:lo que puedo|mi alcance)\b|\b(?:dabei|damit|hierbei|hier) kann ich (?:ihnen |dir )?(?:leider )?nicht (?:weiter)?helfen\b|\bkann ich (?:ihnen |dir )?(?:leider )?nicht (?:weiter)?helfen\b|\bich habe (?:leider )?keine informationen (?:zu|uber|ueber|dazu)\b|\bich kann (?:ihnen |dir )?(?:leider )?nur (?:bei|mit|zu)\b|\bje ne (?:peux|suis pas en mesure d) (?:pas )?(?:vous |t)?'?aider (?:avec|pour|sur|a ce sujet)\b|\bje n'?ai pas d'?informations? (?:sur|concernant|a ce sujet)\b|\bje (?:ne )?peux (?:vous |t'?)?aider qu'?\b|\ben dehors de ce que je\b|\bnao (?:posso|consigo|podemos) (?:te |lhe |o |a )?ajudar com\b|\bnao tenho informac(?:ao|oes) sobre\b|\bso (?:posso|consigo) (?:te |lhe )?ajudar com\b|\bfora do que (?:posso|consigo)\b/;
// Wording of a bot reply that reports its own failure (narrow: a bot may talk *about* errors).
const BOT_FAILURE_TEXT =
  /\bsomething went wrong\b|\b(?:i'?m|we'?re) (?:having|experiencing) (?:technical )?(?:trouble|problems|issues|difficulties)\b|\ban (?:unexpected |internal )?error (?:occurred|has occurred)\b|\b(?:service|assistant) (?:is )?(?:temporarily )?unavailable\b|\bi (?:couldn'?t|could not|can'?t) (?:process|generate|load) (?:a |your |that )?(?:request|response|answer|reply)\b/;
const BOT_WORDS =
  /\b(?:bot|bot_error|assistant|llm|model|ai|answer engine|external bot|upstream|webhook)\b/;
const ERROR_TEXT =
  /\b(?:error|timed? ?out|time-?out|failed|failure|unavailable|exception|something went wrong)\b/;

/** Flags for a bot or system turn; all false for customer and agent turns. */
export function botTurnFlags(turn: BotTurnLike): BotTurnFlags {
  const none = {
    clarification: false,
    offersHuman: false,
    outOfScope: false,
    fallback: false,
    error: false,
  };
  if (turn.from !== 'bot' && turn.from !== 'system') return none;
  const intent = turn.intent ?? '';
  const text = normalizeText(turn.text ?? '');
  if (turn.from === 'system') {
    // Only failures of the bot itself: a system note that "payment failed" is not one.
    const error =
      ERROR_INTENTS.test(turn.action ?? '') ||
      ERROR_INTENTS.test(intent) ||
      (BOT_WORDS.test(text) && ERROR_TEXT.test(text));
    return { ...none, error };
  }
  return {
    clarification: CLARIFY_INTENTS.test(intent) || CLARIFY_TEXT.test(text),
    offersHuman: OFFER_TEXT.test(text) || OFFER_TEXT_OTHER.test(text) || offersPerson(text),
    outOfScope: OOS_INTENTS.test(intent) || OOS_TEXT.test(text) || OOS_TEXT_OTHER.test(text),
    fallback: FALLBACK_INTENTS.test(intent),
    error:
      ERROR_INTENTS.test(intent) ||
      ERROR_INTENTS.test(turn.action ?? '') ||
      BOT_FAILURE_TEXT.test(text) ||
      (turn.action === undefined && (turn.text ?? '').trim() === ''),
  };
}
