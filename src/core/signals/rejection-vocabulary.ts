// The word classes of the answer-rejection grammar (detect-rejection.ts) in en/es/de/fr/pt, over
// normalizeText() output with French elisions split off ("n'est" → "n' est"). Each class is a
// closed set of grammar words: negations, verbs that say an answer did its job, words that point
// back at the answer or at the customer's own question. None is a sentence from a corpus; the
// grammar combines them, so "das hilft mir leider nicht" and "that really doesn't answer it" are
// read without having been listed.

const set = (words: string) => new Set(words.split(' '));

/** Negation tokens. English contractions ("doesn't") are recognised by their ending too. */
export const NEGATION = set(
  'not no never dont doesnt didnt isnt wasnt nada nunca nicht nichts kein keine keinen nie ' +
    "n' ne pas rien jamais nao nem",
);

/** Verbs and adjectives that say an answer did its job ("help", "sirve", "beantwortet", "aide"). */
export const HELPS = set(
  // en
  'help helps helped helping helpful useful answer answers answered solve solves solved fix ' +
    'fixes fixed work works worked working resolve resolves resolved ' +
    // es
    'ayuda ayudo ayudado ayudando sirve sirvio servido util responde respondio respondido ' +
    'contesta contesto resuelve resolvio resuelto soluciona soluciono solucionado funciona funciono ' +
    // de ("weiter" as in "hilft nicht weiter", "bringt mich nicht weiter")
    'hilft half geholfen hilfreich nutzt beantwortet beantwortest lost geloest gelost behebt ' +
    'bringt gebracht funktioniert klappt geklappt weiter ' +
    // fr
    'aide aidee aider repond repondu resout resolu resolue sert servi utile fonctionne marche ' +
    // pt
    'ajuda ajudou ajudado ajudando responde respondeu resolve resolveu resolvido serve serviu ' +
    'funciona funcionou funcionando',
);

/**
 * Verbs of HELPS whose subject may be the customer's own thing ("it doesn't work" as a first
 * report): they reject the bot's answer only when the bot did not just ask its own question.
 */
export const WORKS = set(
  'work works worked working fix fixes fixed funciona funcionando funciono funktioniert klappt geklappt fonctionne ' +
    'marche funcionou',
);

/** Words that point back at the bot's answer, or the customer's question, as the subject. */
export const ANSWER_REF = set(
  "that this it thats that's its it's your the answer reply response suggestion link article question " +
    'my eso esto esa ese tu su la respuesta enlace pregunta mi das dies diese ihre deine die ' +
    "antwort link frage meine c' ca cela ceci votre ta reponse lien question ma isso isto essa " +
    'esse sua a resposta pergunta minha',
);

/**
 * Words that may stand between the answer, a negation and a helping verb: object pronouns,
 * auxiliaries and adverbs ("das hilft mir leider nicht", "ça ne m'aide pas vraiment").
 */
export const FILLER = set(
  // en
  "me really still also actually quite even at all much is was has have does did do 's " +
    'unfortunately sadly my question your answer the ' +
    // es
    'me nos te le realmente todavia aun ha han es era fue mucho nada mi pregunta a ' +
    // de
    'mir mich uns leider wirklich immer noch hat ist war gar meine frage ueberhaupt uberhaupt ' +
    // fr
    "m' t' vous nous a est vraiment toujours du tout ma question " +
    // pt
    'me mim te lhe nos realmente ainda foi e muito minha pergunta de verdade',
);

/** The customer's own question, as what the answer missed ("what I asked", "ma question"). */
export const ASKED_PHRASES = [
  // en
  'what i asked',
  'what i was asking',
  "what i'm asking",
  'what i am asking',
  'what i meant',
  'what i mean',
  'my question',
  'the question i asked',
  // es
  'lo que pregunte',
  'lo que yo pregunte',
  'lo que preguntaba',
  'lo que estoy preguntando',
  'lo que quise decir',
  'lo que quiero decir',
  'mi pregunta',
  // de
  'meine frage',
  'was ich gefragt',
  'was ich gemeint',
  'was ich meinte',
  'was ich meine',
  'was ich wissen wollte',
  // fr
  'ma question',
  "ce que j' ai demande",
  'ce que je demande',
  'ce que je demandais',
  'ce que je voulais dire',
  'ce que je veux dire',
  // pt
  'minha pergunta',
  'o que perguntei',
  'o que eu perguntei',
  'isso que perguntei',
  'isso que eu perguntei',
  'o que eu quis dizer',
  'o que quis dizer',
];

/** Words that may stand between a negation and ASKED ("no es eso lo que", "c'est pas exactement"). */
export const ASKED_GAP = set(
  'is was that this it exactly quite really even es era fue eso esto exactamente ist war das ' +
    "genau est c' ce etait vraiment exactement pas foi e isso isto bem exatamente essa esse",
);

/** Verbs of asking, for "I didn't ask that", "no pregunté eso", "das habe ich nicht gefragt". */
export const ASK_VERB = set(
  'ask asked asking pregunte preguntado preguntaba gefragt demande demandais perguntei perguntado',
);

/** Openers that correct the bot: "I mean", "me refiero a", "ich meinte", "je veux dire", "quis dizer". */
export const CORRECTION_PHRASES = [
  // en
  'i mean',
  'i meant',
  'i said',
  'i was asking',
  "i'm asking",
  'i am asking',
  'i was talking about',
  "i'm talking about",
  // es
  'me refiero',
  'me referia',
  'quiero decir',
  'quise decir',
  'lo que digo es',
  'hablo de',
  'hablaba de',
  'estoy hablando de',
  'pregunto por',
  'preguntaba por',
  // de
  'ich meine',
  'ich meinte',
  'ich mein',
  'gemeint ist',
  'gemeint war',
  'ich rede von',
  'ich spreche von',
  'ich frage nach',
  'ich fragte nach',
  'ich sagte',
  'ich habe gesagt',
  // fr
  'je veux dire',
  'je voulais dire',
  'je parle de',
  'je parlais de',
  'je demande',
  'je demandais',
  "j' ai dit",
  // pt
  'quero dizer',
  'eu quero dizer',
  'quis dizer',
  'eu quis dizer',
  'me refiro',
  'eu me refiro',
  'estou falando',
  'eu estou falando',
  'to falando',
  'eu disse',
  'estou perguntando',
];

/** The "no" that may open a correction or stand alone ("no", "nope", "nein", "non", "não"). */
export const NO_WORDS = set('no nope nah nein non nao');

/** What a bare "no" may hold: "not really", "leider nicht", "pas vraiment", "nem um pouco". */
export const BARE_NO = set(
  'no nope nah not really at all it didnt doesnt did does unfortunately sadly still ' +
    'para nada en absoluto realmente mucho todavia lamentablemente ' +
    'nein leider nicht wirklich gar hat es das immer noch ' +
    "non pas vraiment du tout malheureusement ca n' toujours " +
    'nao nem um pouco muito infelizmente nada ainda',
);
