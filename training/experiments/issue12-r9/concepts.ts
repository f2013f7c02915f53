// Experiment, not shipped (README.md beside this file says how it was wired into
// src/core/classify/featurize.ts): cross-lingual word classes for the classifier's features
// (issue 12, ninth round). The corpus has ~300 requests for a person per language against
// ~1 700 English ones from Bitext, so a
// phrasing learnt in English ("talk to a real person") did not carry to "parler à une vraie
// personne" or "mit einem echten Menschen sprechen": their words share no feature. Each word
// here also emits its class (`k:person`) and every pair of classes in a message (`kk:person+talk`),
// so a weight learnt from one language's phrasing applies to the same idea in the others. The
// classes are what a request for a person is made of (a person, staff, someone, talking,
// passing over, "real", the bot, a negation), not sentences; the heads still learn every weight.

const CLASSES: Record<string, string> = {
  // A human being.
  person:
    'person persons people human humans humain humaine humains humano humana humanos' +
    ' humanas mensch menschen menschlich menschliche menschlichen persona personas' +
    ' personne personnes pessoa pessoas individuo',
  // Someone who works there.
  staff:
    'agent agents agente agentes representative rep operator operador operadora operateur' +
    ' operatrice adviser advisor asesor asesora assessor conseiller conseillere consultor' +
    ' consultora berater beraterin atendente colleague colleagues colega colegas collegue' +
    ' collegues kollege kollegin kollegen staff employee employe employee empleado' +
    ' empleada funcionario funcionaria team equipe equipo specialist especialista' +
    ' specialiste supervisor superviseur manager gerente responsable responsavel' +
    ' sachbearbeiter sachbearbeiterin ansprechpartner ansprechpartnerin betreuer' +
    ' betreuerin mitarbeiter mitarbeiterin mitarbeitende zustandig zustandige zustandigen' +
    ' service servicio servico kundendienst kundenservice support soporte suporte',
  // Someone / anyone.
  someone:
    "someone somebody anyone anybody alguien alguem jemand jemanden jemandem quelqu'" +
    ' quelqu qualquer cualquiera',
  // Speaking, writing, reaching.
  talk:
    'speak talk chat call contact reach hablar hable hablo charlar platicar llamar llamen' +
    ' llame contactar sprechen spreche reden telefonieren anrufen ruft erreichen kontakt' +
    ' kontaktieren parler parle discuter appeler appelle contacter joindre echanger falar' +
    ' fale falo conversar ligar ligue contatar contato contacto',
  // Passing the conversation over, or a person taking it.
  transfer:
    'transfer pass put connect escalate forward hand transferir transfiera pasar pasame' +
    ' pase paseme pases pasen pasa comunicar comuniqueme derivar weiterleiten verbinden' +
    ' durchstellen ubernehmen ubergeben weitergeben transferer transferez passer passez' +
    ' relation rediriger passar passe encaminhar reencaminhar take look vea mire anschauen' +
    ' ansehen regarde regarder olhe olhar veja resolver resolve regler kummern handle',
  // Real, live, of flesh and blood.
  real:
    'real actual live echt echten echter echtes echte vrai vraie verdadero verdadera' +
    ' verdad verdade verdadeiro verdadeira vivo viva carne fleisch chair osso',
  // The bot itself.
  bot:
    'bot bots robot robo roboter chatbot machine maquina maschine automat automatic' +
    ' automated automatique automatico automatica automatisch automatisierte ki ia ai' +
    ' ordinateur computer programa programme',
  // A negation: "no need for anyone", "kein Mitarbeiter nötig".
  not:
    "no not don't dont never nobody nadie nunca nicht kein keine keinen niemand nie pas" +
    ' jamais rien nao ninguem nenhum nenhuma sin ohne sans sem without',
};

const CLASS_OF = new Map<string, string>();
for (const [name, words] of Object.entries(CLASSES)) {
  for (const w of words.split(' ')) CLASS_OF.set(w, name);
}

// German compounds carry the person at their end ("Servicemitarbeiterin", "Kundenberater").
const COMPOUND_ENDS: ReadonlyArray<[string, string]> = [
  ['mitarbeiter', 'staff'],
  ['mitarbeiterin', 'staff'],
  ['berater', 'staff'],
  ['beraterin', 'staff'],
  ['betreuer', 'staff'],
  ['betreuerin', 'staff'],
  ['ansprechpartner', 'staff'],
  ['bearbeiter', 'staff'],
  ['kollege', 'staff'],
  ['kollegin', 'staff'],
  ['team', 'staff'],
];

/** The word class of one folded word, if it has one. */
export function conceptOf(word: string): string | undefined {
  const direct = CLASS_OF.get(word);
  if (direct) return direct;
  if (word.length > 8) {
    for (const [end, name] of COMPOUND_ENDS) if (word.endsWith(end)) return name;
  }
  return undefined;
}

/** Class features of a message's folded words: each class, and each pair of classes present. */
export function conceptFeatures(words: readonly string[]): string[] {
  const present = new Set<string>();
  for (const w of words) {
    const c = conceptOf(w);
    if (c) present.add(c);
  }
  const names = [...present].sort();
  const out = names.map((n) => `k:${n}`);
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) out.push(`kk:${names[i]}+${names[j]}`);
  }
  return out;
}

/** French (and Catalan-style) elisions split off the word they precede: "l'equipe" → "l' equipe". */
export function splitElision(word: string): string[] {
  const m = /^(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quelqu)'([a-z].*)$/.exec(word);
  return m ? [`${m[1]}'`, m[2]!] : [word];
}
