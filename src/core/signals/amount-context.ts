// Is a money amount a refund, charge, bill or order amount (what the amount_threshold reason
// is about), rather than a transfer, a balance or a limit? Judged from the words around it.
import { normalizeText } from './normalize-text.ts';

const CHARGE_WORDS =
  /\b(?:refund\w*|reimburs\w*|rebat\w*|compensation|restitution|charg\w*|bill\w*|invoice\w*|order\w*|purchas\w*|paid|pay|paying|payment\w*|cost\w*|price\w*|fee|fees|debit\w*|owe|owed|spent|bought|buy|buying|deduct\w*|taken|took|money back|renewal|subscription|plan|quote|factura|cobr\w*|rechnung|abbuchung|facture|prelevement|fatura|cobranca|reembols\w*|devolu\w*|rembours\w*|erstatt\w*|ruckerstatt\w*|gutschrift|pedido\w*|compra\w*|bestell\w*|commande\w*|achat\w*|pag(?:o|ue|uei|ar|amos|aste|ou|ado|ada|uen)|bezahl\w*|gezahlt|paye\w*|abgebucht|belast\w*|preis\w*|prix|precio\w*|preco\w*|encomenda\w*|amount|total|montant|betrag|importe|valor|kost\w*|gekostet|gekauft|kauf\w*|abgezogen|lastschrift\w*|coute\w*|achete\w*|compr(?:e|ei|ou|amos|aron|o)|custou|custa\w*|estorno\w*|factur\w*)\b/;

/** True when the words within `window` characters of the amount speak of money owed or paid. */
export function isChargeContext(text: string, index: number, length: number, window = 60): boolean {
  const around = text.slice(Math.max(0, index - window), index + length + window);
  return CHARGE_WORDS.test(normalizeText(around));
}

const PURCHASE_INTENT =
  /\b(?:buy|buying|purchase|purchasing|(?:want|like|looking|going|plan\w*|ready) to (?:buy|get|order|purchase)|interested in (?:buying|getting|ordering|purchasing)|place an order)\b/;
const AFTER_THE_FACT =
  /\b(?:refund\w*|charg\w*|bill\w*|invoice\w*|paid|dispute\w*|return\w*|damaged|broken|arrived|delivered|cancel\w*)\b/;

/** A wish to buy (not a complaint about something bought): "I'd like to buy the $3,499 TV". */
export function isPurchaseIntent(text: string): boolean {
  const norm = normalizeText(text);
  return PURCHASE_INTENT.test(norm) && !AFTER_THE_FACT.test(norm);
}
