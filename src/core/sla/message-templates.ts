/**
 * What the customer hears while waiting, in English, Spanish, German, French and Portuguese.
 * Placeholders: {team} {position} {low} {high} {when} {agent}. A queue overrides any template
 * per language (`QueueConfig.messages`); whatever it leaves out falls back to these.
 */
import { WAITING_ROOM_KEYS, WAITING_ROOM_TEMPLATES } from './waiting-room-templates.ts';
import { WORKFLOW_KEYS, WORKFLOW_TEMPLATES } from './workflow-templates.ts';
import { DEAD_END_KEYS, DEAD_END_TEMPLATES } from './dead-end-templates.ts';

export const TEMPLATE_KEYS = [
  'waiting',
  'waiting_short',
  'long_queue',
  'no_agents',
  'closed',
  'closed_unknown',
  'ask_contact',
  'ask_phone',
  'agent_joined',
  'agent_left',
  'context_kept',
  ...WAITING_ROOM_KEYS,
  ...WORKFLOW_KEYS,
  ...DEAD_END_KEYS,
] as const;

export type TemplateKey = (typeof TEMPLATE_KEYS)[number];
export type TemplateSet = Readonly<Record<TemplateKey, string>>;
export type TemplateOverrides = Readonly<Record<string, Readonly<Partial<Record<string, string>>>>>;

export const MESSAGE_LANGUAGES = ['en', 'es', 'de', 'fr', 'pt'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

export const DEFAULT_TEMPLATES: Readonly<Record<MessageLanguage, TemplateSet>> = Object.freeze({
  en: {
    ...WAITING_ROOM_TEMPLATES.en,
    ...WORKFLOW_TEMPLATES.en,
    ...DEAD_END_TEMPLATES.en,
    waiting:
      'You are number {position} in the queue for {team}. The estimated wait is about {low}–{high} minutes, and a person will reply right here.',
    waiting_short:
      'You are number {position} in the queue for {team}. A person should reply here in about a minute.',
    long_queue:
      'You are number {position} in the queue for {team}, and the wait is about {low}–{high} minutes. You can keep waiting, ask for a callback at a time that suits you, or carry on by message: we will answer here, in this conversation, and you do not need to stay.',
    no_agents:
      'Nobody from {team} is available at this moment, so we cannot promise a time yet. Your request is saved in the queue, and a person will answer here as soon as one is free.',
    closed:
      'The {team} team is closed right now. Your request is saved, and a person will follow up {when}.',
    closed_unknown:
      'The {team} team is closed right now. Your request is saved, and a person will follow up as soon as the team is back.',
    ask_contact: 'So that we can reach you then, please leave your email address or phone number.',
    ask_phone: 'So that we can reach you then, please leave your phone number.',
    agent_joined: '{agent} from {team} has joined the conversation and can see everything so far.',
    agent_left:
      '{agent} had to step away. You keep your place in the queue, and the next person from {team} will continue here with the whole conversation.',
    context_kept: 'They will see everything we have said, so you will not need to repeat yourself.',
  },
  es: {
    ...WAITING_ROOM_TEMPLATES.es,
    ...WORKFLOW_TEMPLATES.es,
    ...DEAD_END_TEMPLATES.es,
    waiting:
      'Usted es el número {position} en la cola de {team}. La espera estimada es de unos {low}–{high} minutos, y una persona le responderá aquí mismo.',
    waiting_short:
      'Usted es el número {position} en la cola de {team}. Una persona debería responderle aquí en aproximadamente un minuto.',
    long_queue:
      'Usted es el número {position} en la cola de {team} y la espera es de unos {low}–{high} minutos. Puede seguir esperando, pedir que le llamemos a la hora que prefiera o seguir por mensaje: le responderemos aquí, en esta conversación, sin que tenga que quedarse.',
    no_agents:
      'Ahora mismo no hay nadie de {team} disponible, así que todavía no podemos prometerle una hora. Su solicitud está guardada en la cola y una persona le responderá aquí en cuanto quede libre.',
    closed:
      'El equipo de {team} está cerrado ahora. Su solicitud está guardada y una persona le contactará {when}.',
    closed_unknown:
      'El equipo de {team} está cerrado ahora. Su solicitud está guardada y una persona le contactará en cuanto el equipo vuelva.',
    ask_contact: 'Para poder contactarle, déjenos su correo electrónico o su número de teléfono.',
    ask_phone: 'Para poder contactarle, déjenos su número de teléfono.',
    agent_joined: '{agent}, de {team}, se ha unido a la conversación y puede ver todo lo anterior.',
    agent_left:
      '{agent} ha tenido que ausentarse. Usted conserva su lugar en la cola y la próxima persona de {team} continuará aquí con toda la conversación.',
    context_kept: 'Verán todo lo que hemos hablado, así que no tendrá que repetir nada.',
  },
  de: {
    ...WAITING_ROOM_TEMPLATES.de,
    ...WORKFLOW_TEMPLATES.de,
    ...DEAD_END_TEMPLATES.de,
    waiting:
      'Sie sind Nummer {position} in der Warteschlange von {team}. Die geschätzte Wartezeit beträgt etwa {low}–{high} Minuten; eine Person antwortet Ihnen direkt hier.',
    waiting_short:
      'Sie sind Nummer {position} in der Warteschlange von {team}. Eine Person sollte Ihnen hier in etwa einer Minute antworten.',
    long_queue:
      'Sie sind Nummer {position} in der Warteschlange von {team}; die Wartezeit beträgt etwa {low}–{high} Minuten. Sie können weiter warten, einen Rückruf zu einer passenden Zeit anfordern oder per Nachricht weitermachen: Wir antworten hier in diesem Gespräch, Sie müssen nicht dabeibleiben.',
    no_agents:
      'Im Moment ist niemand von {team} erreichbar, daher können wir noch keine Zeit versprechen. Ihre Anfrage ist in der Warteschlange gespeichert, und eine Person antwortet hier, sobald jemand frei ist.',
    closed:
      'Das Team {team} ist gerade nicht besetzt. Ihre Anfrage ist gespeichert, und eine Person meldet sich {when}.',
    closed_unknown:
      'Das Team {team} ist gerade nicht besetzt. Ihre Anfrage ist gespeichert, und eine Person meldet sich, sobald das Team wieder da ist.',
    ask_contact:
      'Damit wir Sie dann erreichen, hinterlassen Sie bitte Ihre E-Mail-Adresse oder Telefonnummer.',
    ask_phone: 'Damit wir Sie dann erreichen, hinterlassen Sie bitte Ihre Telefonnummer.',
    agent_joined:
      '{agent} von {team} ist dem Gespräch beigetreten und sieht den bisherigen Verlauf.',
    agent_left:
      '{agent} musste das Gespräch verlassen. Sie behalten Ihren Platz in der Warteschlange, und die nächste Person von {team} macht hier mit dem ganzen Verlauf weiter.',
    context_kept: 'Sie sehen alles, was wir besprochen haben, Sie müssen also nichts wiederholen.',
  },
  fr: {
    ...WAITING_ROOM_TEMPLATES.fr,
    ...WORKFLOW_TEMPLATES.fr,
    ...DEAD_END_TEMPLATES.fr,
    waiting:
      'Vous êtes numéro {position} dans la file d’attente de {team}. L’attente estimée est d’environ {low} à {high} minutes, et une personne vous répondra ici même.',
    waiting_short:
      'Vous êtes numéro {position} dans la file d’attente de {team}. Une personne devrait vous répondre ici d’ici une minute environ.',
    long_queue:
      'Vous êtes numéro {position} dans la file d’attente de {team}, et l’attente est d’environ {low} à {high} minutes. Vous pouvez continuer à attendre, demander à être rappelé à l’heure qui vous convient, ou continuer par message : nous vous répondrons ici, dans cette conversation, sans que vous ayez à rester.',
    no_agents:
      'Personne de {team} n’est disponible pour le moment, nous ne pouvons donc pas encore promettre d’heure. Votre demande est enregistrée dans la file, et une personne vous répondra ici dès qu’elle sera libre.',
    closed:
      'L’équipe {team} est fermée pour le moment. Votre demande est enregistrée, et une personne reviendra vers vous {when}.',
    closed_unknown:
      'L’équipe {team} est fermée pour le moment. Votre demande est enregistrée, et une personne reviendra vers vous dès le retour de l’équipe.',
    ask_contact:
      'Pour que nous puissions vous joindre, laissez-nous votre adresse e-mail ou votre numéro de téléphone.',
    ask_phone: 'Pour que nous puissions vous joindre, laissez-nous votre numéro de téléphone.',
    agent_joined: '{agent} de l’équipe {team} a rejoint la conversation et voit tout l’historique.',
    agent_left:
      '{agent} a dû s’absenter. Vous gardez votre place dans la file, et la prochaine personne de {team} continuera ici avec toute la conversation.',
    context_kept: "Ils verront tout ce que nous avons échangé : vous n'aurez rien à répéter.",
  },
  pt: {
    ...WAITING_ROOM_TEMPLATES.pt,
    ...WORKFLOW_TEMPLATES.pt,
    ...DEAD_END_TEMPLATES.pt,
    waiting:
      'Você é o número {position} na fila de {team}. A espera estimada é de cerca de {low}–{high} minutos, e uma pessoa vai responder aqui mesmo.',
    waiting_short:
      'Você é o número {position} na fila de {team}. Uma pessoa deve responder aqui em cerca de um minuto.',
    long_queue:
      'Você é o número {position} na fila de {team}, e a espera é de cerca de {low}–{high} minutos. Você pode continuar esperando, pedir uma ligação no horário que preferir, ou seguir por mensagem: responderemos aqui, nesta conversa, sem que você precise ficar.',
    no_agents:
      'No momento não há ninguém de {team} disponível, por isso ainda não podemos prometer um horário. Seu pedido está salvo na fila, e uma pessoa responderá aqui assim que estiver livre.',
    closed:
      'A equipe de {team} está fechada agora. Seu pedido está salvo, e uma pessoa entrará em contato {when}.',
    closed_unknown:
      'A equipe de {team} está fechada agora. Seu pedido está salvo, e uma pessoa entrará em contato assim que a equipe voltar.',
    ask_contact: 'Para que possamos falar com você, deixe seu e-mail ou número de telefone.',
    ask_phone: 'Para que possamos falar com você, deixe seu número de telefone.',
    agent_joined: '{agent}, de {team}, entrou na conversa e pode ver tudo até aqui.',
    agent_left:
      '{agent} precisou sair. Você mantém seu lugar na fila, e a próxima pessoa de {team} continuará aqui com toda a conversa.',
    context_kept: 'Eles verão tudo o que conversamos, então você não vai precisar repetir nada.',
  },
});

/** The message language for a conversation language ("pt-BR" → "pt"); English when unsupported. */
export function messageLanguage(language: string): MessageLanguage {
  const base = language.toLowerCase().split(/[-_]/)[0] ?? '';
  return (MESSAGE_LANGUAGES as readonly string[]).includes(base) ? (base as MessageLanguage) : 'en';
}

/** Fills {name} placeholders; an unknown one is left visible so a broken override is noticed. */
export function fillTemplate(
  template: string,
  params: Readonly<Record<string, string | number>>,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** One template in the customer's language, a queue's override first. */
export function renderTemplate(
  key: TemplateKey,
  language: string,
  params: Readonly<Record<string, string | number>> = {},
  overrides: TemplateOverrides = {},
): string {
  const lang = messageLanguage(language);
  return fillTemplate(overrides[lang]?.[key] ?? DEFAULT_TEMPLATES[lang][key], params);
}
