// High-value signal: a sales opportunity in the message (enterprise pricing, bulk or custom
// quote, many seats or lines) and, separately, what is known about the customer's value.
import { detectTopics, type TopicHit } from './detect-topics.ts';
import { normalizeText } from './normalize-text.ts';

export interface HighValueIntent {
  /** `lexicon`: sales wording ("enterprise pricing"); `quantity`: a bulk quantity only. */
  source: 'lexicon' | 'quantity';
  matched: string;
  /** Units asked for, when the message names a quantity ("40 business lines"). */
  quantity?: number;
}

export interface CustomerValueLike {
  tier?: string;
  lifetime_value?: number;
  at_risk_of_churn?: boolean;
}

const QUANTITY =
  /\b(\d{1,3}(?:,\d{3})*|\d+)[ -](?:\w+ )?(seats?|licen[cs]es?|users?|lines?|units?|devices?|employees?|people|person|staff|agents?|accounts?|locations?|stores?|sims?|hoodies?|shirts?|t-shirts?|pieces?|items?|laptops?)\b/;
const BUY_CONTEXT =
  /\b(?:quote|pricing|price|buy|order|purchase|looking at|need|want|evaluat\w*|company|firm|team|organi[sz]ation)\b/;

// Any counted noun ("60 desks", "80 sillas", "45 chaises") with a quote or purchase word is a
// bulk request too, whatever the goods; units of time, money and the customer's own records
// ("30 days", "25 orders") are not goods.
const ANY_QUANTITY = /\b(\d{1,3}(?:,\d{3})*|\d+) (?:[a-z]+ )?([a-z]{3,}(?:s|x|e|en|er))\b/;
const NOT_GOODS =
  /^(?:days?|weeks?|months?|years?|hours?|minutes?|seconds?|times|euros?|dollars?|pounds?|reais|pesos|francs|percent|orders?|transactions?|payments?|charges?|emails?|messages?|calls?|tickets?|invoices?|pages?|points?|dias|semanas|meses|anos|tage|wochen|monate|jahre|stunden|minuten|jours|semaines|mois|heures|horas|minutos|fois|veces|vezes|mal)$/;
const STRONG_BUY =
  /\b(?:quote|quotation|pricing|prices|buy|purchase|bulk|wholesale|presupuesto|cotizacion|precio|angebot|preis|kaufen|bestellen|devis|tarif|acheter|orcamento|comprar|preco)\b/;

function anyBulk(norm: string, minQuantity: number): { matched: string; quantity: number } | null {
  const m = ANY_QUANTITY.exec(norm);
  if (!m?.[1] || !m[2] || NOT_GOODS.test(m[2]) || !STRONG_BUY.test(norm)) return null;
  const quantity = Number(m[1].replace(/,/g, ''));
  return quantity >= minQuantity && quantity < 100_000 ? { matched: m[0], quantity } : null;
}

/**
 * Sales intent in one message, or null. `minQuantity` is the smallest bulk quantity; `topics`
 * may pass detectTopics(text) when the caller already has it.
 */
export function detectHighValueIntent(
  text: string,
  minQuantity = 20,
  topics: readonly TopicHit[] = detectTopics(text),
): HighValueIntent | null {
  const sales = topics.find((h) => h.topic === 'sales' && h.kind === 'request');
  const norm = normalizeText(text);
  const q = QUANTITY.exec(norm);
  const quantity = q?.[1] === undefined ? undefined : Number(q[1].replace(/,/g, ''));
  const bulk = quantity !== undefined && quantity >= minQuantity && BUY_CONTEXT.test(norm);
  const other = quantity === undefined ? anyBulk(norm, Math.max(minQuantity, 2)) : null;
  if (sales) {
    const hit: HighValueIntent = { source: 'lexicon', matched: sales.matched };
    const n = quantity ?? other?.quantity;
    return n === undefined ? hit : { ...hit, quantity: n };
  }
  if (bulk && q) return { source: 'quantity', matched: q[0], quantity };
  return other ? { source: 'quantity', ...other } : null;
}

/** A 0..1 score of what the customer record says about their value (tier, LTV, churn risk). */
export function customerValueScore(
  customer: CustomerValueLike | undefined,
  ltvHigh = 5000,
): number {
  if (!customer) return 0;
  let score = 0;
  if (customer.tier && /^(?:premium|enterprise|business|vip|gold|platinum)$/i.test(customer.tier))
    score += 0.4;
  if ((customer.lifetime_value ?? 0) > ltvHigh) score += 0.3;
  if (customer.at_risk_of_churn === true) score += 0.3;
  return Math.min(1, score);
}
