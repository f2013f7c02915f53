// The bot's own words in each language it answers in. Every reply that cannot help says
// the bot is automated and offers a person, in the customer's language.
import { isKbLanguage, primaryLanguage } from './kb-language.ts';
import type { KbLanguage } from './kb-language.ts';
import type { SmallTalkIntent } from './small-talk.ts';

export interface BotPhrases {
  /** Put before an article when the bot is not sure it is the right one. */
  hedge: string;
  /** Names the article an answer came from: `Source: "<title>"`. */
  source: string;
  clarify: (first: string, second: string) => string;
  noAnswer: string;
  emptyQuestion: string;
  smallTalk: Record<SmallTalkIntent, string>;
}

const PHRASES: Record<KbLanguage, BotPhrases> = {
  en: {
    hedge: 'I think this is what you are looking for:',
    source: 'Source',
    clarify: (a, b) =>
      `I'm an automated assistant and I'm not sure I understood. Is your question about "${a}" or "${b}"? You can also ask for a person at any time.`,
    noAnswer:
      "I'm an automated assistant and I can't answer that one. If you'd like, a person from our team can help: just ask for a person.",
    emptyQuestion:
      "I'm an automated assistant. What would you like to know? You can ask me a question in your own words, or ask for a person at any time.",
    smallTalk: {
      greeting:
        "Hi! I'm an automated assistant. Ask me a question and I'll look it up in our help articles. You can ask for a person at any time.",
      thanks: "You're welcome! Is there anything else I can help you with?",
      goodbye: 'Goodbye, and thanks for getting in touch!',
      acknowledgement: 'Great! Is there anything else I can help you with?',
    },
  },
  es: {
    hedge: 'Creo que esto es lo que busca:',
    source: 'Fuente',
    clarify: (a, b) =>
      `Soy un asistente automático y no estoy seguro de haberle entendido. ¿Su pregunta es sobre «${a}» o sobre «${b}»? También puede pedir hablar con una persona en cualquier momento.`,
    noAnswer:
      'Soy un asistente automático y no puedo responder a eso. Si lo desea, una persona de nuestro equipo puede ayudarle: solo pida hablar con una persona.',
    emptyQuestion:
      'Soy un asistente automático. ¿Qué le gustaría saber? Puede hacerme una pregunta con sus propias palabras o pedir hablar con una persona en cualquier momento.',
    smallTalk: {
      greeting:
        '¡Hola! Soy un asistente automático. Hágame una pregunta y la buscaré en nuestros artículos de ayuda. Puede pedir hablar con una persona en cualquier momento.',
      thanks: '¡De nada! ¿Puedo ayudarle en algo más?',
      goodbye: '¡Adiós y gracias por escribirnos!',
      acknowledgement: '¡Genial! ¿Puedo ayudarle en algo más?',
    },
  },
  de: {
    hedge: 'Ich glaube, das ist, was Sie suchen:',
    source: 'Quelle',
    clarify: (a, b) =>
      `Ich bin ein automatischer Assistent und nicht sicher, ob ich Sie richtig verstanden habe. Geht es um „${a}“ oder um „${b}“? Sie können auch jederzeit nach einer Person fragen.`,
    noAnswer:
      'Ich bin ein automatischer Assistent und kann diese Frage nicht beantworten. Wenn Sie möchten, hilft Ihnen gern eine Person aus unserem Team: Fragen Sie einfach nach einer Person.',
    emptyQuestion:
      'Ich bin ein automatischer Assistent. Was möchten Sie wissen? Stellen Sie Ihre Frage in Ihren eigenen Worten oder fragen Sie jederzeit nach einer Person.',
    smallTalk: {
      greeting:
        'Hallo! Ich bin ein automatischer Assistent. Stellen Sie mir eine Frage, und ich suche die Antwort in unseren Hilfeartikeln. Sie können jederzeit nach einer Person fragen.',
      thanks: 'Gern geschehen! Kann ich sonst noch helfen?',
      goodbye: 'Auf Wiedersehen und danke für Ihre Nachricht!',
      acknowledgement: 'Prima! Kann ich sonst noch helfen?',
    },
  },
  fr: {
    hedge: 'Je pense que voici ce que vous cherchez :',
    source: 'Source',
    clarify: (a, b) =>
      `Je suis un assistant automatique et je ne suis pas sûr d'avoir bien compris. Votre question concerne-t-elle « ${a} » ou « ${b} » ? Vous pouvez aussi demander à parler à une personne à tout moment.`,
    noAnswer:
      "Je suis un assistant automatique et je ne peux pas répondre à cette question. Si vous le souhaitez, une personne de notre équipe peut vous aider : il suffit de demander à parler à quelqu'un.",
    emptyQuestion:
      'Je suis un assistant automatique. Que souhaitez-vous savoir ? Posez votre question avec vos propres mots, ou demandez à parler à une personne à tout moment.',
    smallTalk: {
      greeting:
        "Bonjour ! Je suis un assistant automatique. Posez-moi une question et je la chercherai dans nos articles d'aide. Vous pouvez demander à parler à une personne à tout moment.",
      thanks: 'Je vous en prie ! Puis-je vous aider pour autre chose ?',
      goodbye: 'Au revoir, et merci de nous avoir contactés !',
      acknowledgement: 'Parfait ! Puis-je vous aider pour autre chose ?',
    },
  },
  pt: {
    hedge: 'Acho que é isto que procura:',
    source: 'Fonte',
    clarify: (a, b) =>
      `Sou um assistente automático e não tenho a certeza de ter entendido. A sua pergunta é sobre "${a}" ou sobre "${b}"? Também pode pedir para falar com uma pessoa a qualquer momento.`,
    noAnswer:
      'Sou um assistente automático e não consigo responder a isso. Se quiser, uma pessoa da nossa equipa pode ajudar: basta pedir para falar com uma pessoa.',
    emptyQuestion:
      'Sou um assistente automático. O que gostaria de saber? Pode fazer a sua pergunta com as suas palavras ou pedir para falar com uma pessoa a qualquer momento.',
    smallTalk: {
      greeting:
        'Olá! Sou um assistente automático. Faça-me uma pergunta e procuro a resposta nos nossos artigos de ajuda. Pode pedir para falar com uma pessoa a qualquer momento.',
      thanks: 'De nada! Posso ajudar em mais alguma coisa?',
      goodbye: 'Adeus, e obrigado pelo contacto!',
      acknowledgement: 'Ótimo! Posso ajudar em mais alguma coisa?',
    },
  },
};

/** The phrases for a language tag; English for a language the bot has no words for. */
export function phrasesFor(language: string | null | undefined): BotPhrases {
  const primary = primaryLanguage(language);
  return isKbLanguage(primary) ? PHRASES[primary] : PHRASES.en;
}

/** The language the phrases of `phrasesFor(language)` are in. */
export function replyLanguage(language: string | null | undefined): KbLanguage {
  const primary = primaryLanguage(language);
  return isKbLanguage(primary) ? primary : 'en';
}
