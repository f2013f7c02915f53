// Entities the default policy collects as fields: order id, email, phone (E.164-like), account
// id and money amounts. Only customer text is passed in; the bot's echo is not evidence.
import { parseMoneyAmounts, type MoneyAmount } from './parse-money.ts';

export interface Entities {
  order_id?: string;
  email?: string;
  phone?: string;
  account_id?: string;
  amounts: MoneyAmount[];
}

const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/;
const ORDER =
  /\b(?:order|orders|purchase|bestellung|pedido|commande|encomenda|ordine)(?:\s+(?:number|no\.?|nr\.?|num(?:ber|ero)?|id|#|nummer))?\s*[:#]?\s*#?\s*([A-Z0-9-]*\d[A-Z0-9-]{3,})\b/i;
const HASH_ID = /(?:^|\s)#(\d{4,})\b/;
const ACCOUNT = /\b(ACC-?\d{3,})\b/i;
const ACCOUNT_CTX =
  /\b(?:account|acct|konto|cuenta|compte|conta)(?:\s+(?:number|no\.?|nr\.?|id|#))?\s*[:#]?\s*([A-Z]{2,4}-?\d{3,})\b/i;
const PHONE = /(?:\+|\b00)\d[\d\s().-]{6,18}\d\b/;
const PHONE_CTX =
  /\b(?:phone|mobile|cell|call me|reach me|text me|number is|tel|telefono|telefon|handy|unter|numero|portable|celular|telemovel)\b[^\d+]{0,20}(\(?0\d[\d\s().-]{6,16}\d)\b/i;

/** Normalises a phone number to `+` and digits ("+44 7700 900123" → "+447700900123"). */
export function normalizePhone(raw: string): string | null {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return null;
  if (trimmed.startsWith('+')) return `+${digits}`;
  if (trimmed.startsWith('00')) return `+${digits.slice(2)}`;
  return digits;
}

/** Extracts the entities found in one message. */
export function extractEntities(text: string): Entities {
  const out: Entities = { amounts: parseMoneyAmounts(text) };
  const email = EMAIL.exec(text);
  if (email) out.email = email[0];
  const account = ACCOUNT.exec(text) ?? ACCOUNT_CTX.exec(text);
  if (account?.[1]) out.account_id = account[1].toUpperCase().replace(/^ACC(\d)/, 'ACC-$1');
  const order = ORDER.exec(text) ?? HASH_ID.exec(text);
  if (order?.[1]) out.order_id = order[1];
  const phone = PHONE.exec(text) ?? PHONE_CTX.exec(text);
  const raw = phone ? (phone[1] ?? phone[0]) : undefined;
  const normalized = raw === undefined ? null : normalizePhone(raw);
  if (normalized !== null && normalized.replace('+', '') !== out.order_id) out.phone = normalized;
  return out;
}
