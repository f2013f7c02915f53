// Money amounts in free text: "$620", "620 EUR", "€620", "1.200,50 €", "€1,200", "620 dollars".
// The value is a number in major units; the currency an ISO 4217 code.

export interface MoneyAmount {
  value: number;
  currency: string;
  matched: string;
  index: number;
}

const SYMBOLS: Record<string, string> = {
  $: 'USD',
  us$: 'USD',
  r$: 'BRL',
  a$: 'AUD',
  au$: 'AUD',
  c$: 'CAD',
  ca$: 'CAD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  chf: 'CHF',
};

const WORDS: Record<string, string> = {
  dollar: 'USD',
  dollars: 'USD',
  usd: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  eur: 'EUR',
  pound: 'GBP',
  pounds: 'GBP',
  quid: 'GBP',
  gbp: 'GBP',
  reais: 'BRL',
  brl: 'BRL',
  cad: 'CAD',
  aud: 'AUD',
  chf: 'CHF',
  jpy: 'JPY',
  yen: 'JPY',
  inr: 'INR',
  rupees: 'INR',
  mxn: 'MXN',
  pesos: 'MXN',
  // Spanish, Portuguese, French and German names of the same currencies.
  dolar: 'USD',
  dolares: 'USD',
  dólar: 'USD',
  dólares: 'USD',
  libra: 'GBP',
  libras: 'GBP',
  franken: 'CHF',
  francos: 'CHF',
  sek: 'SEK',
  nok: 'NOK',
  dkk: 'DKK',
  pln: 'PLN',
};

// Thousands grouped by dot, comma, space, no-break space or the Swiss apostrophe; decimals by dot
// or comma; German prices may end in ",-" ("1.800,- €").
const NUM =
  "\\d{1,3}(?:[.,\\s\\u00a0\\u202f'’]\\d{3})+(?:[.,]\\d{1,2}|,-)?|\\d+(?:[.,]\\d{1,2}|,-)?";
const SYM = '(?:us\\$|r\\$|au\\$|a\\$|ca\\$|c\\$|chf|\\$|€|£|¥|₹)';
const WORD = `(?:${Object.keys(WORDS).join('|')})`;
// "2.5k", "1m"; Spanish and Portuguese "3 mil" (a thousand), German "3 Tsd.".
const MULT = '(?:\\s?(k|m|mil|tsd\\.?)(?![\\p{L}\\d]))?';

// An ISO code may also stand before the number ("EUR 900", "USD 640").
const CODE = '(?:usd|eur|gbp|brl|cad|aud|chf|jpy|inr|mxn|sek|nok|dkk|pln)';
const PATTERN = new RegExp(
  `(${SYM}|${CODE}(?=\\s?\\d))\\s?(${NUM})${MULT}|(${NUM})${MULT}\\s?(${SYM}|${WORD}(?![\\p{L}\\d]))`,
  'giu',
);

/** Parses "1.200,50", "1,200.50", "1 200", "620" (decimal separators by position). */
export function parseAmountNumber(raw: string): number {
  const s = raw.replace(/[\s\u00a0\u202f'’]/g, '').replace(/,-$/, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  const lastSep = Math.max(lastDot, lastComma);
  if (lastSep === -1) return Number(s);
  const decimals = s.length - lastSep - 1;
  const both = lastDot !== -1 && lastComma !== -1;
  // A single separator followed by exactly three digits groups thousands ("€1,200", "1.200 €").
  const isDecimal = both || decimals !== 3 ? decimals <= 2 : false;
  const intPart = isDecimal ? s.slice(0, lastSep) : s;
  const fracPart = isDecimal ? s.slice(lastSep + 1) : '';
  const digits = intPart.replace(/[.,]/g, '');
  return Number(fracPart ? `${digits}.${fracPart}` : digits);
}

// An ISO code or currency word right after a symbol amount names the currency ("$620 AUD").
const CODE_AFTER = new RegExp(`^\\s?(${WORD})\\b`, 'iu');
// "$" is USD unless the text names another dollar.
const OTHER_DOLLAR: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:cad|canadian dollars?)\b/i, 'CAD'],
  [/\b(?:aud|australian dollars?)\b/i, 'AUD'],
  [/\b(?:mxn|pesos? mexicanos?|mexican pesos?)\b/i, 'MXN'],
];

function currencyOf(text: string, symbol: string, after: string): string | undefined {
  const code = symbol in SYMBOLS ? CODE_AFTER.exec(after)?.[1]?.toLowerCase() : undefined;
  if (code !== undefined && WORDS[code] !== undefined) return WORDS[code];
  if (symbol === '$') {
    for (const [re, iso] of OTHER_DOLLAR) if (re.test(text)) return iso;
  }
  return SYMBOLS[symbol] ?? WORDS[symbol];
}

/** Every money amount in `text`, in order of appearance. */
export function parseMoneyAmounts(text: string): MoneyAmount[] {
  const out: MoneyAmount[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const sym = (m[1] ?? m[6] ?? '').toLowerCase();
    const raw = m[2] ?? m[4] ?? '';
    const mult = (m[3] ?? m[5] ?? '').toLowerCase();
    const currency = currencyOf(
      text,
      sym,
      text.slice(m.index + m[0].length, m.index + m[0].length + 6),
    );
    if (currency === undefined) continue;
    let value = parseAmountNumber(raw);
    if (mult === 'k' || mult === 'mil' || mult.startsWith('tsd')) value *= 1_000;
    if (mult === 'm') value *= 1_000_000;
    if (!Number.isFinite(value)) continue;
    out.push({ value, currency, matched: m[0].trim(), index: m.index });
  }
  return out;
}
