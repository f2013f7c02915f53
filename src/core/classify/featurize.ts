// Hashed sparse features of one message, the same at training and at run time: accent-folded
// character 3–5-grams inside word boundaries (robust to typos, inflection and the five
// languages' spellings) plus word unigrams and bigrams. Features are hashed (FNV-1a) into
// `dim` buckets and weighted 1/sqrt(n), so a long message does not outvote a short one.

export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
}

/** Lower case, no accents, letters/digits/'?'/'!' kept, everything else a space. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\d+/g, '0')
    .replace(/[^a-z0-9'?!]+/g, ' ')
    .replace(/([?!])/g, ' $1 ')
    .replace(/\s+/g, ' ')
    .trim();
}

function fnv1a(s: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Feature strings of a message (exported for tests and for explaining a score). */
export function featureStrings(text: string, maxChars = 1_000): string[] {
  const words = foldText(text.slice(0, maxChars)).split(' ').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    out.push(`w:${w}`);
    if (i + 1 < words.length) out.push(`b:${w} ${words[i + 1]}`);
    const padded = ` ${w} `;
    for (let n = 3; n <= 5; n++) {
      for (let j = 0; j + n <= padded.length; j++) out.push(`c:${padded.slice(j, j + n)}`);
    }
  }
  if (words.length === 0) out.push('empty');
  return out;
}

/**
 * Squared norm below which a message is not scaled up: a one-word reply ("done", "about 5")
 * carries little evidence, so its features stay small and its scores stay near the priors.
 */
export const MIN_SQUARED_NORM = 100;

/** The hashed, L2-normalised feature vector of `text` over `dim` buckets (a power of two). */
export function featurize(text: string, dim: number): SparseVector {
  const counts = new Map<number, number>();
  for (const f of featureStrings(text)) {
    const h = fnv1a(f, 0) & (dim - 1);
    counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  const keys = [...counts.keys()].sort((a, b) => a - b);
  const index = Int32Array.from(keys);
  const value = new Float32Array(keys.length);
  let norm = 0;
  for (const k of keys) norm += counts.get(k)! ** 2;
  const inv = 1 / Math.sqrt(Math.max(norm, MIN_SQUARED_NORM));
  keys.forEach((k, i) => (value[i] = counts.get(k)! * inv));
  return { index, value };
}
