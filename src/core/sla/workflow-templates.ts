/**
 * What the customer hears when a person acts on the conversation: a transfer, a return to the
 * bot, the resolution, and the satisfaction survey after it (with its thanks). Merged into
 * `DEFAULT_TEMPLATES`, so a queue overrides them like the others. Placeholders: {team} {agent}.
 */
import type { MessageLanguage } from './message-templates.ts';

export const WORKFLOW_KEYS = [
  'transferred',
  'returned_to_bot',
  'resolved',
  'csat_request',
  'csat_reply_hint',
  'csat_thanks',
] as const;

export type WorkflowKey = (typeof WORKFLOW_KEYS)[number];

export const WORKFLOW_TEMPLATES: Readonly<
  Record<MessageLanguage, Readonly<Record<WorkflowKey, string>>>
> = {
  en: {
    transferred:
      "I'm passing you to our {team} team. They will see our whole conversation, so you won't need to repeat anything.",
    returned_to_bot:
      '{agent} has handed you back to me, the automated assistant. Is there anything else I can help with? You can ask for a person again at any time.',
    resolved: 'This conversation has been marked as resolved. Thanks for reaching out!',
    csat_request: 'How did we do? Please rate this conversation from 1 (poor) to 5 (excellent).',
    csat_reply_hint: 'Reply with the number, and a comment if you like.',
    csat_thanks: 'Thank you for your rating. It helps us get better.',
  },
  es: {
    transferred:
      'Le paso con nuestro equipo de {team}. Verán toda nuestra conversación, así que no tendrá que repetir nada.',
    returned_to_bot:
      '{agent} le ha devuelto a mí, el asistente automático. ¿Puedo ayudarle con algo más? Puede volver a pedir una persona en cualquier momento.',
    resolved: 'Esta conversación se ha marcado como resuelta. ¡Gracias por escribirnos!',
    csat_request: '¿Qué tal lo hicimos? Valore esta conversación de 1 (mal) a 5 (excelente).',
    csat_reply_hint: 'Responda con el número y, si lo desea, un comentario.',
    csat_thanks: 'Gracias por su valoración. Nos ayuda a mejorar.',
  },
  de: {
    transferred:
      'Ich leite Sie an unser Team {team} weiter. Es sieht unser ganzes Gespräch, Sie müssen also nichts wiederholen.',
    returned_to_bot:
      '{agent} hat Sie an mich, den automatischen Assistenten, zurückgegeben. Kann ich sonst noch helfen? Sie können jederzeit wieder nach einer Person fragen.',
    resolved: 'Dieses Gespräch wurde als gelöst markiert. Danke für Ihre Nachricht!',
    csat_request:
      'Wie waren wir? Bitte bewerten Sie dieses Gespräch von 1 (schlecht) bis 5 (ausgezeichnet).',
    csat_reply_hint: 'Antworten Sie mit der Zahl, gern auch mit einem Kommentar.',
    csat_thanks: 'Danke für Ihre Bewertung. Sie hilft uns, besser zu werden.',
  },
  fr: {
    transferred:
      'Je vous transfère à notre équipe {team}. Elle verra toute notre conversation : vous n’aurez rien à répéter.',
    returned_to_bot:
      '{agent} vous a redirigé vers moi, l’assistant automatique. Puis-je vous aider pour autre chose ? Vous pouvez redemander une personne à tout moment.',
    resolved: 'Cette conversation a été marquée comme résolue. Merci de nous avoir écrit !',
    csat_request:
      'Comment avons-nous fait ? Notez cette conversation de 1 (mauvais) à 5 (excellent).',
    csat_reply_hint: 'Répondez avec le chiffre, et un commentaire si vous le souhaitez.',
    csat_thanks: 'Merci pour votre note. Elle nous aide à nous améliorer.',
  },
  pt: {
    transferred:
      'Vou passá-lo para a nossa equipa de {team}. Vão ver toda a nossa conversa, por isso não precisa de repetir nada.',
    returned_to_bot:
      '{agent} devolveu-o a mim, o assistente automático. Posso ajudar com mais alguma coisa? Pode pedir uma pessoa de novo a qualquer momento.',
    resolved: 'Esta conversa foi marcada como resolvida. Obrigado pelo contacto!',
    csat_request: 'Como correu? Avalie esta conversa de 1 (mau) a 5 (excelente).',
    csat_reply_hint: 'Responda com o número e, se quiser, um comentário.',
    csat_thanks: 'Obrigado pela sua avaliação. Ajuda-nos a melhorar.',
  },
};
