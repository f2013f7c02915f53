// Topic lexicon over normalizeText() output. `request` patterns mean the customer asks for the
// thing (they can trigger a handoff); `mention` patterns only say what the conversation is about
// (they choose the queue). `unless` patterns veto a request in the same sentence: questions
// *about* refund or cancellation policy, refund tracking, fees, are not requests.

export const TOPICS = [
  'refund',
  'cancellation',
  'billing_dispute',
  'billing',
  'legal',
  'security',
  'complaint',
  'sales',
  'technical',
  'approval',
] as const;
export type Topic = (typeof TOPICS)[number];

export interface TopicRules {
  request?: readonly RegExp[];
  mention?: readonly RegExp[];
  unless?: readonly RegExp[];
}

const TXN =
  '(?:charges?|payments?|transactions?|purchases?|orders?|withdrawals?|withdrawn|transfers?|debits?|deductions?|spending|merchants?|logins?|sign-?ins?|devices?|activity)';
// "… that I didn't make", "… wasn't me", "… I'm not familiar with".
const NOT_MINE =
  "(?:i (?:haven't|have not|didn't|didnt|did not|never|don't|do not) (?:done|do|make|made|submit\\w*|authori[sz]\\w*|approv\\w*|buy|bought|recogni[sz]e|place|placed|order|ordered)|(?:wasn't|was not|weren't|isn't|is not|not) (?:done |made )?(?:by )?me|(?:not |un)authori[sz]ed by me|(?:not|isn't) mine|(?:i )?(?:don't|do not|dont|didn't|did not) (?:recogni[sz]e|recongi[sz]e|recall|remember)|i'?m not recogni[sz]ing|by someone (?:else|i don't know)|i'?m not familiar with|i (?:don't|do not) know (?:about|of))";

// The goods themselves not (yet) arrived: "i haven't received my order", "what I bought hasn't
// arrived yet". The usual reason for a refund, so it must not read as tracking a refund.
const GOODS =
  '(?:orders?|items?|packages?|parcels?|goods|products?|purchases?|deliver(?:y|ies)|shipments?|what i (?:bought|ordered|purchased))';
const GOODS_MISSING = `\\b${GOODS}\\b(?: \\S+){0,3} (?:(?:still )?(?:hasn't|has not|haven't|have not|didn't|did not|never|not) (?:yet )?(?:\\S+ )?(?:arriv|c[oa]me|show|turn|deliver|ship|sent|reach)\\w*)|\\b(?:haven't|have not|never|didn't|did not|not) (?:yet )?(?:receiv\\w*|got|gotten|get)\\b(?: \\S+){0,2} ${GOODS}`;

export const TOPIC_RULES: Record<Topic, TopicRules> = {
  security: {
    request: [
      /\b(?:hack(?:ed|er|ers|ing)?|fraud\w*|scam(?:med|mer)?|phishing|identity theft|stolen identity|data (?:breach|leak)|breach(?:ed)?|compromised|unauthori[sz]ed|account takeover|taken over my account|impersonat\w*)\b/,
      new RegExp(
        `\\b(?:don't|do not|didn't|did not|never) (?:recogni[sz]e|authori[sz]e|make|made|place|placed|order|ordered)\\b(?: \\S+){0,4} ${TXN}\\b`,
      ),
      new RegExp(
        `\\b${TXN}(?: \\S+){0,4} (?:that )?i (?:don't|do not|didn't|did not|never|can't|cannot) (?:recogni[sz]e|make|made|authori[sz]e|place|placed|remember)\\b`,
      ),
      /\b(?:that |this |it )?(?:wasn't|was not|weren't|were not) me\b/,
      new RegExp(`\\b${TXN}\\b.{0,60}\\b${NOT_MINE}\\b`),
      new RegExp(
        `\\b(?:don't|do not|dont|can't|cannot|didn't|did not) recogni[sz]e (?:this|that|these|the|a|an|some|two|\\d+)? ?(?:\\w+ )?${TXN}`,
      ),
      new RegExp(
        `\\b(?:unknown|uknown|unrecogni[sz]ed|odd|strange|unusual|unfamiliar|weird|random|suspicious) (?:\\w+ ){0,2}${TXN}`,
      ),
      /\b(?:someone|somebody|people|a stranger|strangers)\b(?: \S+){0,3} (?:made|withdr\w*|using|used|stole|steal|took|taking|charg\w*|spent|access\w*|got into|logged|hacked|has my)\b/,
      /\b(?:lost|stolen|stole|missing|can't find|cannot find|misplaced)\b(?: \S+){0,4} (?:card|cards|wallet|phone|purse|bag|mobile)\b|\b(?:card|cards|wallet|phone|purse|mobile)\b(?: \S+){0,3} (?:is|was|are|were|got|has been|have been|went) (?:lost|stolen|missing|gone)\b/,
      /\bsomeone (?:else )?(?:has |had |is |was )?(?:got|gotten|getting|logged|broke|broken|hacked|accessed|used|using|stole|opened|changed|access)\b/,
      new RegExp(
        `\\b(?:don't|do not) (?:think|believe) i (?:made|did|authori[sz]ed|placed|ordered)\\b.{0,30}${TXN}`,
      ),
      /\b(?:used|using|utili[sz]\w*|charged|spent|taken)\b.{0,30}\bwithout my (?:permission|authori[sz]ation|consent|knowledge)\b|\b(?:used|using) by someone else\b|\bstolen\b|\bstole my\b/,
      /\b(?:new|unknown|strange|suspicious|unusual|unfamiliar) (?:login|log-in|sign[ -]?in|device|access)s?\b/,
      /\bpassword (?:was|has been|got) (?:changed|reset)\b/,
      /\b(?:ask\w*|request\w*) (?:me )?for my (?:password|pin|login|verification code|one-time code|otp|card details|security code|cvv)\b/,
      /\b(?:code|otp|verification|password reset|login|sign-?in)\b.{0,30}\bi (?:didn't|did not|never) (?:ask|request)\w*\b/,
      /\bsuspicious (?:email|e-mail|text|sms|message|link|call|website|site)s?\b|\b(?:pretending|claiming|posing) (?:to be|as) (?:from )?(?:you|your|the bank|support)\b/,
      /\b(?:gave|shared|told|sent|entered)\b(?: \S+){0,3} (?:my |the )?(?:password|pin|login code|verification code|one-time code|otp|card details|security code)\b.{0,60}\b(?:link|email|text|call|someone|scam|fake|stranger)\b|\b(?:link|email|text|call|someone|scam|fake|stranger)\b.{0,60}\b(?:gave|shared|told|sent|entered)\b(?: \S+){0,3} (?:my |the )?(?:password|pin|login code|verification code|one-time code|otp|card details|security code)\b/,
      /\b(?:stolen|lost) (?:card|wallet|phone|credit card|debit card)\b|\bcard (?:was|has been|got) stolen\b/,
      /\b(?:fraude|fraudulent[oa]|estafa|hackead[oa]|no reconozco|betrug|gehackt|nicht autorisiert|unbekannte (?:abbuchung|zahlung)|pirate|je ne reconnais pas|nao reconheco|golpe|invadida|clonad[oa]|roubad[oa]|robad[oa]|me robaron|gestohlen|(?:carte|portefeuille|telephone|compte)\b.{0,20}\bvolee?s?)\b/,
    ],
    unless: [/\b(?:found|find)\b.{0,40}\blost\b|\blost\b.{0,40}\b(?:found|find)\b/],
  },
  refund: {
    request: [
      /\b(?:want|need|like|request\w*|get\w*|give|issue|process|demand\w*|receiv\w*|obtain\w*|ask\w* for|claim\w*|apply for|send|deserve\w*)\b(?: \S+){0,3} (?:full |partial |my |a |the |an )?(?:refund|reimbursement|compensation|rebate|restitution|money back)s?\b/,
      /\b(?:refund|reimburs|rebat)\w* ?(?:me|it|this|that|them|my|the|our|us|for|\$|€|£|\d)/,
      /\breverse (?:a |the |this |that |my )?(?:transaction|payment|charge|purchase)\b|\bretract (?:my |the |this )?(?:purchase|order|payment)\b/,
      /\bplease refund\b|\brefund please\b|\b(?:my|our) money back\b|\bgive me (?:back )?my money\b/,
      /\b(?:get|have|want|be|need|needs|like)\b(?: \S+){0,5} (?:refunded|reimbursed|reversed)\b/,
      /\b(?:reembolso|reembolsar|devolucion del dinero|ruckerstattung|erstatten|geld zuruck|remboursement|rembourser|remboursez|rembourse-moi|(?:etre|me faire|se faire) rembourse\w*|estorno|devolverme el dinero|devuelvan(?:me)? (?:el|mi) dinero|quiero mi dinero|(?:meu|o) dinheiro de volta|devolucao do (?:meu )?dinheiro)\b/,
    ],
    mention: [/\b(?:refund\w*|reimburs\w*|money back|reembols\w*|ruckerstatt\w*|rembours\w*)\b/],
    unless: [
      /\b(?:refund|return|money back|reimbursement) (?:policy|policies|guarantee|window|period|rules|terms)\b/,
      /\b(?:status|track\w*|updates?|anything new|waiting for|expect\w*|processed|refund\w* (?:has |have |hasn't |has not |still )*(?:not )?(?:arrive|show|come|land)\w*|how long|when will|where is|circumstances|situations|conditions|in (?:what|which) ca\w*|(?:in|inn|under) wh\w*\s?\w* can i|eligible|(?:don't|can't|cannot|unable to) see|usually take|take to (?:arrive|process|show))\b/,
      // Not received, not yet: tracking a refund, unless it is the goods that never came.
      new RegExp(
        `^(?!.*(?:${GOODS_MISSING})).*\\b(?:still (?:haven't|not)|(?:haven't|have not|not|never) (?:received|got|gotten|seen)|yet)\\b`,
      ),
    ],
  },
  cancellation: {
    request: [
      /\b(?:cancel(?:l?ing)?|terminat(?:e|ing)|clos(?:e|ing)|delet(?:e|ing)|remov(?:e|ing)|deactivat(?:e|ing)|inactivat(?:e|ing)|disabl(?:e|ing)|discontinu(?:e|ing)|end|stop|shut(?:ting)?(?: down)?)\b (?:(?:my|our|the|this|a|an|your|of|all) )?(?:\w+ ){0,2}?(?:subscription|plan|membership|account|contract|service|policy|line|broadband|package|renewal|trial|direct debit|profile)s?\b/,
      /\bcancel(?:l?ing)? (?:(?:my|our|the|this|a|an|your|of|last) )?(?:\w+ ){0,2}?(?:order|purchase)s?\b/,
      /\b(?:want|need|like|wish)\b(?: \S+){0,3} (?:order|purchase)s? (?:to be )?cancell?ed\b|\b(?:order|purchase)s? (?:needs?|has|have) to be cancell?ed\b/,
      /\bno longer (?:want|need) (?:this |my |the |our )?account\b/,
      /\b(?:order|purchase|subscription|account|membership|contract|plan) (?:cancell?ation|terminat\w*|removal|deletion|closure)s?\b/,
      /\b(?:cancell?ation|terminat\w*|removal|deletion|closure)s? of (?:my |the |a |an |our )?(?:\w+ )?(?:account|subscription|membership|contract|plan|order|purchase)\b/,
      /\b(?:account|order|purchase|subscription)\b.*\b(?:clos|delet|cancel|remov|terminat)\w* (?:it|this|that)\b/,
      /\bdelet\w* (?:my |the |a )?user\b(?! from)/,
      /\b(?:don't|do not|dont) want (?:this |the |my )?(?:order|purchase)\b|\bcan no longer (?:afford|pay for) (?:this |the |my )?(?:order|purchase)\b/,
      /\bunsubscribe (?:me |us )?from (?:the |my |our )?(?:\w+ )?(?:plan|subscription|membership|service|package)\b/,
      /\bno longer (?:want|wish) to be (?:a |your )?(?:customer|member|client)\b/,
      /\bpac code\b|\bport(?:ing)? (?:out )?(?:my |our )?(?:number|line)\b|\b(?:moving|switching|leaving|going) (?:to|for) (?:another|a different|a new|a competitor|a cheaper) (?:network|provider|carrier|bank|company|supplier|service)\b/,
      /\b(?:want|like|need|wish|going) to (?:cancel|quit)\b(?! (?:my |the )?(?:last )?(?:message|appointment|booking|reservation))/,
      // German "kündigen" also as typed without umlauts ("kuendigen").
      /\b(?:cancelar (?:mi |la |el |mis |minha |a |o |meu |nuestra |nuestro )?(?:suscripcion|subscripcion|cuenta|contrato|pedido|plan|servicio|membresia|assinatura|conta|plano|servico|compra|encomenda)|dar(?:me)? de baja|kue?ndig\w*|resilier|annuler (?:mon|ma|mes|l'|la|le) ?(?:abonnement|commande|compte|contrat)|encerrar (?:a )?(?:minha )?conta|cancelar (?:a |o )?(?:minha |meu )?(?:assinatura|conta|plano|pedido))\b/,
    ],
    mention: [
      /\b(?:cancel\w*|close (?:my|our|the) account|account closure|unsubscrib\w*|downgrad\w*)\b/,
    ],
    unless: [
      /\b(?:cancellation|termination|exit|withdrawal|early) (?:fees?|policy|policies|charges?|penalt\w*|terms)\b/,
      /\bwhat happens\b.{0,40}\bif\b|\bif i (?:cancel|close)\b|\bhow much\b.*\bcancel/,
      /\b(?:charges?|fees?|costs?|penalt\w*|price) (?:for|of|to) (?:cancel\w*|terminat\w*|clos\w*)/,
      /\b(?:newsletter|mailing list|marketing|promotional|notifications?|emails? from you)\b/,
      /\bcancel\w* (?:\S+ ){0,3}(?:message|text|request|appointment|booking|reservation|meeting|alarm|reminder|timer|table)s?\b/,
      /\b(?:reservation|appointment|booking|meeting)\b.*\bcancel\w* (?:it|this|that)\b/,
      /\bcancel\w* (?:a |the |this |my |that )?(?:transaction|transfer|payment)\b|\b(?:transaction|transfer|payment)\b.*\bcancel\w* (?:it|this|that)\b/,
    ],
  },
  billing_dispute: {
    request: [
      /\b(?:charged|billed) (?:me )?(?:twice|double|two times|again|wrong\w*|incorrectly|too much)\b/,
      /\b(?:double|duplicate)[ -]?(?:charged?|billed|payment)\b|\bovercharg\w*/,
      /\bdisput\w*(?: \S+){0,3} (?:charge|payment|transaction|debit|bill|invoice)s?\b|\bchargeback\b/,
      /\b(?:cobrad[oa]s? (?:dos|duas) (?:veces|vezes)|cobraron (?:dos veces|de mas)|cobraram (?:duas vezes|a mais)|doppelt (?:abgebucht|berechnet|belastet)|(?:debite|preleve|facture)e?s? deux fois)\b/,
      /\bstop (?:charging|billing|taking money)\b|\bcharg\w* (?:me |us )?for (?:\S+ ){0,4}(?:i|we) (?:never|didn't|did not) (?:sign\w* up|order\w*|buy|bought|use|used|want\w*|agree\w*|ask\w* for)\b/,
      /\b(?:wrong|incorrect|unexpected|mystery|strange) (?:charge|amount|bill|invoice)s?\b/,
      /\b(?:shouldn't|should not|should never) have been (?:charged|billed)\b/,
      /\b(?:bill|invoice|charge)\b(?: \S+){0,6} (?:way |much |a lot )?(?:more|higher) than (?:usual|normal|expected|last)\b/,
      /\b(?:charged|billed|paid|charges?|payments?|transactions?|debits?)\b.{0,40}\b(?:twice|two times|more than once|multiple times|doubled|duplicated)\b/,
      /\b(?:charged|billed|debited)(?: \S+){0,3} (?:three|several|many|too many) times\b|\b(?:charges?|payments?|transactions?|debits?) (?:is |are |keeps? )?(?:showing|shows|appearing|appears|coming)(?: up)?(?: \S+){0,3} (?:several|many|three) times\b|\b(?:charges?|payments?|transactions?|debits?)\b.{0,30}\bover and over\b/,
      /\b(?:repeat(?:ed)?|duplicated?) (?:\S+ )?(?:charges?|payments?|transactions?|debits?)\b|\b(?:two|2|three|3) of the same (?:charges?|payments?|transactions?|debits?)\b/,
      // A payment to stop for goods that never came, the goods told before or after. The look
      // back comes after the payment words, so it runs only where they matched: first, it ran at
      // every position of the sentence, and a 4,000-character message took over a minute.
      new RegExp(
        `\\b(?:cancel\\w*|stop\\w*|revers\\w*|block\\w*) (?:\\S+ ){0,2}(?:payment|charge|transaction)s?\\b(?:(?<=(?:${GOODS_MISSING}).*)|(?=.*(?:${GOODS_MISSING})))`,
      ),
      /\b(?:two|2|duplicate|double|multiple) (?:of the same |identical )?(?:charges|payments|transactions)\b/,
      /\bwhere (?:did |does )?(?:this|that|the) (?:charge|payment|transaction) (?:come|came) from\b/,
    ],
  },
  billing: {
    mention: [
      /\b(?:bill|bills|billing|billed|invoices?|invoiced|charge[sd]?|charging|proration|prorated|payments?|refunds?|subscription price|direct debit|statement|receipt|vat|factura|rechnung|facture|fatura|cobro|cobrança)\b/,
    ],
  },
  legal: {
    request: [
      /\b(?:lawyer|attorney|solicitor|legal action|legal team|legal department|lawsuit|su(?:e|ing) (?:you|your|the company|them)|court|subpoena|ombudsman|regulator|trading standards|small claims|consumer rights|gdpr|data protection|data processing agreement|dpa|subject access request|right to be forgotten|erase my (?:personal )?data|delete (?:all )?my (?:personal )?data|compliance (?:team|officer|department|review|request|requirements?)|abogado|demanda|anwalt|klage|datenschutz|avocat|plainte penale|advogado|processo judicial)\b/,
      /\b(?:soc ?2|hipaa|iso ?27001|pci(?: dss)?)\b.{0,40}\b(?:report|certificat\w*|attestation|audit|documentation|evidence|baa)\b/,
    ],
  },
  complaint: {
    request: [
      /\b(?:make|making|file|filing|lodg\w*|submit\w*|rais\w*|register\w*|open\w*|put in|log)\b(?: \S+){0,3} (?:complaint|claim|reclamation|grievance)s?\b/,
      /\b(?:customer|consumer|formal|official) (?:complaint|claim|reclamation)s?\b/,
      /\bwant to complain\b|\bi (?:have|got) a complaint\b|\bcomplain(?:ing)? about\b|\bthis is a complaint\b|\bcomplaint about\b/,
      /\b(?:claim|complaint|reclamation)s? against\b/,
      /\b(?:queja|reclamacion|reclamar|beschwerde|beschweren|plainte|reclamation|reclamacao)\b/,
    ],
    unless: [
      /\bno complaints?\b|\binsurance claim|\bwarranty claim|\bclaim (?:my|a|the) (?:reward|prize|points|bonus)/,
    ],
  },
  sales: {
    request: [
      /\benterprise (?:plan|pricing|price|tier|licen[cs]e|deal|quote|contract|edition|package|account|version|offer)s?\b/,
      /\b(?:custom|bulk|volume|wholesale|corporate|group|business) (?:quote|pricing|order|discount|purchase|licen[cs]ing|deal|rates?)s?\b/,
      /\bquote for (?:\d{2,}|[a-z]+ hundred|[a-z]+ thousand)\b/,
      /\b(?:presupuesto|cotizacion|angebot|devis|orcamento) (?:para|fur|pour) (?:\d{2,}|nuestra empresa|unser unternehmen|notre entreprise|nossa empresa)\b|\b(?:plan|precios?|tarifa) (?:empresarial|enterprise|corporativ[oa])\b/,
      /\b(?:talk|speak) to (?:your |the |a )?sales\b|\bsales team\b|\bbook a demo\b|\brequest a demo\b|\bprocurement\b|\brfp\b/,
    ],
    mention: [/\b(?:pricing|quote|enterprise|seats|licen[cs]es|bulk|volume)\b/],
  },
  technical: {
    mention: [
      /\b(?:no funciona|funktioniert nicht|ne (?:marche|fonctionne) pas|nao funciona|fehler|panne|caido|sin internet|sem internet|kein internet|pas d'internet|storung|averia)\b/,
      /\b(?:error|errors|bug|bugs|crash\w*|outage|offline|glitch\w*|freez\w*|not working|isn't working|is not working|doesn't work|does not work|won't (?:load|open|work|connect|sync|start)|stopped working|no signal|no sim|sim|wi-?fi|internet|broadband|router|modem|connection|connect\w*|disconnect\w*|keeps dropping|drops? out|connection drops|logged (?:me )?out|log ?in|login|sign ?in|api|integration|sync\w*|webhook|dns|cname|domain|ssl|server|timeout|loading|install\w*|blinking|tv box|the box|firmware|update failed|app crash\w*|app (?:won't|doesn't|keeps)|slow (?:internet|connection|speeds?|wifi|broadband))\b/,
    ],
  },
  approval: {
    request: [
      /\b(?:raise|raising|increase|increasing|lift|extend|higher|bump|change)\b(?: \S+){0,3} limits?\b/,
      /\b(?:aumentar|subir|ampliar) (?:mi |el |meu |o |minha |a )?(?:limite|cupo)\b|\b(?:limit|rahmen|dispo\w*) (?:erhohen|anheben)\b|\b(?:augmenter|relever) (?:mon |le |ma )?(?:plafond|limite)\b/,
      /\blimit (?:increase|raise|extension)\b|\blimits? (?:raised|increased|lifted|extended)\b/,
      /\btransfer (?:the )?ownership\b|\bchange (?:the )?(?:account |workspace )?owner(?:ship)?\b|\bnew (?:account )?owner\b/,
      /\b(?:make|grant|allow|approve) (?:an |a )?exception\b|\b(?:policy )?exception to\b|\bpolicy exception\b|\bspecial (?:approval|permission)\b/,
      /\b(?:waive|override|drop|let me off) (?:the |my |this |a |that )?(?:\w+ )?(?:fee|charge|penalty|fine|limit|rule|policy)\b/,
      /\bextend (?:my |the |our |this )?(?:free )?(?:trial|deadline|due date|payment date|grace period|return window)\b/,
    ],
  },
};
