// Turns text into search terms, the same way for articles and questions: lower-case words,
// stop words dropped, a light suffix stemmer and a few synonyms, so that "shipped",
// "shipping" and "shipment" meet, and "parcel" finds "package".
const WORD_SPLIT = /[^\p{L}\p{N}']+/u;

// Function words plus greetings (but not "where" and "when": they tell tracking from
// timing questions) and politeness: they say nothing about the topic, and
// keeping them would let "hi, where is my order" lean towards articles that say "hi".
const STOP_WORDS = new Set(
  `a about above after again all also am an and any are as at be been before being below
  between both but by can cant could did didnt do does doesnt doing dont down during each
  few for from further get got had has have having he her here hers him his how i if in
  into is isnt it its itself just me more most my myself no nor not now of off on once
  only or other our ours out over own please same she should so some such than that the
  their them then there these they this those through to too under until up very was we
  were what whats which while who whom why will with would you your yours
  yourself im ive id ill youre hi hello hey thanks thank thx cheers ok okay would like
  want need know tell much many let us one still already yet might may must shall
  able anyone anything anyway actually come came get gets getting give go goes going
  just like make made making put really say said see something someone take thing
  things try tried use used using way ways well possible different bit lot`
    .split(/\s+/)
    .filter((word) => word !== ''),
);

// Canonical forms (after stemming) for words customers use interchangeably.
const SYNONYMS: Record<string, string> = {
  parcel: 'package',
  packag: 'package',
  shipment: 'ship',
  postag: 'ship',
  price: 'cost',
  fee: 'cost',
  telephon: 'phone',
  mail: 'email',
  'e-mail': 'email',
  log: 'login',
  logon: 'login',
  signin: 'login',
  signup: 'regist',
  regist: 'regist',
  register: 'regist',
  registr: 'regist',
  abroad: 'international',
  oversea: 'international',
  worldwid: 'international',
  coupon: 'coupon',
  reimburs: 'refund',
  faulti: 'defect',
  fault: 'defect',
};

/** Splits text into raw lower-case words (apostrophes removed: "don't" → "dont"). */
export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .split(WORD_SPLIT)
    .map((word) => word.replace(/'s$/, '').replace(/'/g, ''))
    .filter((word) => word !== '');
}

/** Normalises one word into a search term, or null for a stop word. */
export function normalizeTerm(word: string): string | null {
  const lower = word.toLowerCase();
  if (STOP_WORDS.has(lower)) return null;
  const stemmed = stem(lower);
  return SYNONYMS[lower] ?? SYNONYMS[stemmed] ?? stemmed;
}

/** The distinct search terms of a text, in order of first appearance. */
export function toTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of tokenize(text)) {
    const term = normalizeTerm(word);
    if (term !== null && !terms.includes(term)) terms.push(term);
  }
  return terms;
}

// A deliberately small stemmer: the knowledge base is short FAQ prose, and over-eager
// stemming (Porter's) merges words like "order" and "orderly" that we want apart.
function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(ss|us|is)$/.test(w)) return w;
  else if (/(ches|shes|xes|sses|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s')) w = w.slice(0, -1);
  if (w.endsWith('ation') && w.length > 7) w = undouble(w.slice(0, -5));
  else if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2));
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

// "shipp" → "ship", "cancell" → "cancel", but "dress" keeps its double s.
function undouble(w: string): string {
  return /([bdfgklmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
}
