/**
 * What the customer reads when their request overflows to a fallback team after nobody from
 * the first team could answer in time: the truth (the first team is busy), who takes over,
 * their place in the new team's line as it is now (a place in another line is not "kept"),
 * and that they need not repeat themselves. No time is promised here; the estimate follows.
 */
import { messageLanguage, type MessageLanguage } from '../../core/sla/message-templates.ts';

const TEXTS: Readonly<
  Record<MessageLanguage, (from: string, to: string, place: number) => string>
> = {
  en: (from, to, place) =>
    `Nobody from ${from} has been free to answer in time, so your request has moved to ${to}, who can help with this too. You are number ${place} in their line, and they can see the whole conversation.`,
  es: (from, to, place) =>
    `Nadie de ${from} ha podido responder a tiempo, así que su solicitud ha pasado a ${to}, que también puede ayudarle. Usted es el número ${place} en su fila y verán toda la conversación.`,
  de: (from, to, place) =>
    `Niemand aus ${from} konnte rechtzeitig antworten, deshalb ist Ihre Anfrage jetzt bei ${to}, das Ihnen ebenfalls helfen kann. Sie sind dort die Nummer ${place}, und das Team sieht das ganze Gespräch.`,
  fr: (from, to, place) =>
    `Personne de ${from} n’a pu répondre à temps : votre demande passe donc à ${to}, qui peut aussi vous aider. Vous êtes numéro ${place} dans leur file, et l’équipe voit toute la conversation.`,
  pt: (from, to, place) =>
    `Ninguém de ${from} conseguiu responder a tempo, então seu pedido passou para ${to}, que também pode ajudar. Você é o número ${place} na fila dessa equipe, e ela vê toda a conversa.`,
};

/** `fromTeam`, `toTeam`: the queues' team names (QueueCatalog.teamName); `place` in the new line. */
export function overflowText(
  fromTeam: string,
  toTeam: string,
  place: number,
  language: string | null,
): string {
  return TEXTS[messageLanguage(language ?? 'en')](fromTeam, toTeam, place);
}
