/**
 * Reads a satisfaction rating from a customer's reply to the survey in a channel without
 * buttons: "5", "4/5", "5 stars - quick and kind", "⭐⭐⭐". A number that is part of a
 * longer one ("12345", an order number) is not a rating; nor is anything else.
 */
export interface ParsedRating {
  readonly rating: number;
  readonly comment?: string;
}

// A digit 1–5 not followed by another digit, optionally "/5" and a word for stars.
const NUMBER =
  /^\s*([1-5])(?!\d)(?:\s*\/\s*5)?(?:\s*(?:stars?|estrellas?|sterne?|étoiles?|estrelas?)\b)?\s*[-–—:,.!)]*\s*([\s\S]*)$/iu;
const STARS = /^\s*((?:⭐|★){1,5})\s*[-–—:,.!]*\s*([\s\S]*)$/u;

export function parseRating(text: string): ParsedRating | null {
  const number = NUMBER.exec(text);
  const stars = number ? null : STARS.exec(text);
  const match = number ?? stars;
  if (!match) return null;
  const rating = number ? Number(match[1]) : [...(match[1] ?? '')].length;
  const comment = (match[2] ?? '').trim();
  return comment ? { rating, comment } : { rating };
}
