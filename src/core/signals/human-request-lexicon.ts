// Lexicon of the human-request signal, per language, over normalizeText() output (no accents).
// Requests are a contact verb followed, through filler words only, by a word for a person; the
// filler whitelist is what keeps "I want to know if someone…" from reading as a request.

const FILLER =
  "(?:to|2|with|wirh|wit|wth|wiht|whit|w|me|ur|yr|u|da|us|through|thru|a|an|the|some|real|live|actual|human|your|you|one|of|in|touch|directly|right|now|please|pls|plz|just|another|proper|damn|fucking|fking|freaking|goddamn|bloody|able|be|being|help|helping|assistance|speak|talk|chat|i|i'd|would|like|love|prefer|rather|could|can|please|someone|back|over|up|on|actually|certified|qualified|competent|sensible|customer|support|service|care|team|member|at|agent)";

const EN_PERSON =
  '(?:humans?|person|persons|agents?|representatives?|reps?|operators?|someone|somebody|staff member|member of staff|employee|technician|engineer|advisor|adviser|consultant|manager|supervisor|team member|customer (?:service|support|care|assistance|services)|support (?:team|staff|agent|person)|reception(?:ist| desk)?|(?:an?|human|real|live) assistant|human being|real one)';

const EN_VERB =
  '(?:talk|speak|chat|connect|transfer|put|pass|hand|get|want|wanna|need|request|reach|contact|call|ring|phone|email|mail|escalat|bring|prefer|rather|touch|find)\\w*';

/** Strong request patterns; each is tried against the scrubbed, normalised text. */
export const STRONG_REQUEST_PATTERNS: ReadonlyArray<{ lang: string; re: RegExp }> = [
  { lang: 'en', re: new RegExp(`\\b${EN_VERB}(?:\\s+${FILLER}){0,5}\\s+${EN_PERSON}\\b`) },
  {
    lang: 'en',
    re: /\b(?:is|are) (?:there )?(?:any|some)(?:one|body|1) (?:there|here|out there|around|real|available|alive|home|on)\b/,
  },
  { lang: 'en', re: /\b(?:any|some)(?:one|body) (?:there|here|home|alive)\s*\?/ },
  {
    lang: 'en',
    // "are you a real person?" asks what the bot is: a weak cue, not a request.
    re: /(?<!\b(?:is|will|would|does|did|are you|you are|you're|is this|is it|if you're|am i (?:talking|speaking|chatting) (?:to|with)) an? )\b(?:real|actual|live|human) (?:person|people|human|agent|being)\b/,
  },
  { lang: 'en', re: /\b(?:human|live) (?:agent|operator|support|help|representative)\b/ },
  { lang: 'en', re: /\bescalate (?:this|it|me|my)\b/ },
  {
    lang: 'en',
    re: /\b(?:is there|are there|do you have|have you got|got) (?:a |an |any )?(?:real |live |actual )?(?:humans?|person|people|agents?|representatives?|staff|operators?)\b(?! (?:reviewing|checking|looking|who (?:reviews|checks)))/,
  },
  {
    lang: 'en',
    re: /\b(?:can|could|will|would) (?:someone|somebody|anyone|anybody|a person|a human|an agent) (?:please )?(?:help|call|ring|phone|contact|get back to|reach out|look into|look at|check|review|take a look|email)\b/,
  },
  {
    lang: 'en',
    re: /\b(?:request|want|need|like|get|arrange|schedule|book)\w* (?:a )?call ?back\b|\bcall me back\b/,
  },
  {
    lang: 'en',
    re: /\b(?:talk|speak|chat)\w* (?:to|with) (?:your |the |a |an )?(?:support|billing|sales|tech(?:nical)? support|customer care|front desk|reception|pharmacist|nurse|doctor|clinician|team)\b/,
  },
  {
    lang: 'en',
    re: /\b(?:can|could|may) (?:i|we) (?:have|get|see) (?:a |an |the )?(?:human|person|agent|manager|supervisor|representative)\b/,
  },
  {
    lang: 'en',
    re: /\bgive me (?:a |an |the )?(?:real |live |actual )?(?:human|person|agent|manager|supervisor|representative|operator)\b/,
  },
  { lang: 'en', re: /\b(?:real|actual|live) people\b/ },
  {
    lang: 'en',
    re: /\bcustomer (?:service|support|assistance|care)(?: team)? (?:hours|available|availability|e-?mail|mail|number|phone|opening|open|contact|address)\b|\b(?:hours|what time|when)\b.*\bcustomer (?:service|support|assistance|care)\b/,
  },
  {
    lang: 'es',
    re: /\b(?:hablar|hable|hablo|comunicarme|comunicame|comunicar|contactar|pasame|pasarme|pasas|pases|pasa|ponme|pongame|transferir|transfiereme|conectar|conectarme|necesito|quiero|ponme)(?:\s+(?:con|a|una?|el|la|por|favor|directamente|ahora|alguna?|de|verdad|real|humano|hablar))*\s+(?:personas?|humanos?|agentes?|asesora?|representante|operadora?|alguien|ejecutivo|empleado|tecnico|atencion al cliente|servicio al cliente)\b/,
  },
  { lang: 'es', re: /\b(?:persona real|agente humano|ser humano|hay alguien)\b/ },
  {
    lang: 'pt',
    re: /\b(?:falar|conversar|fale|falo|quero|preciso|transferir|passar|chamar)(?:\s+(?:com|a|um|uma|o|por|favor|agora|algum|de|verdade|real|humano|falar))*\s+(?:atendentes?|pessoas?|humanos?|agentes?|alguem|consultora?|representante|operadora?|funcionario|tecnico)\b/,
  },
  {
    lang: 'pt',
    re: /\b(?:atendente humano|atendimento humano|atendimento pessoal|pessoa de verdade|pessoa real|tem alguem)\b/,
  },
  {
    lang: 'de',
    re: /\b(?:mitarbeiter(?:in)?|menschen|mensch|berater(?:in)?|agenten|kundenberater(?:in)?|kundendienst|kundenservice|sachbearbeiter(?:in)?|techniker(?:in)?|jemandem|ansprechpartner|person)\b(?:\s+\S+){0,3}\s+(?:sprechen|reden|verbinden|verbunden|chatten|sprechen\?)/,
  },
  {
    lang: 'de',
    re: /\b(?:sprechen|reden|verbinden|verbinde)\s+(?:sie\s+)?(?:mich\s+)?(?:bitte\s+)?mit\s+(?:einem|einer|jemandem|ihrem|einem echten)\b/,
  },
  { lang: 'de', re: /\b(?:echte[nmr]? (?:mensch|menschen|person|mitarbeiter)|ist da jemand)\b/ },
  {
    lang: 'de',
    re: /\b(?:hatte gerne?|mochte|will|brauche|suche|bitte)\s+(?:gerne?\s+)?(?:einen|eine|einem|mit einem|mit einer)?\s*(?:mitarbeiter(?:in)?|menschen|berater(?:in)?|kundenberater(?:in)?|ansprechpartner(?:in)?|techniker(?:in)?)\b/,
  },
  {
    lang: 'fr',
    re: /\b(?:parler|discuter|joindre|contacter|passer|transferer|mettre en relation|besoin|veux|voudrais|souhaite)(?:\s+(?:a|avec|d'|de|un|une|le|la|l'|en|relation|directement|vraie?|s'il|vous|plait|parler))*\s*(?:conseill(?:er|ere)s?|personne|humains?|agents?|quelqu'un|operat(?:eur|rice)|representant|service client|interlocuteur|technicien)\b/,
  },
  {
    lang: 'fr',
    re: /\b(?:vraie? personne|personne reelle|etre humain|il y a quelqu'un|y a-t-il quelqu'un)\b/,
  },
];

/** Messages made only of these words plus a person word ("AGENT!!!", "human pls") are requests. */
export const STANDALONE_FILLERS = new Set(
  (
    'please pls plz now i want need a an the real live actual me get give speak talk to with ' +
    'no not bot robot machine ' +
    'just asap hello hi hey ok okay yes a human agent person representative rep operator ' +
    'someone somebody customer service support care staff por favor bitte svp agente humano ' +
    'persona pessoa atendente mitarbeiter mensch conseiller humain quiero necesito'
  ).split(' '),
);

export const STANDALONE_PERSONS = new Set(
  (
    'human humans agent agents person representative rep operator staff humano agente persona ' +
    'supervisor manager humain operador berater ' +
    'atendente mitarbeiter mensch conseiller humain'
  ).split(' '),
);

/** Weak cues: alone they do not hand over; repeated (see the policy) they do. */
export const WEAK_REQUEST_PATTERNS: readonly RegExp[] = [
  /\b(?:are you|is this|am i (?:talking|speaking|chatting) (?:to|with)) (?:a |an )?(?:bot|robot|machine|ai|real|human|person)\b/,
  /^(?:hello|helo|hallo|hola|ola|oi|allo|bonjour|hey|hi)+\W*(?:\?|!|\.\.\.)\W*$/,
  /^(?:hello|hallo|helo|anyone|anybody|someone|help)\W*$/,
  /\b(?:stop|no more|enough with|hate) (?:the |this )?(?:bot|robot|chatbot|automated)/,
];

/**
 * "Am I talking to a real person?", "are you a bot or a human?": questions about what the bot
 * is. They are cut out before the strong patterns run and count as a weak cue instead.
 */
export const IDENTITY_QUESTION =
  /\b(?:am i (?:talking|speaking|chatting|texting) (?:to|with)|are (?:you|u)(?: really| actually)?|r u|is (?:this|it)(?: really)?(?: a)?)\b[^.?!]{0,60}\b(?:bot|ai|robot|machine|computer|automated|human(?: being)?|person|real|live|someone real)\b[^.?!]{0,30}(?:\?+|$)/g;

/** Uses of person words that are not requests for a person. */
export const FALSE_FRIENDS: readonly RegExp[] = [
  /\b(?:travel|real estate|estate|insurance|booking|secret|free|shipping|customs|ticket|border|transfer|rental|letting|leasing|sports|talent|literary|press|claims?) agents?\b/g,
  /\buser[ -]?agents?\b/g,
  /\bagents? (?:string|header|field|version)s?\b/g,
  /\bbrowser agents?\b/g,
  /\bhuman (?:resources|error|rights|readable|trafficking|nature|body|capital)\b/g,
  /\bhuman-readable\b/g,
  /\bdeputy agent|\bagent orange\b/g,
];

/** Words that cancel a request in the same clause ("no need for an agent"). */
export const NEGATION =
  /\b(?:don't|dont|do not|does not|doesn't|did not|didn't|not|never|no need|no longer|without|nor|neither|never ?mind|no thanks|no es necesario|no necesito|no quiero|sin|nunca|kein(?:e[nmr]?)?|nicht|ohne|ne|n'|pas|sans|jamais|nao|sem)\b/;

/** Negated forms that are complaints about not reaching anyone, so they do not negate. */
export const NOT_A_NEGATION =
  /\b(?:can't|cannot|can not|couldn't|could not|won't let|unable|not able|(?:don't|dont|do not|not) (?:know|sure|see)(?: \w+)? (?:how|what|where|when|who|if|whether)|(?:don't|dont|do not) understand)\b/;
