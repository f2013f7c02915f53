/**
 * Every word the server says to a customer in European Portuguese: its own catalogue, not
 * Brazilian forms. The customer is addressed in the third person without "você" ("pode",
 * "o seu pedido", "contactá-lo"), with Portugal's words (equipa, telemóvel, contacto,
 * encomenda, aguardar, chamada, saltar, guardado).
 */
import type { CustomerStrings } from './customer-en.ts';

export const CUSTOMER_PT_PT: CustomerStrings = {
  // The greeting
  greeting_web:
    'Olá! Sou {bot}, um assistente automático: um bot, não uma pessoa. Posso ajudar com encomendas, envios, devoluções, pagamentos e a sua conta. Se preferir falar com uma pessoa, prima “{button}” ou diga-o, a qualquer momento.',
  greeting_reply:
    'Olá! Sou {bot}, um assistente automático: um bot, não uma pessoa. Posso ajudar com encomendas, envios, devoluções, pagamentos e a sua conta. Se preferir falar com uma pessoa, responda “{word}” a qualquer momento.',
  greeting_write:
    'Olá! Sou {bot}, um assistente automático: um bot, não uma pessoa. Posso ajudar com encomendas, envios, devoluções, pagamentos e a sua conta. Se preferir falar com uma pessoa, escreva “{word}” ou diga-o, a qualquer momento.',
  reach_word: 'operador',
  greeting_voice:
    'Olá, fala {bot}, um assistente automático: um bot, não uma pessoa. Posso ajudar com encomendas, envios, devoluções, pagamentos e a sua conta. Se preferir falar com uma pessoa, diga “{word}” a qualquer momento. Como posso ajudar?',
  voice_not_heard: 'Desculpe, não percebi. Pode repetir, por favor?',
  voice_voicemail_offer:
    'Se quiser, deixe uma mensagem depois do sinal e desligue quando terminar. Será juntada ao seu pedido.',
  voice_voicemail_saved: 'Obrigado, a sua mensagem ficou guardada. Até breve.',
  voice_callback_word: 'liguem-me',
  voice_callback_offer:
    'Se preferir não aguardar, prima 1 ou diga «{word}», e uma pessoa de {team} liga-lhe de volta para este número.',
  voice_callback_confirmed:
    'Feito: uma pessoa de {team} vai ligar-lhe para este número, terminado em {digits}, assim que alguém estiver livre. Mantém o seu lugar na fila, por isso já pode desligar. Até breve.',
  voice_call_back_greeting:
    'Olá, fala {company}, estamos a ligar-lhe a propósito do seu pedido. Vou passar a chamada agora a {agent}.',

  // Waiting, closed, joined and left
  waiting:
    'É o número {position} na fila de {team}. A espera estimada é de cerca de {low}–{high} minutos, e uma pessoa irá responder-lhe aqui mesmo.',
  waiting_short:
    'É o número {position} na fila de {team}. Uma pessoa deverá responder-lhe aqui dentro de cerca de um minuto.',
  long_queue:
    'É o número {position} na fila de {team}, e a espera é de cerca de {low}–{high} minutos. Pode continuar a aguardar, pedir que lhe liguemos à hora que preferir, ou continuar por mensagem: respondemos aqui, nesta conversa, sem que precise de ficar.',
  no_agents:
    'Neste momento não está ninguém de {team} disponível, por isso ainda não podemos prometer uma hora. O seu pedido está guardado na fila, e uma pessoa responderá aqui assim que estiver livre.',
  closed:
    'A equipa de {team} está fechada neste momento. O seu pedido está guardado, e uma pessoa entrará em contacto {when}.',
  closed_unknown:
    'A equipa de {team} está fechada neste momento. O seu pedido está guardado, e uma pessoa entrará em contacto assim que a equipa regressar.',
  ask_contact: 'Para o podermos contactar, deixe o seu e-mail ou número de telemóvel.',
  ask_phone: 'Para o podermos contactar, deixe o seu número de telemóvel.',
  agent_joined: '{agent}, de {team}, juntou-se à conversa e consegue ver tudo até aqui.',
  agent_left:
    '{agent} teve de sair. Mantém o seu lugar na fila, e a próxima pessoa de {team} continuará aqui com toda a conversa.',
  context_kept: 'Verão tudo o que falámos, por isso não precisa de repetir nada.',
  team_open_resumed:
    'A nossa equipa já está disponível. O seu pedido é o primeiro da fila, e uma pessoa irá responder-lhe aqui mesmo.',
  our_team: 'a nossa equipa',

  // Follow-up times
  follow_up_day: '{day} às {time}',
  follow_up_weekday: '{day} às {time}',
  follow_up_date: 'a {day} às {time}',

  // The waiting room
  choice_wait: 'Continuar a aguardar',
  choice_callback: 'Liguem-me',
  choice_message: 'Continuar por mensagem',
  choice_connect_now: 'Ligar agora',
  choice_share_details: 'Dar detalhes primeiro',
  choice_skip: 'Saltar',
  choices_type_hint: 'Responda com o número:',
  choices_menu: 'Escolher',
  wait_kept: 'Certo: mantém o seu lugar na fila de {team}, e uma pessoa irá responder-lhe aqui.',
  explicit_options:
    'Se quiser, pode dar primeiro alguns detalhes para que {team} comece de imediato. Mantém o seu lugar na fila em qualquer caso.',
  connect_now_kept:
    'Muito bem: continua na fila tal como está, e uma pessoa irá responder-lhe aqui.',
  details_thanks: 'Obrigado. {team} verá isto, e mantém o seu lugar na fila.',
  callback_ask_phone: 'Para que número de telefone devemos ligar? Inclua o indicativo do país.',
  callback_bad_phone:
    'Isso não parece um número de telefone. Escreva-o com o indicativo do país, por ex. +351 912 345 678.',
  callback_ask_time:
    'Quando devemos ligar para o {phone}? Escolha uma hora ou escreva uma, por ex. “às 15:30” ({zone}).',
  callback_bad_time:
    'Não consegui perceber essa hora dentro do horário de {team}. Escolha uma das horas propostas ou escreva uma como “às 15:30” ({zone}).',
  callback_confirmed:
    'Feito: uma pessoa de {team} vai ligar para o {phone} {when}. O seu pedido mantém a prioridade, e esta conversa continua aberta aqui.',
  callback_due:
    'Chegou a hora da sua chamada: uma pessoa de {team} vai ligar para o {phone} dentro de momentos, e também pode responder-lhe aqui.',
  message_ask_email:
    'Para onde enviamos a resposta? Deixe o seu e-mail; depois pode fechar esta janela.',
  message_bad_email: 'Isso não parece um e-mail. Verifique-o, por ex. nome@exemplo.pt.',
  message_confirmed_email:
    'Feito: uma pessoa de {team} irá responder-lhe aqui e por e-mail para {email}. Não precisa de ficar.',
  message_confirmed_here:
    'Feito: uma pessoa de {team} irá responder-lhe aqui mesmo, nesta conversa. Não precisa de ficar.',
  choice_stale:
    'Essa opção já não se aplica: {agent} já está consigo e consegue ver a sua mensagem.',
  choice_expired: 'Essa opção já não está disponível, por isso nada mudou.',
  estimate_update:
    'Atualização: é agora o número {position} na fila de {team}. A espera estimada é de cerca de {low}–{high} minutos.',
  estimate_update_short:
    'Atualização: é o número {position} na fila de {team}. Uma pessoa deverá responder-lhe aqui dentro de cerca de um minuto.',
  contact_saved_email: 'Obrigado: uma pessoa irá responder-lhe aqui e por e-mail para {email}.',
  contact_saved_phone:
    'Obrigado: uma pessoa irá responder-lhe aqui, ou ligar para o {phone} se já não estiver nesta conversa.',
  contact_bad:
    'Isso não parece um e-mail nem um número de telefone. Verifique, por ex. nome@exemplo.pt ou +351 912 345 678.',

  // People acting on the conversation
  overflowed:
    'Ninguém de {from} conseguiu responder a tempo, por isso o seu pedido passou para {to}, que também o pode ajudar. É o número {position} na fila dessa equipa, e ela vê toda a conversa.',
  transferred:
    'Vou passá-lo para a nossa equipa de {team}. Vão ver toda a nossa conversa, por isso não precisa de repetir nada.',
  transferred_to_agent:
    'Vou passá-lo para {agent}, que vai continuar aqui. {agent} vê toda a nossa conversa, por isso não precisa de repetir nada.',
  returned_to_bot:
    '{agent} devolveu-o a mim, o assistente automático. Posso ajudar com mais alguma coisa? Pode pedir uma pessoa de novo a qualquer momento.',
  resolved: 'Esta conversa foi marcada como resolvida. Obrigado pelo contacto!',
  agent_silent_requeued:
    '{agent} não conseguiu responder, por isso o seu pedido voltou para {team} com mais prioridade: é o número {position}. A próxima pessoa vê toda a conversa.',
  promise_broken:
    'Pedimos desculpa: dissemos que alguém responderia até agora e ainda ninguém o fez. É o número {position} em {team}; a espera é agora de cerca de {low}–{high} minutos. Pode continuar a aguardar, pedir uma chamada, ou continuar por mensagem e respondemos aqui.',

  // The satisfaction survey
  csat_request: 'Como correu? Avalie esta conversa de 1 (mau) a 5 (excelente).',
  csat_reply_hint: 'Responda com o número e, se quiser, um comentário.',
  csat_thanks: 'Obrigado pela sua avaliação. Ajuda-nos a melhorar.',

  // Intake questions
  intake_lead: 'Para o encaminhar para a pessoa certa com tudo o que ela precisa:',
  intake_skip: 'Também pode dizer “saltar”, e uma pessoa continua a partir daqui.',
  intake_generic: 'Pode indicar-me o seu {field}?',
  intake_order_id: 'Qual é o número da sua encomenda?',
  intake_email: 'Que e-mail está associado à sua conta?',
  intake_account_id: 'Qual é o ID da sua conta? Começa por ACC-.',
  intake_amount: 'De que montante se trata?',
  intake_phone: 'Em que número de telemóvel o podemos contactar?',

  // The bot
  bot_hedge: 'Acho que é isto que procura:',
  bot_source: 'Fonte',
  bot_clarify:
    'Sou um assistente automático e não tenho a certeza de ter percebido. A sua pergunta é sobre "{first}" ou sobre "{second}"? Também pode pedir para falar com uma pessoa a qualquer momento.',
  bot_no_answer:
    'Sou um assistente automático e não consigo responder a isso. Se quiser, uma pessoa da nossa equipa pode ajudar: basta pedir para falar com uma pessoa.',
  bot_empty_question:
    'Sou um assistente automático. O que gostaria de saber? Pode fazer a sua pergunta por palavras suas ou pedir para falar com uma pessoa a qualquer momento.',
  bot_small_talk_greeting:
    'Olá! Sou um assistente automático. Faça-me uma pergunta e procuro a resposta nos nossos artigos de ajuda. Pode pedir para falar com uma pessoa a qualquer momento.',
  bot_small_talk_thanks: 'De nada! Posso ajudar em mais alguma coisa?',
  bot_small_talk_goodbye: 'Adeus, e obrigado pelo contacto!',
  bot_small_talk_ack: 'Ótimo! Posso ajudar em mais alguma coisa?',
  unsupported_message:
    'Ainda não consigo abrir esse tipo de mensagem. Pode descrevê-la por escrito?',

  // Email that continues a chat
  email_continue_subject: 'A sua conversa com {team}',
  email_continue_intro:
    'Esta mensagem continua a conversa que iniciou connosco a {started}{preview}. Responda a este e-mail para continuar; a sua resposta chega à mesma conversa.',
  email_transcript_intro: 'A sua conversa connosco, iniciada a {started}, tal como pediu.',
  transcript_you: 'Cliente',
  transcript_bot: 'Assistente',
};
