/**
 * What the customer reads when their request overflows to a fallback team after nobody from
 * the first team could answer in time: the truth (the first team is busy), who takes over,
 * and that they keep their place and need not repeat themselves. No time is promised here;
 * the estimate follows from the new queue.
 */
import { messageLanguage, type MessageLanguage } from '../../core/sla/message-templates.ts';

const TEXTS: Readonly<Record<MessageLanguage, (from: string, to: string) => string>> = {
  en: (from, to) =>
    `Nobody from ${from} has been free to answer in time, so your request has moved to ${to}, who can help with this too. You keep your place, and they can see the whole conversation.`,
  es: (from, to) =>
    `Nadie de ${from} ha podido responder a tiempo, así que tu solicitud ha pasado a ${to}, que también puede ayudarte. Conservas tu lugar y verán toda la conversación.`,
  de: (from, to) =>
    `Niemand aus ${from} konnte rechtzeitig antworten, deshalb ist Ihre Anfrage jetzt bei ${to}, das Ihnen ebenfalls helfen kann. Sie behalten Ihren Platz, und das Team sieht das ganze Gespräch.`,
  fr: (from, to) =>
    `Personne de ${from} n’a pu répondre à temps : votre demande passe donc à ${to}, qui peut aussi vous aider. Vous gardez votre place, et l’équipe voit toute la conversation.`,
  pt: (from, to) =>
    `Ninguém de ${from} conseguiu responder a tempo, por isso o seu pedido passou para ${to}, que também pode ajudar. Mantém o seu lugar, e a equipa vê toda a conversa.`,
};

/** `fromTeam`, `toTeam`: the queues' team names (QueueCatalog.teamName). */
export function overflowText(fromTeam: string, toTeam: string, language: string | null): string {
  return TEXTS[messageLanguage(language ?? 'en')](fromTeam, toTeam);
}
