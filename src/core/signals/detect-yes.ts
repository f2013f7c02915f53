// "Yes" in the five languages, as a reply to the bot's offer of a person ("sí, por favor",
// "ja gerne", "oui", "sim", "yes please"). Only short replies count: a long message that
// starts with "ok" is a new question, not an acceptance.
const YES =
  /^\s*(?:yes|yeah|yep|yup|ya|sure|please|ok(?:ay)?|definitely|absolutely|go ahead|do it|si|sí|ja|jawohl|oui|ouais|sim|claro|bitte|gerne|vale|dale|pode|d'accord|volontiers|genau|por favor|s'il vous plait|s'il vous plaît)(?=$|[^\p{L}])/iu;

/** True when `text` is a short acceptance. */
export function isYes(text: string): boolean {
  return text.length <= 60 && YES.test(text);
}
