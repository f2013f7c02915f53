/** Every word the server says to a customer in Spanish, always in "usted". */
import type { CustomerStrings } from './customer-en.ts';

export const CUSTOMER_ES: CustomerStrings = {
  // The greeting
  greeting_web:
    '¡Hola! Soy {bot}, un asistente automático: un bot, no una persona. Puedo ayudarle con pedidos, envíos, devoluciones, pagos y su cuenta. Si prefiere hablar con una persona, pulse «{button}» o dígalo, en cualquier momento.',
  greeting_reply:
    '¡Hola! Soy {bot}, un asistente automático: un bot, no una persona. Puedo ayudarle con pedidos, envíos, devoluciones, pagos y su cuenta. Si prefiere hablar con una persona, responda «{word}» en cualquier momento.',
  greeting_write:
    '¡Hola! Soy {bot}, un asistente automático: un bot, no una persona. Puedo ayudarle con pedidos, envíos, devoluciones, pagos y su cuenta. Si prefiere hablar con una persona, escriba «{word}» o dígalo, en cualquier momento.',
  reach_word: 'agente',
  greeting_voice:
    'Hola, soy {bot}, un asistente automático: un bot, no una persona. Puedo ayudarle con pedidos, envíos, devoluciones, pagos y su cuenta. Si prefiere hablar con una persona, diga «{word}» en cualquier momento. ¿En qué puedo ayudarle?',
  voice_not_heard: 'Perdone, no le he entendido. ¿Puede repetirlo?',
  voice_voicemail_offer:
    'Si lo desea, deje un mensaje después de la señal y cuelgue al terminar. Se añadirá a su solicitud.',
  voice_voicemail_saved: 'Gracias, su mensaje se ha guardado. Hasta luego.',
  voice_callback_word: 'llámenme',
  voice_callback_offer:
    'Si prefiere no esperar, pulse 1 o diga «{word}», y una persona de {team} le devolverá la llamada a este número.',
  voice_callback_confirmed:
    'Hecho: una persona de {team} le llamará a este número, terminado en {digits}, en cuanto haya alguien libre. Conserva su lugar en la cola, así que ya puede colgar. Hasta luego.',
  voice_call_back_greeting:
    'Hola, le llamamos de {company} por su solicitud. Le paso ahora con {agent}.',

  // Waiting, closed, joined and left
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
  team_open_resumed:
    'Nuestro equipo ya está disponible. Su solicitud es la primera de la cola y una persona le responderá aquí mismo.',
  our_team: 'nuestro equipo',

  // Follow-up times
  follow_up_day: '{day} a las {time}',
  follow_up_weekday: 'el {day} a las {time}',
  follow_up_date: 'el {day} a las {time}',

  // The waiting room
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

  // People acting on the conversation
  overflowed:
    'Nadie de {from} ha podido responder a tiempo, así que su solicitud ha pasado a {to}, que también puede ayudarle. Usted es el número {position} en su fila y verán toda la conversación.',
  transferred:
    'Le paso con nuestro equipo de {team}. Verán toda nuestra conversación, así que no tendrá que repetir nada.',
  transferred_to_agent:
    'Le paso con {agent}, que continuará aquí. Verá toda nuestra conversación, así que no tendrá que repetir nada.',
  returned_to_bot:
    '{agent} le ha devuelto a mí, el asistente automático. ¿Puedo ayudarle con algo más? Puede volver a pedir una persona en cualquier momento.',
  resolved: 'Esta conversación se ha marcado como resuelta. ¡Gracias por escribirnos!',
  agent_silent_requeued:
    '{agent} no ha podido responder, así que su solicitud vuelve a {team} con más prioridad: usted es el número {position}. La siguiente persona verá toda la conversación.',
  promise_broken:
    'Lo sentimos: dijimos que alguien respondería ya y aún nadie lo ha hecho. Usted es el número {position} para {team}; la espera ahora es de unos {low}–{high} minutos. Puede seguir esperando, pedir que le llamemos o continuar por mensaje y le responderemos aquí.',

  // The satisfaction survey
  csat_request: '¿Qué tal lo hicimos? Valore esta conversación de 1 (mal) a 5 (excelente).',
  csat_reply_hint: 'Responda con el número y, si lo desea, un comentario.',
  csat_thanks: 'Gracias por su valoración. Nos ayuda a mejorar.',

  // Intake questions
  intake_lead: 'Para pasarle a la persona adecuada con todo lo que necesita:',
  intake_skip: 'También puede decir «omitir» y una persona seguirá desde aquí.',
  intake_generic: '¿Podría indicarme su {field}?',
  intake_order_id: '¿Cuál es su número de pedido?',
  intake_email: '¿Qué correo electrónico tiene su cuenta?',
  intake_account_id: '¿Cuál es su ID de cuenta? Empieza por ACC-.',
  intake_amount: '¿De qué importe se trata?',
  intake_phone: '¿En qué número de teléfono podemos localizarle?',

  // The bot
  bot_hedge: 'Creo que esto es lo que busca:',
  bot_source: 'Fuente',
  bot_clarify:
    'Soy un asistente automático y no estoy seguro de haberle entendido. ¿Su pregunta es sobre «{first}» o sobre «{second}»? También puede pedir hablar con una persona en cualquier momento.',
  bot_no_answer:
    'Soy un asistente automático y no puedo responder a eso. Si lo desea, una persona de nuestro equipo puede ayudarle: solo pida hablar con una persona.',
  bot_empty_question:
    'Soy un asistente automático. ¿Qué le gustaría saber? Puede hacerme una pregunta con sus propias palabras o pedir hablar con una persona en cualquier momento.',
  bot_small_talk_greeting:
    '¡Hola! Soy un asistente automático. Hágame una pregunta y la buscaré en nuestros artículos de ayuda. Puede pedir hablar con una persona en cualquier momento.',
  bot_small_talk_thanks: '¡De nada! ¿Puedo ayudarle en algo más?',
  bot_small_talk_goodbye: '¡Adiós y gracias por escribirnos!',
  bot_small_talk_ack: '¡Genial! ¿Puedo ayudarle en algo más?',
  unsupported_message: 'Todavía no puedo abrir ese tipo de mensaje. ¿Podría describirlo con texto?',

  // Email that continues a chat
  email_continue_subject: 'Su conversación con {team}',
  email_continue_intro:
    'Esto continúa el chat que inició con nosotros el {started}{preview}. Responda a este correo para contestar; su respuesta llega a la misma conversación.',
  email_transcript_intro: 'Su conversación con nosotros, iniciada el {started}, tal como la pidió.',
  transcript_you: 'Usted',
  transcript_bot: 'Asistente',
};
