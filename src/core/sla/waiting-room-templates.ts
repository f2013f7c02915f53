/**
 * What the customer hears while choosing how to wait: the labels of the choices, the
 * callback and "continue by message" dialogue, the details offered on an explicit request,
 * and estimate updates. Merged into `DEFAULT_TEMPLATES`, so a queue overrides them the same
 * way. Extra placeholders: {phone} {email} {zone}.
 */
import type { MessageLanguage } from './message-templates.ts';

export const WAITING_ROOM_KEYS = [
  'choice_wait',
  'choice_callback',
  'choice_message',
  'choice_connect_now',
  'choice_share_details',
  'choice_skip',
  'choices_type_hint',
  'choices_menu',
  'wait_kept',
  'explicit_options',
  'connect_now_kept',
  'details_thanks',
  'callback_ask_phone',
  'callback_bad_phone',
  'callback_ask_time',
  'callback_bad_time',
  'callback_confirmed',
  'callback_due',
  'message_ask_email',
  'message_bad_email',
  'message_confirmed_email',
  'message_confirmed_here',
  'choice_stale',
  'choice_expired',
  'estimate_update',
  'estimate_update_short',
  'contact_saved_email',
  'contact_saved_phone',
  'contact_bad',
] as const;

export type WaitingRoomKey = (typeof WAITING_ROOM_KEYS)[number];

export const WAITING_ROOM_TEMPLATES: Readonly<
  Record<MessageLanguage, Readonly<Record<WaitingRoomKey, string>>>
> = {
  en: {
    choice_wait: 'Keep waiting',
    choice_callback: 'Call me back',
    choice_message: 'Continue by message',
    choice_connect_now: 'Connect now',
    choice_share_details: 'Share details first',
    choice_skip: 'Skip',
    choices_type_hint: 'Reply with the number:',
    choices_menu: 'Choose',
    wait_kept: 'Good: you keep your place in the queue for {team}, and a person will reply here.',
    explicit_options:
      'If you like, you can share a few details first so {team} can start right away. You keep your place in the queue either way.',
    connect_now_kept: 'Fine: you stay in the queue as you are, and a person will reply here.',
    details_thanks: 'Thank you. {team} will see this, and you keep your place in the queue.',
    callback_ask_phone: 'Which phone number should we call? Please include the country code.',
    callback_bad_phone:
      'That does not look like a phone number. Please write it with the country code, e.g. +44 7700 900123.',
    callback_ask_time:
      'When should we call {phone}? Choose a time below or write one, e.g. “at 15:30” ({zone}).',
    callback_bad_time:
      'I could not read that as a time when {team} is open. Please choose one of the times offered or write one like “at 15:30” ({zone}).',
    callback_confirmed:
      'Done: a person from {team} will call {phone} {when}. Your request keeps its priority, and this conversation stays open here.',
    callback_due:
      'It is time for your callback: a person from {team} will call {phone} shortly, and can also reply here.',
    message_ask_email:
      'Where should we send the answer? Please leave your email address; then you can close this window.',
    message_bad_email:
      'That does not look like an email address. Please check it, e.g. name@example.com.',
    message_confirmed_email:
      'Done: a person from {team} will answer here and by email to {email}. You do not need to stay.',
    message_confirmed_here:
      'Done: a person from {team} will answer right here in this conversation. You do not need to stay.',
    choice_stale:
      'That option no longer applies: {agent} is already with you and can see your message.',
    choice_expired: 'That option is no longer open, so nothing has changed.',
    estimate_update:
      'Update: you are now number {position} in the queue for {team}. The estimated wait is about {low}–{high} minutes.',
    estimate_update_short:
      'Update: you are number {position} in the queue for {team}. A person should reply here in about a minute.',
    contact_saved_email: 'Thank you: a person will answer here and by email to {email}.',
    contact_saved_phone:
      'Thank you: a person will answer here, or call {phone} if you are no longer in this chat.',
    contact_bad:
      'That does not look like an email address or a phone number. Please check it, e.g. name@example.com or +44 7700 900123.',
  },
  es: {
    choice_wait: 'Seguir esperando',
    choice_callback: 'Llámenme',
    choice_message: 'Seguir por mensaje',
    choice_connect_now: 'Conectar ahora',
    choice_share_details: 'Dar detalles antes',
    choice_skip: 'Omitir',
    choices_type_hint: 'Responda con el número:',
    choices_menu: 'Elegir',
    wait_kept: 'Perfecto: conserva su lugar en la cola de {team} y una persona le responderá aquí.',
    explicit_options:
      'Si lo desea, puede darnos algunos detalles antes para que {team} empiece enseguida. Conserva su lugar en la cola en cualquier caso.',
    connect_now_kept: 'De acuerdo: sigue en la cola tal cual y una persona le responderá aquí.',
    details_thanks: 'Gracias. {team} lo verá, y usted conserva su lugar en la cola.',
    callback_ask_phone: '¿A qué número de teléfono le llamamos? Incluya el prefijo del país.',
    callback_bad_phone:
      'Eso no parece un número de teléfono. Escríbalo con el prefijo del país, p. ej. +34 600 123 456.',
    callback_ask_time:
      '¿Cuándo le llamamos al {phone}? Elija una hora o escríbala, p. ej. «a las 15:30» ({zone}).',
    callback_bad_time:
      'No he podido entender esa hora dentro del horario de {team}. Elija una de las horas ofrecidas o escriba una como «a las 15:30» ({zone}).',
    callback_confirmed:
      'Hecho: una persona de {team} llamará al {phone} {when}. Su solicitud conserva su prioridad y esta conversación sigue abierta aquí.',
    callback_due:
      'Es la hora de su llamada: una persona de {team} llamará al {phone} en breve y también puede responderle aquí.',
    message_ask_email:
      '¿Dónde le enviamos la respuesta? Déjenos su correo electrónico y podrá cerrar esta ventana.',
    message_bad_email: 'Eso no parece un correo electrónico. Revíselo, p. ej. nombre@ejemplo.com.',
    message_confirmed_email:
      'Hecho: una persona de {team} le responderá aquí y por correo a {email}. No hace falta que se quede.',
    message_confirmed_here:
      'Hecho: una persona de {team} le responderá aquí mismo, en esta conversación. No hace falta que se quede.',
    choice_stale: 'Esa opción ya no se aplica: {agent} ya está con usted y puede ver su mensaje.',
    choice_expired: 'Esa opción ya no está disponible, así que nada ha cambiado.',
    estimate_update:
      'Novedad: ahora es el número {position} en la cola de {team}. La espera estimada es de unos {low}–{high} minutos.',
    estimate_update_short:
      'Novedad: es el número {position} en la cola de {team}. Una persona debería responderle aquí en aproximadamente un minuto.',
    contact_saved_email: 'Gracias: una persona le responderá aquí y por correo a {email}.',
    contact_saved_phone:
      'Gracias: una persona le responderá aquí, o llamará al {phone} si ya no está en este chat.',
    contact_bad:
      'Eso no parece un correo electrónico ni un número de teléfono. Revíselo, p. ej. nombre@ejemplo.com o +34 600 123 456.',
  },
  de: {
    choice_wait: 'Weiter warten',
    choice_callback: 'Rückruf',
    choice_message: 'Per Nachricht weiter',
    choice_connect_now: 'Jetzt verbinden',
    choice_share_details: 'Erst Details angeben',
    choice_skip: 'Überspringen',
    choices_type_hint: 'Antworten Sie mit der Nummer:',
    choices_menu: 'Auswählen',
    wait_kept:
      'Gut: Sie behalten Ihren Platz in der Warteschlange von {team}, und eine Person antwortet hier.',
    explicit_options:
      'Wenn Sie möchten, können Sie vorher ein paar Details angeben, damit {team} sofort loslegen kann. Ihren Platz in der Warteschlange behalten Sie so oder so.',
    connect_now_kept:
      'In Ordnung: Sie bleiben wie bisher in der Warteschlange, und eine Person antwortet hier.',
    details_thanks: 'Danke. {team} sieht das, und Sie behalten Ihren Platz in der Warteschlange.',
    callback_ask_phone: 'Unter welcher Telefonnummer sollen wir anrufen? Bitte mit Ländervorwahl.',
    callback_bad_phone:
      'Das sieht nicht nach einer Telefonnummer aus. Bitte mit Ländervorwahl angeben, z. B. +49 151 23456789.',
    callback_ask_time:
      'Wann sollen wir {phone} anrufen? Wählen Sie eine Zeit oder schreiben Sie eine, z. B. „um 15:30“ ({zone}).',
    callback_bad_time:
      'Diese Zeit konnte ich keiner Öffnungszeit von {team} zuordnen. Bitte wählen Sie eine der angebotenen Zeiten oder schreiben Sie z. B. „um 15:30“ ({zone}).',
    callback_confirmed:
      'Erledigt: Eine Person von {team} ruft {phone} {when} an. Ihre Anfrage behält ihre Priorität, und dieses Gespräch bleibt hier offen.',
    callback_due:
      'Es ist Zeit für Ihren Rückruf: Eine Person von {team} ruft {phone} gleich an und kann auch hier antworten.',
    message_ask_email:
      'Wohin sollen wir die Antwort schicken? Hinterlassen Sie bitte Ihre E-Mail-Adresse; danach können Sie dieses Fenster schließen.',
    message_bad_email:
      'Das sieht nicht nach einer E-Mail-Adresse aus. Bitte prüfen Sie sie, z. B. name@example.com.',
    message_confirmed_email:
      'Erledigt: Eine Person von {team} antwortet hier und per E-Mail an {email}. Sie müssen nicht dabeibleiben.',
    message_confirmed_here:
      'Erledigt: Eine Person von {team} antwortet direkt hier in diesem Gespräch. Sie müssen nicht dabeibleiben.',
    choice_stale:
      'Diese Option gilt nicht mehr: {agent} ist bereits bei Ihnen und sieht Ihre Nachricht.',
    choice_expired: 'Diese Option ist nicht mehr offen; es hat sich nichts geändert.',
    estimate_update:
      'Neuer Stand: Sie sind jetzt Nummer {position} in der Warteschlange von {team}. Die geschätzte Wartezeit beträgt etwa {low}–{high} Minuten.',
    estimate_update_short:
      'Neuer Stand: Sie sind Nummer {position} in der Warteschlange von {team}. Eine Person sollte Ihnen hier in etwa einer Minute antworten.',
    contact_saved_email: 'Danke: Eine Person antwortet hier und per E-Mail an {email}.',
    contact_saved_phone:
      'Danke: Eine Person antwortet hier oder ruft {phone} an, falls Sie nicht mehr im Chat sind.',
    contact_bad:
      'Das sieht weder nach einer E-Mail-Adresse noch nach einer Telefonnummer aus. Bitte prüfen Sie es, z. B. name@example.com oder +49 151 23456789.',
  },
  fr: {
    choice_wait: 'Continuer à attendre',
    choice_callback: 'Être rappelé',
    choice_message: 'Continuer par message',
    choice_connect_now: 'Me connecter maintenant',
    choice_share_details: 'Donner des détails d’abord',
    choice_skip: 'Passer',
    choices_type_hint: 'Répondez avec le numéro :',
    choices_menu: 'Choisir',
    wait_kept:
      'Très bien : vous gardez votre place dans la file de {team}, et une personne vous répondra ici.',
    explicit_options:
      'Si vous le souhaitez, vous pouvez d’abord donner quelques détails pour que {team} commence tout de suite. Vous gardez votre place dans la file dans tous les cas.',
    connect_now_kept:
      'D’accord : vous restez dans la file tel quel, et une personne vous répondra ici.',
    details_thanks: 'Merci. {team} le verra, et vous gardez votre place dans la file.',
    callback_ask_phone:
      'À quel numéro de téléphone devons-nous vous appeler ? Indiquez l’indicatif du pays.',
    callback_bad_phone:
      'Cela ne ressemble pas à un numéro de téléphone. Écrivez-le avec l’indicatif du pays, par ex. +33 6 12 34 56 78.',
    callback_ask_time:
      'Quand devons-nous appeler le {phone} ? Choisissez une heure ou écrivez-en une, par ex. « à 15:30 » ({zone}).',
    callback_bad_time:
      'Je n’ai pas pu lire cette heure pendant les horaires de {team}. Choisissez une des heures proposées ou écrivez par ex. « à 15:30 » ({zone}).',
    callback_confirmed:
      'C’est noté : une personne de {team} appellera le {phone} {when}. Votre demande garde sa priorité, et cette conversation reste ouverte ici.',
    callback_due:
      'C’est l’heure de votre rappel : une personne de {team} va appeler le {phone} sous peu, et peut aussi vous répondre ici.',
    message_ask_email:
      'Où devons-nous envoyer la réponse ? Laissez votre adresse e-mail ; vous pourrez ensuite fermer cette fenêtre.',
    message_bad_email:
      'Cela ne ressemble pas à une adresse e-mail. Vérifiez-la, par ex. nom@exemple.com.',
    message_confirmed_email:
      'C’est noté : une personne de {team} vous répondra ici et par e-mail à {email}. Vous n’avez pas besoin de rester.',
    message_confirmed_here:
      'C’est noté : une personne de {team} vous répondra ici même, dans cette conversation. Vous n’avez pas besoin de rester.',
    choice_stale:
      'Cette option ne s’applique plus : {agent} est déjà avec vous et voit votre message.',
    choice_expired: 'Cette option n’est plus ouverte ; rien n’a changé.',
    estimate_update:
      'Mise à jour : vous êtes maintenant numéro {position} dans la file de {team}. L’attente estimée est d’environ {low} à {high} minutes.',
    estimate_update_short:
      'Mise à jour : vous êtes numéro {position} dans la file de {team}. Une personne devrait vous répondre ici d’ici une minute environ.',
    contact_saved_email: 'Merci : une personne vous répondra ici et par e-mail à {email}.',
    contact_saved_phone:
      'Merci : une personne vous répondra ici, ou appellera le {phone} si vous n’êtes plus dans ce chat.',
    contact_bad:
      'Cela ne ressemble ni à une adresse e-mail ni à un numéro de téléphone. Vérifiez, par ex. nom@exemple.com ou +33 6 12 34 56 78.',
  },
  pt: {
    choice_wait: 'Continuar esperando',
    choice_callback: 'Ligar para mim',
    choice_message: 'Seguir por mensagem',
    choice_connect_now: 'Conectar agora',
    choice_share_details: 'Dar detalhes antes',
    choice_skip: 'Pular',
    choices_type_hint: 'Responda com o número:',
    choices_menu: 'Escolher',
    wait_kept: 'Certo: você mantém seu lugar na fila de {team}, e uma pessoa vai responder aqui.',
    explicit_options:
      'Se quiser, pode dar alguns detalhes antes para que {team} comece logo. Você mantém seu lugar na fila de qualquer forma.',
    connect_now_kept: 'Tudo bem: você continua na fila como está, e uma pessoa vai responder aqui.',
    details_thanks: 'Obrigado. {team} verá isso, e você mantém seu lugar na fila.',
    callback_ask_phone: 'Para qual número devemos ligar? Inclua o código do país.',
    callback_bad_phone:
      'Isso não parece um número de telefone. Escreva com o código do país, por ex. +55 11 91234 5678.',
    callback_ask_time:
      'Quando devemos ligar para {phone}? Escolha um horário ou escreva um, por ex. “às 15:30” ({zone}).',
    callback_bad_time:
      'Não consegui entender esse horário dentro do expediente de {team}. Escolha um dos horários oferecidos ou escreva um como “às 15:30” ({zone}).',
    callback_confirmed:
      'Pronto: uma pessoa de {team} vai ligar para {phone} {when}. Seu pedido mantém a prioridade, e esta conversa continua aberta aqui.',
    callback_due:
      'Chegou a hora da sua ligação: uma pessoa de {team} vai ligar para {phone} em breve, e também pode responder aqui.',
    message_ask_email:
      'Para onde enviamos a resposta? Deixe seu e-mail; depois pode fechar esta janela.',
    message_bad_email: 'Isso não parece um e-mail. Confira, por ex. nome@exemplo.com.',
    message_confirmed_email:
      'Pronto: uma pessoa de {team} vai responder aqui e por e-mail para {email}. Você não precisa ficar.',
    message_confirmed_here:
      'Pronto: uma pessoa de {team} vai responder aqui mesmo, nesta conversa. Você não precisa ficar.',
    choice_stale:
      'Essa opção não se aplica mais: {agent} já está com você e pode ver sua mensagem.',
    choice_expired: 'Essa opção não está mais aberta, então nada mudou.',
    estimate_update:
      'Atualização: agora você é o número {position} na fila de {team}. A espera estimada é de cerca de {low}–{high} minutos.',
    estimate_update_short:
      'Atualização: você é o número {position} na fila de {team}. Uma pessoa deve responder aqui em cerca de um minuto.',
    contact_saved_email: 'Obrigado: uma pessoa vai responder aqui e por e-mail para {email}.',
    contact_saved_phone:
      'Obrigado: uma pessoa vai responder aqui, ou ligar para {phone} se você não estiver mais neste chat.',
    contact_bad:
      'Isso não parece um e-mail nem um número de telefone. Confira, por ex. nome@exemplo.com ou +55 11 91234 5678.',
  },
};
