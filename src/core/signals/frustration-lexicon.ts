// Frustration cues (over normalizeText() output). Weights say how much one cue alone shows
// anger: strong profanity and insults at the service hand over alone, a mild "damn" does not.

export interface CueRule {
  kind: 'profanity' | 'insult' | 'phrase';
  weight: number;
  re: RegExp;
}

export const FRUSTRATION_CUES: readonly CueRule[] = [
  {
    kind: 'phrase',
    weight: 0.8,
    re: /\b(?:really|so|very|extremely|incredibly|super|totally) (?:frustrated|annoyed|upset|angry|disappointed|pissed|fed up)\b|\bi'?m (?:furious|livid|angry|fuming)\b/,
  },
  {
    kind: 'phrase',
    weight: 0.5,
    re: /\b(?:disappoint\w*|frustrat\w*|annoy\w*|upset|unhappy|not happy|not good enough|not what i asked|(?:third|fourth|fifth|3rd|4th|5th|umpteenth) time (?:i'?m asking|i(?:'ve| have)? asked|asking|today|this week)|on hold for (?:an hour|hours|ages|\d+ (?:minutes|mins|hours))|been trying (?:for|since) (?:days|hours|weeks|ages|yesterday|monday|tuesday|wednesday|thursday|friday)|it'?s been (?:\d+|a few|several|two|three|four|five|six) (?:days|weeks)|(?:doesn't|does not|didn't|did not) help|still (?:doesn't|does not|isn't|is not|not) work\w*|seriously\?|ugh+|sigh)\b/,
  },
  {
    kind: 'profanity',
    weight: 0.9,
    re: /\b(?:fuck\w*|f\*+k\w*|fck\w*|fking|shit\w*|bullshit|wtf|ffs|asshole|bastards?|bitch\w*|piss(?:ed)? off|screw (?:you|this)|mierda|joder|carajo|puta|scheisse|scheiss|verdammt|merde|putain|bordel|porra|caralho)\b/,
  },
  { kind: 'profanity', weight: 0.5, re: /\b(?:damn\w*|goddamn\w*|bloody|crap\w*|hell|sucks?)\b/ },
  {
    kind: 'profanity',
    weight: 0.8,
    re: /\b(?:what|why|where|how) the (?:hell|heck|fuck)\b|\bthe hell\b/,
  },
  {
    kind: 'insult',
    weight: 0.8,
    re: /\b(?:stupid|idiot\w*|useless|incompetent|pathetic|dumb|moron\w*|garbage|rubbish|worthless|clueless|joke of a|inutil|estupid[oa]|nutzlos|unfahig|frechheit|incompetent[e]?|nul(?:le)?s?\b(?= (?:ce|votre|ton|le))|ridicul[oe])\b/,
  },
  {
    kind: 'phrase',
    weight: 0.8,
    re: /\b(?:this is (?:ridiculous|absurd|insane|unacceptable|outrageous|a joke|a nightmare|crazy)|ridiculous|unacceptable|outrageous|disgraceful|appalling|(?:been |keep |kept )?waiting (?:for )?(?:days|weeks|hours|ages|forever|so long)|for (?:days|weeks|ages) now|fed up|sick (?:and tired )?of|had enough|enough is enough|worst (?:service|company|experience|bot|app)|(?:terrible|awful|horrible|shocking|lousy) (?:service|experience|support|company)|furious|so angry|really angry|disgusted|i'?m done with|never again|are you (?:kidding|serious|joking)|for the last time|i (?:already|just) (?:told|said|did|tried) (?:you|that|this|it)|you (?:already|just) said (?:that|this)|that'?s (?:exactly )?what you said|you keep (?:saying|repeating)|stop repeating|how many (?:more )?times (?:do i (?:have|need) to|must i|have i (?:told|asked|said|explained)|am i going to have to)|waste of (?:my )?time|you(?: are|'re| aren't| are not) (?:not )?(?:helping|helpful|listening)|(?:not|isn't|is not) helpful at all|doesn't help at all|going in circles|nobody (?:is )?(?:helping|answering|responds)|still (?:not|no) (?:working|fixed|resolved|answer)|no one (?:is )?(?:helping|answering)|es (?:ridiculo|inaceptable|una verguenza)|estoy harto|harta de|das ist (?:lacherlich|unverschamt|eine frechheit)|c'est (?:ridicule|inadmissible|inacceptable|n'importe quoi)|j'en ai marre|isso e (?:ridiculo|um absurdo)|estou farto)\b/,
  },
];

/** Upper-case words that are acronyms, not shouting. */
export const ACRONYMS = new Set(
  'SIM SSO API ID OK PIN SMS TV USA UK EU VAT IBAN PDF CSV DNS URL FAQ ETA ASAP HMRC CNAME SOC GDPR DPA PM AM ATM UPS DHL USPS TLS SSL VPN IT HR CEO CFO'.split(
    ' ',
  ),
);
