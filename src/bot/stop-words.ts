// Words that say nothing about the topic of a question, per language: function words,
// greetings, politeness and the generic verbs of asking ("I want", "can I", "to know").
// Question words that tell topics apart stay searchable: "where"/"when" and their
// counterparts (dónde/cuándo, wo/wann, quand, onde/quando) separate tracking from timing.
// Written by hand: ready-made lists differ wildly between languages and some contain
// topic words ("Jahr", "lange", "tiempo") that this search needs. Stored without accents;
// words are compared after accent folding.
import type { KbLanguage } from './kb-language.ts';

const WORDS: Record<KbLanguage, string> = {
  en: `a about above after again all also am an and any are as at be been before being below
  between both but by can cant could did didnt do does doesnt doing dont down during each
  few for from further get got had has have having he her here hers him his how i if in
  into is isnt it its itself just me more most my myself no nor not now of off on once
  only or other our ours out over own please same she should so some such than that the
  their them then there these they this those through to too under until up very was we
  were what whats which while who whom why will with would you your yours
  yourself im ive id ill youre hi hello hey thanks thank thx cheers ok okay would like
  want need know tell much many let us one still already yet might may must shall
  able anyone anything anyway actually come came get gets getting give go goes going
  just like make made making put really say said see something someone take thing
  things try tried use used using way ways well possible different bit lot
  else hasnt havent hadnt wasnt werent arent wont wouldnt couldnt shouldnt theres`,
  es: `a al algo alguien algun alguna alguno ante antes aqui asi aun bien cada como con
  contra cual cuales cuanto cuanta cuantos cuantas de del desde el ella ellas ellos en
  entre era eres es esa ese eso esta estan estar estas este esto estoy fue ha hace hacer
  hago han has hay he la las le les lo los mas me mi mis mio mucho muy nada ni no nos
  nosotros o os otra otro para pero poco por porque pues que quien se ser si sin sobre
  son soy su sus tambien te tengo tienes tiene tienen tener tu tus un una unas uno unos
  usted ustedes vosotros vuestro vuestra vuestros vuestras y ya yo hola buenas buenos gracias favor porfa oye
  saludos quiero quisiera queria necesito necesita saber sabe puedo puede pueden podria
  podrian poder gustaria dime decir alguna todavia aun`,
  de: `aber alle allem allen aller alles als also am an auch auf aus bei beim bin bis bitte
  bist da damit dann das dass dem den denn der des dich die dies diese diesem diesen
  dieser dir doch du ein eine einem einen einer eines er es etwas euch euer eure eurem
  euren eurer fur gibt hab habe haben habt hat hatte ich ihr ihre ihrem ihren ihnen im
  in ist ja jetzt kann kannst konnen konnt konnte man mein meine meinem meinen meiner
  mich mir mit mochte mochten muss musst mussen nach nicht noch nun nur ob oder schon
  sehr sein seine sich sie sind so soll sollte um und uns unser unsere von vor war was
  welche welcher welches wenn werden wie wir wird wurde zu zum zur danke hallo guten tag
  moin hi hey leider gerne gern eigentlich mal einfach geht gehen bekomme bekommen
  kriege machen mache macht brauche wissen will wollte kein keine keinen eben denn`,
  fr: `a ai as au aux avec avez avoir bonjour bonsoir c ca ce cela ces cet cette comment
  combien d dans de des donc du elle en est et etre il ils j je l la le les leur lui m
  ma mais me merci mes moi mon n ne nous on ou par pas peut peux pour pouvez puis qu que
  quel quelle quelles quels qui s sa salut se ses si son sont sur svp t ta te tes toi ton
  tu un une vos votre vous y fait faire faut veux voudrais aimerais souhaite besoin
  savoir sais suis etes encore deja tout toujours bien tres`,
  pt: `a ao aos as ate com como da das de do dos e ela ele em entre era essa esse esta
  estou foi ha isso isto ja mais mas me meu meus minha minhas muito na nao nas no nos o
  os ou para pela pelo por pra que quem se sem ser seu sua sao tem tenho ter um uma voce
  voces vcs obrigado obrigada ola oi bom boa favor gostaria quero queria preciso saber
  posso pode podem consigo fazer faco quanto quanta quantos quantas ainda eu tudo bem
  estao qual quais vosso vossa vossos vossas`,
};

const SETS = new Map<string, ReadonlySet<string>>(
  Object.entries(WORDS).map(([language, words]) => [
    language,
    new Set(words.split(/\s+/).filter((word) => word !== '')),
  ]),
);

/** Whether a folded, lower-case word is a stop word in the language. */
export function isStopWord(folded: string, language: KbLanguage): boolean {
  return SETS.get(language)?.has(folded) ?? false;
}
