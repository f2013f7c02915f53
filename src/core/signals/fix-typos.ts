// Typo repair for the lexicon signals: near-misses of the handful of words the lexicons hinge
// on ("agnet", "cancfel", "acount", "reinburse") are mapped back to them, and words run
// together with them ("tocancel", "freemiumaccount", "order732201349959") are split. Real
// words one edit away from a keyword ("taking", "older", "contract") are left alone.
import { editDistance } from './edit-distance.ts';

const VOCABULARY = (
  'human person agent representative operator someone somebody support service customer ' +
  'assistant contact cancel cancellation refund refunds reimburse reimbursement account ' +
  'purchase order complaint reclamation delete remove subscription membership compensation ' +
  'restitution speaking talking chatting'
).split(' ');

/**
 * Person words of the other languages ("menschn", "conseiler"), repaired but never split off a
 * longer word: "Mitarbeiterliste" is a list, not a person (eleventh round).
 */
const REPAIR_ONLY = 'mensch mitarbeiter conseiller'.split(' ');

/**
 * Keywords the es/pt/fr/de lexicons read in their own language, accent-stripped (German also with
 * ae/oe/ue). A word that is one of them, or nearer to one of them than to any English keyword, is
 * left as written: "suscripcion" was "corrected" into "subscription", so the Spanish patterns never
 * saw their word (issue 12). They are never repair targets, since near one language's word is
 * often another's ("contactar", "cancelamiento"). English keeps ties, and the cognates
 * the lexicons share on purpose ("cancelacion" → "cancellation", "reclamacion" → "reclamation",
 * read by the English patterns) are not listed here.
 */
const OWN_LANGUAGE_WORDS = [
  'suscripcion suscripciones subscripcion membresia', // es
  'assinatura assinaturas cancelamento atendimento', // pt
  'abonnement abonnements contacte contacter resilier resiliation', // fr
  'kundigen kuendigen kundigung kuendigung kundenservice kundendienst', // de
]
  .join(' ')
  .split(' ');

const REPAIR_TARGETS = [...VOCABULARY, ...REPAIR_ONLY];
const VOCAB_SET = new Set([...REPAIR_TARGETS, ...OWN_LANGUAGE_WORDS]);

const maxEdits = (target: string) => (target.length >= 9 ? 2 : 1);

/** Whether `word` is nearer to an own-language word than `englishDistance` edits. */
function nearOwnLanguageWord(word: string, englishDistance: number): boolean {
  return OWN_LANGUAGE_WORDS.some((target) => {
    const d = editDistance(word, target, maxEdits(target));
    return d <= maxEdits(target) && d < englishDistance;
  });
}

/** Real words within one or two edits of a keyword. */
const NOT_TYPOS = new Set(
  (
    'assistance assisting older border remote taking walking cancer contract institution argent ' +
    'agents humans humane humano humana humanos persons persona personas personal personne servicio ' +
    'agente agentes pessoa pessoas atendente servico cliente clientes suporte soporte humain ' +
    'humains humaine operador operadora operateur operatrice persoon rembourse remboursee ' +
    'rembourser remboursement ' +
    'services serviced supports urgent operate ageing agence orders ordered accounts purchased ' +
    'purchases removed deleted customers refunded canceled cancelled complain complained ' +
    // verbs and inflections one or two edits from mensch, mitarbeiter, conseiller
    'menschen mitarbeiten mitarbeitet mitarbeite mitarbeitest mitarbeitern mitarbeiterin ' +
    'conseille conseilles conseillez conseillent conseillee conseillees conseilla conseillai ' +
    'conseillera conseillerai conseilleras conseillerez conseillerons conseilleront conseillers ' +
    'conseillere conseilleres'
  ).split(' '),
);

/** Longest keywords first, so "reimbursementpolicy" splits after "reimbursement". */
const BY_LENGTH = [...VOCABULARY].sort((a, b) => b.length - a.length);
/** Word-forming prefixes and suffixes: "recontact" and "cancelling" are words, not glue. */
const PREFIXES = new Set(['re', 'un', 'dis', 'pre', 'non', 'sub', 'co', 'de', 'mis']);
const SUFFIX = /^(?:ations?|ments?|ings?|lings?|ers?|ed|ly|able|ful|less|ness)$/;

// Words repeat across messages; remembering each word's repair makes this cheap. Bounded so a
// long-running server does not grow it without limit.
const memo = new Map<string, string>();
const MEMO_MAX = 50_000;

function correct(word: string): string {
  const hit = memo.get(word);
  if (hit !== undefined) return hit;
  const fixed = repair(word);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(word, fixed);
  return fixed;
}

function repair(word: string): string {
  if (VOCAB_SET.has(word) || NOT_TYPOS.has(word)) return word;
  for (const target of REPAIR_TARGETS) {
    const max = maxEdits(target);
    const d = editDistance(word, target, max);
    if (d <= max) return nearOwnLanguageWord(word, d) ? word : target;
  }
  if (nearOwnLanguageWord(word, Infinity)) return word;
  if (word.length >= 7) {
    for (const target of BY_LENGTH) {
      if (target.length < 5) continue;
      const prefix = word.slice(0, -target.length);
      if (word.endsWith(target) && prefix.length >= 2 && !PREFIXES.has(prefix)) {
        return `${prefix} ${target}`;
      }
      const rest = word.slice(target.length);
      if (word.startsWith(target) && rest.length >= 4 && !SUFFIX.test(rest)) {
        return `${target} ${rest}`;
      }
    }
  }
  return word;
}

/**
 * Four-letter words are repaired towards "human" only ("hman", "humn", "huma"): other keywords
 * one edit from a four-letter word meet real words ("oder" is German for "or", "gent").
 */
function repairShort(word: string): string {
  return editDistance(word, 'human', 1) <= 1 ? 'human' : word;
}

/** Repairs keyword typos in normalised text (see normalizeText). */
export function fixTypos(normalized: string): string {
  return normalized
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/\b[a-z]{4}\b/g, (word) => repairShort(word))
    .replace(/[a-z]{5,}/g, (word) => correct(word));
}
