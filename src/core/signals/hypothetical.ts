// Hypotheticals: "if I ever wanted to cancel…", "should I leave one day…", "just so I know
// for later…", in the five languages (normalised text). A request inside one is a question
// about what would happen, not a request. Plain conditions ("if this isn't fixed today, get
// me a manager") are real requests and are not matched.
export const HYPOTHETICAL =
  /\b(?:if (?:i|we) (?:ever |one day |someday )?(?:needed|wanted|had to|were to|decided|chose|talked|spoke)|should (?:i|we) (?:ever |one day )?(?:leave|cancel|need|want|decide|close|stop)|(?:just )?so i know(?: for later)?|for future reference|hypothetically|in case i (?:ever )?(?:need|want)|what (?:would|will) happen if|what happens (?:to .{1,30} )?if|si (?:alguna vez|algun dia|algun momento|un dia) |si (?:me fuera|quisiera|necesitara)|en caso de que (?:quisiera|necesitara)|falls (?:ich|wir) (?:mal|irgendwann|jemals|eines tages)|wenn (?:ich|wir) (?:irgendwann|eines tages|mal)|was passiert,? wenn|si (?:jamais|un jour|je devais|je voulais)|au cas ou|que se passe-t-il si|se (?:um dia|algum dia|eu quisesse|eu precisasse|eu viesse a)|caso (?:um dia|eu queira|eu precise)|o que acontece se)\b/;

/** True when the words of `text` (normalised) leading up to `index` are hypothetical. */
export function isHypotheticalBefore(text: string, index: number): boolean {
  // The match itself may start inside the marker ("if I [needed to talk to someone]").
  const before = text.slice(Math.max(0, index - 80), index + 12);
  return HYPOTHETICAL.test(before);
}
