// Text normalisation shared by the lexicon-based signals: lower case, no accents, straight
// quotes, single spaces. Lexicons are written against this form, so "Mitarbeiter", "conseillère"
// and "AGENT!!!" all meet the same patterns.

/** Lower-cases, strips diacritics and normalises quotes and whitespace. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d«»]/g, '"')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Word tokens (letters and digits) of already-normalised text. */
export function wordTokens(normalized: string): string[] {
  return normalized.match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
}
