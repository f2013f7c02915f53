// Negation scope for topic requests (issue 12): "No quiero un reembolso", "je ne veux pas de
// remboursement", "ich will nicht kündigen" name a topic the customer says they do NOT want.
//
// Why this should generalise rather than memorise: the rule reads grammar words only, a closed
// set per language, and no topic word. A request is negated when a negation stands in its own
// clause, shortly before the match's first word, with no new subject, conjunction or "please"
// between them; so "no quiero esperar más, quiero un reembolso", "I don't want store credit I
// want a refund" and "ich will nicht mehr warten, bitte kündigen" still ask. Three kinds of
// negation are left alone because they are not the customer declining the topic: a report of
// what did not happen ("I haven't received it", "you never refunded me"; those words are not in
// the list), an inability ("ich kann nicht kündigen", "no puedo cancelar", "je ne peux pas"),
// "no longer" ("ya no", "nicht mehr", "no longer"), the usual reason for cancelling, and a
// condition ("if you don't refund me", "si no me devuelven el dinero"), a threat.

/** Negation words, over normalizeText() output, split into words (`n'` read as its own word). */
const NEGATION = new Set(
  (
    "not don't dont doesn't no " + // en (and es "no")
    'ni nunca jamas ' + // es
    'nao nem ' + // pt
    'nicht kein keine keinen keinem keiner keines ' + // de
    "ne n' pas jamais"
  ) // fr
    .split(' '),
);

/** Ability before the negation: a customer who cannot cancel still asks to. */
const ABILITY = new Set(
  (
    "can't cannot can could couldn't unable able " +
    'puedo puede podemos consigo posso pode conseguimos ' +
    'kann kannst konnen konnte ' +
    'peux peut pouvons arrive'
  ).split(' '),
);

/** A condition before the negation: "if you don't refund me" threatens, it does not decline. */
const CONDITION = new Set('if unless si wenn falls se'.split(' '));

/** "no longer", "ya no", "nicht mehr", "não … mais", "ne … plus": a reason to cancel. */
const NO_LONGER_AFTER = new Set(['longer', 'mehr', 'mais', 'plus', 'more']);
const NO_LONGER_BEFORE = new Set(['ya', 'anymore']);

/**
 * Words that start a new clause inside a sentence: subjects, conjunctions, "please", and the
 * question words of an embedded question ("I have no idea where this charge came from").
 */
const BREAK = new Set(
  (
    'i we yo nosotros eu nos ich wir je nous ' +
    'where when why how which who whether donde cuando como wo wann wie warum ob ou quand ' +
    'comment pourquoi onde quando ' +
    'but and just only instead rather pero sino solo solamente y mas so apenas e ' +
    'aber sondern nur und mais juste seulement et ' +
    'please pls plz bitte favor svp'
  ).split(' '),
);

/** Words a negation may stand before the topic word across ("no quiero un reembolso"). */
const MAX_GAP = 3;

function words(text: string): string[] {
  return text.replace(/\b(n|j|d|l|qu)'/g, "$1' ").match(/[a-z0-9]+(?:'[a-z]*)?/g) ?? [];
}

/**
 * The negation word that cancels a topic request starting at `index` of the normalised
 * `sentence`, or null when the request stands.
 */
export function negationBefore(sentence: string, index: number): string | null {
  // A match that starts with a question word starts a clause of its own.
  if (BREAK.has(words(sentence.slice(index, index + 20))[0] ?? '')) return null;
  const clauses = sentence.slice(0, index).split(/[,;:()]/);
  const before = words(clauses[clauses.length - 1] ?? '');
  for (let i = before.length - 1; i >= 0 && before.length - 1 - i <= MAX_GAP; i--) {
    const word = before[i] ?? '';
    if (BREAK.has(word)) return null;
    if (!NEGATION.has(word)) continue;
    const previous = before.slice(Math.max(0, i - 2), i);
    if (previous.some((w) => ABILITY.has(w) || NO_LONGER_BEFORE.has(w))) return null;
    if (before.slice(0, i).some((w) => CONDITION.has(w))) return null;
    const following = before.slice(i + 1);
    if (following.some((w) => NO_LONGER_AFTER.has(w) || ABILITY.has(w))) return null;
    return word;
  }
  return null;
}
