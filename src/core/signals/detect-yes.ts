// "Yes" in the five languages, as a reply to the bot's offer of a person ("sí, por favor",
// "ja gerne", "oui", "sim", "yes please", "that would help, yes"), colloquial and regional
// forms included ("órale", "ándale" in es-MX, "bora", "fechou" in pt-BR, "ça marche", "na klar",
// "porfa", "pfv", "svp"). Only short replies count: a long message that starts with "ok" is a
// new question, not an acceptance; and a reply that says no anywhere ("no thanks", "nein
// danke", "não, obrigado") is not a yes.
const YES_AT_START =
  /^\s*(?:yes|yeah|yep|yup|ya|sure|please|pls|plz|porfa|porfis|xfa|svp|pfv|ok(?:ay)?|definitely|absolutely|go ahead|do it|si|sí|ja|jawohl|oui|ouais|sim|claro|bitte|gerne|vale|dale|pode|d'accord|volontiers|genau|por favor|s'il vous plait|s'il vous plaît)(?=$|[^\p{L}])/iu;

/** Words and phrases that accept wherever they stand in a short reply. */
const YES_ANYWHERE =
  /(?<![\p{L}])(?:yes|yeah|yep|please do|sounds good|that would (?:help|be great|be good)|that'd (?:help|be great)|go for it|why not|sí|si por favor|por supuesto|de acuerdo|me parece bien|ja|gern|gerne|sehr gern|oui|avec plaisir|volontiers|allez-y|vas-y|sim|quero sim|pode ser|pode sim|isso mesmo|por favor|of course|sure thing|esta bien|está bien|orale|órale|andale|ándale|con gusto|bora|beleza|fechou|ta bom|tá bom|ta bem|tá bem|esta bem|está bem|com certeza|na klar|klar doch|gern doch|bien sur|bien sûr|ca marche|ça marche|je veux bien|carrement|carrément|i'd like that|i would like that|me gustaria|me gustaría|gostaria sim|j'aimerais bien)(?![\p{L}])/iu;

const NO =
  /(?<![\p{L}])(?:no|nope|not|don't|dont|never mind|nein|nicht|kein|keine|non|pas|não|nao|nunca|tampoco|ahora no)(?![\p{L}])/iu;

/** Phrases with a "no" in them that still agree ("yes, no problem", "ja, kein Problem"). */
const NOT_A_NO =
  /(?<![\p{L}])(?:no (?:problem|worries)|no hay problema|kein problem|pas de (?:souci|probleme|problème)|nao tem problema|não tem problema)(?![\p{L}])/giu;

const MAX_WORDS = 6;

/** True when `text` is a short acceptance. */
export function isYes(text: string): boolean {
  if (text.length > 60 || NO.test(text.replace(NOT_A_NO, ' '))) return false;
  if (YES_AT_START.test(text)) return true;
  return text.trim().split(/\s+/).length <= MAX_WORDS && YES_ANYWHERE.test(text);
}
