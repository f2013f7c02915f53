/**
 * What the customer hears when Baton moves on a conversation someone let drop: the agent went
 * quiet (back to the line, with the place as it is now), or the time promised has passed
 * (said plainly, with the new estimate and the choices). Merged into `DEFAULT_TEMPLATES`.
 * Placeholders: {team} {agent} {position} {low} {high}.
 */
import type { MessageLanguage } from './message-templates.ts';

export const DEAD_END_KEYS = ['agent_silent_requeued', 'promise_broken'] as const;

export type DeadEndKey = (typeof DEAD_END_KEYS)[number];

export const DEAD_END_TEMPLATES: Readonly<
  Record<MessageLanguage, Readonly<Record<DeadEndKey, string>>>
> = Object.freeze({
  en: {
    agent_silent_requeued:
      '{agent} has not been able to reply, so your request is back with {team} and moved up: you are number {position}. The next person sees the whole conversation.',
    promise_broken:
      'Sorry: we said a person would reply by now, and nobody has yet. You are number {position} for {team}; the wait now looks like about {low}–{high} minutes. You can keep waiting, ask for a callback, or carry on by message and we will answer here.',
  },
  es: {
    agent_silent_requeued:
      '{agent} no ha podido responder, así que su solicitud vuelve a {team} con más prioridad: usted es el número {position}. La siguiente persona verá toda la conversación.',
    promise_broken:
      'Lo sentimos: dijimos que alguien respondería ya y aún nadie lo ha hecho. Usted es el número {position} para {team}; la espera ahora es de unos {low}–{high} minutos. Puede seguir esperando, pedir que le llamemos o continuar por mensaje y le responderemos aquí.',
  },
  de: {
    agent_silent_requeued:
      '{agent} konnte nicht antworten, deshalb ist Ihre Anfrage wieder bei {team} und nach vorne gerückt: Sie sind Nummer {position}. Die nächste Person sieht das ganze Gespräch.',
    promise_broken:
      'Entschuldigung: Wir hatten gesagt, dass bis jetzt jemand antwortet, und das ist noch nicht geschehen. Sie sind Nummer {position} bei {team}; die Wartezeit liegt jetzt bei etwa {low}–{high} Minuten. Sie können weiter warten, einen Rückruf anfordern oder per Nachricht weitermachen, wir antworten hier.',
  },
  fr: {
    agent_silent_requeued:
      '{agent} n’a pas pu répondre : votre demande revient à {team}, en priorité plus haute. Vous êtes numéro {position}. La prochaine personne voit toute la conversation.',
    promise_broken:
      'Désolés : nous avions dit qu’une personne répondrait à cette heure, et personne ne l’a encore fait. Vous êtes numéro {position} pour {team} ; l’attente est maintenant d’environ {low}–{high} minutes. Vous pouvez continuer d’attendre, demander un rappel, ou continuer par message, nous répondrons ici.',
  },
  pt: {
    agent_silent_requeued:
      '{agent} não conseguiu responder, por isso o seu pedido voltou para {team} com mais prioridade: é o número {position}. A próxima pessoa vê toda a conversa.',
    promise_broken:
      'Pedimos desculpa: dissemos que alguém responderia até agora e ainda ninguém o fez. É o número {position} para {team}; a espera agora é de cerca de {low}–{high} minutos. Pode continuar à espera, pedir uma chamada, ou continuar por mensagem e respondemos aqui.',
  },
});
