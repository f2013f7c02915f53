// The word classes of the person-request grammar (person-request-grammar.ts), in the five
// languages, over normalizeText() output. Each class is a closed set of grammar words (modals,
// politeness, articles, staff nouns, "someone from your side", verbs for handling a case), never a
// topic word or a sentence from a corpus: the grammar combines them, so a new combination is read
// without having been listed.
//
// German words are written with their umlauts and read both ways: normalizeText() turns "möchte"
// into "mochte", while a keyboard without umlauts writes "moechte" (eleventh round).

export const w = (alts: string) => `(?:${alts})`;

/** A German alternation whose ä/ö/ü match "a"/"o"/"u" (normalised) and "ae"/"oe"/"ue" (typed). */
export const de = (alts: string) =>
  alts.replace(/ä/g, '(?:a|ae)').replace(/ö/g, '(?:o|oe)').replace(/ü/g, '(?:u|ue)');

/** Person words that mean staff or a human on their own. */
export const PERSON = w(
  [
    // en
    'humans?|human being|(?:someone|somebody|anyone|anybody) (?:from|at|on|in) (?:your|the) (?:team|company|side|end|support|office|staff)|someone (?:real|there)|a real one|(?:real|actual|live|proper) (?:person|people|one|human)|person|agents?|representatives?|reps?|operators?|colleagues?|staff(?: member)?|advis[oe]rs?|consultants?|supervisor|manager|team member|member of (?:your|the) (?:team|staff)|one of (?:your|you|the) (?:colleagues|people|team|staff|agents|guys|advis[oe]rs|experts)|(?:customer|support) (?:service|support|care|team|staff|person)|support (?:team|staff|person|people)',
    // es
    'personas?|humanos?|agentes?|asesora?|asesores|operadora?|representantes?|ejecutiv[oa]s?|companeros?|encargad[oa]|supervisora?|gerente|servicio al cliente|atencion al cliente|alguien (?:de (?:ustedes|ahi|alla|su equipo|soporte|atencion|la empresa|carne y hueso|verdad)|del (?:equipo|soporte|servicio)|real)',
    // pt
    'atendentes?|pessoas?|consultora?|consultores|funcionari[oa]s?|colegas?|gerente|supervisora?|alguem (?:dai|de (?:voces|la|verdade|carne e osso)|da (?:equipe|empresa|central)|do (?:suporte|atendimento|time)|real)',
    // de (compounds by their last part: "Servicemitarbeiterin", "Kundenberater")
    de(
      '\\w*mitarbeiter(?:in|innen|n)?|\\w*berater(?:in|innen|n)?|\\w*betreuer(?:in|innen|n)?|sachbearbeiter(?:in)?|ansprechpartner(?:in)?|kolleg(?:e|en|in|innen)|mensch(?:en)?|kundendienst|kundenservice|vorgesetzte[nr]?|teamleiter(?:in)?|chef(?:in)?|kunden (?:service|support|dienst)|jemand(?:en|em)? (?:echtes|echten|reales|aus (?:ihrem|eurem|dem) (?:team|haus|support|service)|von (?:ihnen|euch|ihrem team)|bei (?:ihnen|euch)|vom (?:support|kunden ?dienst|kunden ?service|service|team))',
    ),
    // fr ("personne" alone is also "nobody": only with an article or an adjective)
    "humaine?s?|etre humain|(?:une|la|vraie|une vraie) personne|personne (?:reelle|physique|humaine)|conseill(?:er|ere)s?|operat(?:eur|rice)s?|interlocut(?:eur|rice)|collegues?|technicien(?:ne)?|responsable|superieur|(?:un|le|au|mon|votre|du) conseille|service client(?:ele)?|service apres-vente|quelqu'un (?:de (?:chez vous|votre equipe|votre service|reel|vrai|chez)|du (?:service|support)|d' ?humain|au telephone|en ligne)",
  ].join('|'),
);

/** Someone, with nothing saying from where: a person only with an action and a frame. */
export const SOMEONE = w(
  "someone|somebody|anyone|anybody|alguien|alguem|jemand(?:en|em)?|quelqu'un|quelquun|quelqu un|qqn|qqun|qq1",
);

/**
 * Frames where the speaker asks for the person as an object ("I want a human", "quero um
 * atendente", "puis-je avoir un conseiller"): the person may follow at once.
 */
export const DESIRE = w(
  [
    "i'd|i would|i want|i need|want|wanna|need|prefer|rather|please|pls|plz|let me|get me|put me|give me|(?:can|could|may) (?:i|we)|i demand|i insist on",
    'quiero|quisiera|necesito|ocupo|prefiero|preferiria|me gustaria|puedo|por favor|porfa|pasame|me pasas|exijo',
    'quero|queria|preciso|prefiro|preferia|gostaria|posso|pf|pfv|pfvr|exijo',
    de(
      'möchte|möchten|hätte gerne?|hätten gerne?|will|wollte|brauche|bräuchte|benötige|(?:kann|könnte|darf) ich|bitte|würde(?: gerne?| lieber)?|verlange|fordere|gib mir|geben sie mir|hol mir|holen sie mir|schick mir|schicken sie mir|schickt mir',
    ),
    "veux|j'veux|jveux|voudrais|voudrait|aimerais|aimerait|j'aimerais|souhaite|souhaiterais|prefere|prefererais|besoin|il me faut|il me faudrait|je peux|puis-je|je pourrais|pourrais-je|svp|s'il vous plait|stp|s'il te plait|j'exige|exige|je demande a|(?:possible|moyen) d' ?avoir",
  ].join('|'),
);

/**
 * Frames that ask whether something can be done ("could", "tem como", "kann", "est-ce que"): the
 * person is then the subject of what is asked, so an ACTION must say it is handling the case;
 * "can a person with a foreign passport open an account?" asks about a person, not for one.
 */
export const MODAL = w(
  [
    'can|could|would|may|is it possible|any chance|is there (?:a|any) way|how (?:do|can|could) i',
    'podria|podrias|puede|pueden|puedes|podrian|hay (?:forma|manera|modo|chance)|se puede|como (?:puedo|hago para)',
    'poderia|pode|podem|tem como|teria como|da pra|da para|como (?:posso|faco para)',
    de(
      'kann|könnte|könnten|können|kannst|gibt es|geht (?:das|es)|wäre es möglich|lass|lassen sie|soll|wie (?:kann|könnte|erreiche|kontaktiere|komme) ich',
    ),
    "peux|pourrais|pourriez|pouvez|peut|peut-on|pourrait|pourraient|possible|est-ce que|est-ce qu'|comment (?:je peux|puis-je|faire pour)|merci de|veuillez",
  ].join('|'),
);

export const FRAME = w(`${DESIRE}|${MODAL}`);

/** What a person does with the case: talk, take it over, look at it, sort it out. */
export const ACTION = w(
  [
    // handling the case, and passing the speaker over to someone
    'talk|speak|chat (?:to|with)|deal with|handle|look (?:at|into|over)|take (?:a look|over|this|it|my case|care)|go (?:through|over)|sort (?:this|it)|resolve|call me|ring me|contact me|get back to me|review|check this|transfer me|put me through|pass me|connect me|reach|forward (?:this|it|my)|escalate|pass (?:this|it) on',
    'reenviar|(?:hablar|ver|revisar|atender|resolver|encargar|mirar|llamar|contactar|ayudar)(?:me|nos|le|lo|la)?|(?:pasar|comunicar|transferir)(?:me|nos)|me (?:pasas|pases|pasa|comunicas|transfieres)|(?:pasar|pases|pase|pasa|comunicar|transferir)(?:me)? con|hable|vea|revise|atienda|resuelva|encargue|ocupe|mire|llame|contacte|tome',
    'me (?:passar|transferir|passa|transfere)|(?:passar|transferir)-me|(?:passar|transferir|passa|transfere)(?: me)? (?:pra|para|com)|falar|fale|ver|veja|olhar|olhe|resolver|resolva|atender|atenda|cuidar|cuide|assumir|assuma|analisar|analise|ligar|ligue|conversar|ajudar|me ajudar|encaminhar|encaminhe',
    de(
      'sprechen|reden|quatschen|übernehmen|übernimmt|anschauen|ansehen|schauen|kümmern|kümmert|prüfen|bearbeiten|anrufen|zurückrufen|durchgehen|klären|telefonieren|besprechen|erreichen|erreiche|kontaktieren|(?:weiter)?helfen|\\w*schauen|nachsehen|durchsehen|anruft|zurückruft|(?:sich )?melden|meldet|schalten (?:\\w+ ){0,3}dazu|dazuschalten|hinzuziehen|weiterleiten|weitergeben|geprüft|angeschaut|angesehen|bearbeitet|übernommen|geklärt|mich (?:\\w+ ){0,4}(?:weitergeben|weiterleiten|verbinden|durchstellen)',
    ),
    "parler|discuter|regarder|regarde|traiter|traite|occupe|occuper|reprendre|reprenne|examiner|examine|verifier|appeler|rappeler|rappelle|gerer|prendre en charge|echanger|joindre|contacter|transmettre|transmettez|transferer|aider|m'aider|m'appelle|me rappelle|m'appellent|voir (?:ca|cela|ceci|tout ca) avec|me (?:passer|transferer|mettre en relation)",
  ].join('|'),
);

/** An unqualified "someone" needs one of these: handling a case, not seeing or checking data. */
export const HANDLE = w(
  [
    'talk|speak|chat (?:to|with)|deal with|handle|take over|take (?:this|it|my case)|go (?:through|over)|call me|ring me|contact me|get back to me',
    'hablar|hable|atender|atienda|resolver|resuelva|encargar|encargue|ocupe|llame|contacte',
    'falar|fale|atender|atenda|resolver|resolva|cuidar|cuide|assumir|assuma|ligue|conversar',
    de(
      'sprechen|reden|quatschen|übernehmen|übernimmt|kümmern|kümmert|bearbeiten|anrufen|zurückrufen|durchgehen|besprechen',
    ),
    "parler|discuter|traiter|traite|occupe|occuper|reprendre|reprenne|rappeler|prendre en charge|m'appeler|me rappeler",
  ].join('|'),
);

/** Words that may stand between a frame and a person: "I'd like to speak with an", "quiero hablar con una". */
export const GAP = w(
  [
    'to|with|me|a|an|the|some|real|live|actual|human|please|pls|just|now|speak|talk|chat|get|put|pass|through|you|your|one|of|i|be|able|directly|back|over|help from|rather|from|by|reach|contact|urgently|asap|quickly',
    'con|a|al|un|una|el|la|por|favor|hablar|de|verdad|me|que|ya|pasar|comunicar|comunicarme|directamente|su|ayuda de|contactar|urgente|urgentemente',
    'com|um|uma|o|falar|conversar|agora|passar|transferir|pra|para|seu|sua|ajuda de|contatar|urgente',
    de(
      'mit|einem|einer|einen|ein|dem|den|der|nem|ner|nen|bitte|sprechen|reden|gerne?|ich|mich|sie|echten|jetzt|mal|direkt|verbinden|zu|zum|ihren|ihrem|ihrer|euren|eurem|hilfe von|die hilfe (?:eines|einer)|lieber|menschlichen|menschliche|echte|echter|echtes|richtigen|durch|an|um|dringend|sofort|schnell|erreichen|kontaktieren',
    ),
    "avec|une|le|l'|parler|je|vous|s'il|plait|vrai|vraie|mettre|en|relation|directement|d'|du|au|votre|avoir|affaire|aide|etre|mis|mise|rappele|rappelee|contacte|contactee|appele|appelee|par|humain|recontacte|recontactee|contact|joindre|contacter|appeler|rapidement|vite|urgence",
  ].join('|'),
);

/** A politeness word right after a person: "agent please", "un humain svp", "ein Mensch bitte". */
export const POLITE_AFTER = w(
  "please|pls|plz|por favor|porfa|pf|pfv|bitte|svp|s'il vous plait|stp",
);

/**
 * Passing the speaker on, said with "me" and no person ("verbinden Sie mich bitte", "transfer me
 * please", "passez-moi quelqu'un"): a request when nothing but politeness, frames or a person
 * stands beside it in its clause.
 */
export const TRANSFER_ME = w(
  [
    '(?:transfer|connect|put) me(?: through)?|put me through',
    'comuniqueme|comunicame|transfiereme|pasame|paseme|me (?:comunica|comunique|transfiere|pasa|pase)',
    'me (?:transfere|transfira|passa|passe|conecta)|(?:transfere|transfira|passa|passe)-me',
    de(
      '(?:verbinden|verbinde|verbindest|leiten|leite|leitest|stellen|stell|stelle|stellst|geben|gib|gibst) (?:sie |du )?(?:mich|mich bitte)(?: \\w+){0,5} (?:weiter|durch)|(?:verbinden|verbinde|verbindest) (?:sie |du )?mich|mich (?:\\w+ ){0,3}(?:weiterleiten|weitergeben|weiterverbinden|verbinden|durchstellen)|durchstellen|weiterleiten|weiterverbinden',
    ),
    '(?:transferez|transfere|passez|passe|mettez|mets|redirigez)(?:-| )moi',
  ].join('|'),
);

/**
 * Asking to be called back ("call me back", "rappelez-moi", "ruf mich bitte zurück", "podem me
 * ligar?"): read like TRANSFER_ME, since "rappelez-moi votre adresse" is "remind me".
 */
export const CALL_ME = w(
  [
    // ("call me" alone also names: "you can call me Al")
    'call me back|ring me back|give me a call|call me (?:asap|today|tomorrow|now)',
    'llamame|llameme|llamenme|me (?:llamen|llaman|llamas|llame)',
    'me (?:liga|ligue|liguem|ligar|ligam|retorna|retornem)',
    de(
      '(?:ruf|rufen|rufe|rufst) (?:sie |du )?mich(?: \\w+){0,3} (?:an|zurück)|mich (?:\\w+ ){0,3}(?:anrufen|zurückrufen)|(?:bitte um|um) (?:einen )?rückruf|rückruf bitte',
    ),
    "(?:rappelez|rappelle|appelez|appelle)(?:-| )moi|qu' ?on me (?:rappelle|contacte|appelle)|me rappeler|m'appeler",
  ].join('|'),
);

/** Sending or fetching someone ("schicken Sie mir jemanden", "get me someone", "mándame a alguien"). */
export const SEND_ME = w(
  [
    'get me|send me|give me|find me',
    'mandame|mandenme|me mande|me manden|consigueme',
    'me (?:manda|mande|mandem|arruma|arrume)',
    de(
      'schick mir|schickt mir|schicken sie mir|hol mir|holt mir|holen sie mir|gib mir|geben sie mir',
    ),
    'envoyez-moi|envoie-moi|trouvez-moi|trouve-moi|donnez-moi|passez-moi|passe-moi',
  ].join('|'),
);

/** "is a human available?", "ist ein Mitarbeiter erreichbar?", "un conseiller est disponible ?" */
export const AVAILABLE = w(
  de('available|free|disponible|dispo|libre|disponivel|livre|erreichbar|verfügbar|frei|online|da'),
);

/** "Is there a …?", "gibt es …?", "y a-t-il …?", "hay …?", "tem …?": asking whether one is there. */
export const EXISTS = w(
  "is there|are there|hay|tem|existe|gibt es|ist da|ist hier|il y a|y a-t-il|y a|y'a|est-ce qu'il y a",
);

/** Where a person would be when asked for: "anyone there?", "jemand da?", "quelqu'un est là ?". */
export const PRESENT = w('there|here|around|online|ahi|aqui|alla|ai|la|da|hier');

/** Reading or answering the chat, in a question about whether a person ever does. */
export const READS = w(
  [
    'read|reads|reading|see|sees|answer|answers|reply|replies',
    'lee|leen|ve|responde|responden|contesta|contestan',
    'le (?:isso|isto|essas|esses|as|os)|leem|ve|veem|responde|respondem',
    'liest|lesen|sieht|antwortet|antworten|schaut (?:\\w+ )?(?:rein|mit)',
    'lit|lisent|voit|repond|repondent',
  ].join('|'),
);

/** "ever", "überhaupt", "vraiment", "de verdad": what makes "does anyone read this?" doubt it. */
export const EVER = w(
  'ever|even|actually|really|realmente|de verdad|mesmo|de verdade|alguma vez|uberhaupt|ueberhaupt|eigentlich|wirklich|jemals|vraiment|jamais|seulement',
);

/** "this", "these messages", "das", "ça": the chat itself as what is read. */
export const THIS_CHAT = w(
  'this|these|that|esto|esta|estos|estas|isso|isto|essas|esses|das|dies|diese|hier|ca|cela|ce chat|ces messages|mes messages',
);

/** "who can I talk to", "mit wem kann ich sprechen", "à qui puis-je parler": asking for someone. */
export const WHO_TO_TALK = new RegExp(
  `\\b(?:who|whom|mit wem|an wen|a qui|avec qui|con quien|a quien|com quem|a quem) (?:\\w+ ){0,4}${w(
    'talk|speak|chat|sprechen|reden|wenden|parler|hablar|falar|conversar',
  )}\\b`,
);

/**
 * "Someone else", "alguien más", "jemand anders", "quelqu'un d'autre", "alguém mais": a person set
 * against the bot that just answered, so with a frame and an action it asks for a person even
 * when the action is only looking or helping (thirteenth round).
 */
export const SOMEONE_ELSE = w(
  [
    'someone else|somebody else|anyone else|anybody else|another (?:person|human|agent|one of you)',
    'alguien mas|otra persona|otro agente',
    'alguem mais|outra pessoa|outro atendente|mais alguem',
    de('jemand(?:en|em)? (?:anders|anderes|andere[nms]?)|ein anderer|eine andere person'),
    "quelqu'un d' ?autre|une autre personne|un autre conseiller",
  ].join('|'),
);

/**
 * Looking at the case or helping with it, in the five languages: what a customer asks of
 * "someone" once the bot has failed ("can someone help me?", "alguém pode ver isso?"). Too loose
 * for a message on its own ("can anyone see my balance?"), so read only after a failed bot answer
 * or with SOMEONE_ELSE.
 */
export const LOOK_OR_HELP = w(
  [
    'help|look|check|take a look|have a look|fix|sort (?:this|it|me) out|figure (?:this|it) out|deal with|handle|explain',
    'ayud\\w*|mir(?:ar|arlo|arla|alo|ala|e|en|as|a)|revis\\w*|ech\\w* un vistazo|resolv\\w*|resuelv\\w*|atend\\w*|atiend\\w*|explic\\w*',
    'ajud\\w*|olh\\w*|analis\\w*|resolv\\w*|atend\\w*|verific\\w*|explic\\w*|d(?:ar|a|e) uma olhada',
    de(
      '(?:weiter)?helfen|hilft|\\w*schauen|\\w*schaut|ansehen|anschauen|nachsehen|prüfen|kümmern|klären|erklären|bearbeiten',
    ),
    "aider|m'aider|aide|regarder|regarde|verifier|jeter un (?:oeil|coup d' ?oeil)|occuper|traiter|expliquer|resoudre|debloquer",
  ].join('|'),
);

/**
 * Seeing, only of the case itself ("can someone see this?", "alguém pode ver isso?", "¿alguien lo
 * puede ver?", "quelqu'un peut voir ?"): "can anyone see my balance?" asks who has access.
 */
export const SEE_THIS = w(
  [
    'see (?:this|it|that|to (?:this|it))|ver (?:isso|isto|esto|eso|esso|aquilo)|(?:lo|la|me|isso) (?:\\w+ ){0,2}ver|vea (?:esto|eso)|veja (?:isso|isto)',
    'voir (?:ca|cela|ceci)|(?:le|la) (?:\\w+ ){0,2}voir',
  ].join('|'),
);
