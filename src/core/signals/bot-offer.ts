// Does a bot turn offer the customer a person? Bots word the offer in many ways ("Shall I pass
// you to a colleague?", "Want me to get someone from the team?", "¿Quiere que le comunique con
// un asesor?"), so instead of listing sentences this reads three parts that every offer has, in
// each language: a question, the bot proposing to act or asking the customer's wish (the
// frame), and a person to be brought in (the person). A question that names a person without
// proposing anything ("Is the person who ordered you?") is not an offer.

interface OfferLexicon {
  frame: RegExp;
  person: RegExp;
}

// Normalised text: lower case, no accents (normalizeText).
const LEXICONS: readonly OfferLexicon[] = [
  {
    frame:
      /\b(?:would you like|would you prefer|do you want|want me to|shall i|should i|can i|may i|i can|i could|let me|happy to|how about)\b/,
    person:
      /\b(?:human|humans|person|people|agent|agents|colleague|colleagues|someone|somebody|specialist|representative|rep|advisor|adviser|staff|member of (?:our|the|my) team|team member|one of (?:our|my) (?:team|colleagues|agents|people|specialists)|(?:our|the) (?:support|service|care|billing|sales|accounts|technical) team|customer (?:service|care|support))\b/,
  },
  {
    frame:
      /\b(?:(?:quiere|quieres|desea|deseas|prefiere|prefieres|le gustaria|te gustaria) (?:que|hablar|ser)|(?:le|te|lo|la) (?:paso|pongo|comunico|transfiero|derivo|conecto)|puedo (?:pasarle|pasarte|comunicarle|comunicarte|transferirle|transferirte|ponerle|ponerte))\b/,
    person:
      /\b(?:agente|agentes|persona|personas|asesor|asesora|asesores|companero|companera|companeros|humano|alguien|especialista|ejecutivo|ejecutiva|operador|operadora|representante|equipo)\b/,
  },
  {
    frame:
      /\b(?:soll ich|darf ich|mochten sie|mochtest du|wollen sie|willst du|kann ich sie|kann ich dich|wunschen sie|ich kann sie)\b/,
    person:
      /\b(?:mitarbeiter\w*|kolleg\w*|mensch\w*|berater\w*|jemand\w*|person|team|kundenservice|support|fachabteilung|spezialist\w*|sachbearbeiter\w*)\b/,
  },
  {
    frame:
      /\b(?:voulez-vous|souhaitez-vous|veux-tu|souhaites-tu|preferez-vous|aimeriez-vous|dois-je|puis-je|je peux vous|je peux te|je vous propose|je te propose|voulez-vous que|souhaitez-vous que)\b/,
    person:
      /\b(?:conseiller\w*|collegue\w*|agent\w*|humain\w*|quelqu'un|personne|membre de (?:notre|l')equipe|equipe|specialiste\w*|service client)\b/,
  },
  {
    frame:
      /\b(?:quer que eu|queres que eu|deseja|desejas|prefere|preferes|gostaria de (?:falar|ser)|posso (?:te |lhe |o |a )?(?:passar|transferir|encaminhar|chamar|ligar)|(?:te|o|a|lhe) (?:passo|transfiro|encaminho))\b/,
    person:
      /\b(?:atendente\w*|agente\w*|pessoa\w*|humano\w*|colega\w*|especialista\w*|alguem|equipe|equipa|consultor\w*|assistente\w*|funcionario\w*)\b/,
  },
];

/** True when the normalised bot text asks whether the customer wants a person. */
export function offersPerson(normalized: string): boolean {
  if (!normalized.includes('?')) return false;
  // Read the question sentences only: "A colleague looked at it. Anything else?" offers nothing.
  const questions = normalized.split(/(?<=[.!?])\s+/).filter((s) => s.includes('?'));
  return questions.some((q) => LEXICONS.some((l) => l.frame.test(q) && l.person.test(q)));
}
