// A customer message that closes the exchange ("thanks, all sorted"). Time-based and
// persistence triggers do not fire on it: a happy customer after a long chat is not stuck.
import { normalizeText } from './normalize-text.ts';

const CLOSING =
  /\b(?:thanks?|thank you|thx|ty|cheers|that's all|thats all|all good|all sorted|sorted|works now|it worked|worked perfectly|got it|found it|i'?m back in|perfect|brilliant|great|awesome|good to know|makes sense|never ?mind|no worries|gracias|danke|(?:vielen|besten|herzlichen|tausend) dank|dankesch\w*|merci|obrigad[oa]|valeu|perfecto|parfait|genial|funcionou|hat geklappt)\b/;
// "but", "still", "not", "again" in the five languages (normalised: no accents).
const STILL_OPEN =
  /\?|\bbut\b|\bstill\b|\bnot\b|n't\b|\bagain\b|\bpero\b|\baber\b|\bmais\b|\bmas\b|\bnicht\b|\bkein\w*|\bpas\b|\bnao\b|\btodavia\b|\bimmer noch\b|\btoujours\b|\bainda\b|\bwieder\b|\bencore\b|\botra vez\b|\bde novo\b/;

// Short acknowledgements ("ok", "alright cool") close too; longer ones ("ok so what do I do")
// go on asking.
const ACK =
  /^(?:ok(?:ay)?|k|alright|all right|cool|nice|good|fine|sure|understood|noted|will do|yes|yep|sounds good)\b/;

/** True when `text` closes the exchange rather than asking for more. */
export function detectClosing(text: string): boolean {
  const norm = normalizeText(text);
  if (STILL_OPEN.test(norm)) return false;
  if (CLOSING.test(norm)) return true;
  return ACK.test(norm) && norm.split(' ').length <= 3;
}
