/**
 * Every word the server says to a customer in Brazilian Portuguese, with "você" and Brazil's
 * words (equipe, contato, ligação, salvo, pular).
 */
import type { CustomerStrings } from './customer-en.ts';

export const CUSTOMER_PT_BR: CustomerStrings = {
  // The greeting
  greeting_web:
    'Olá! Eu sou {bot}, um assistente automático: um bot, não uma pessoa. Posso ajudar com pedidos, entregas, devoluções, pagamentos e sua conta. Se você preferir falar com uma pessoa, toque em “{button}” ou é só dizer, a qualquer momento.',
  greeting_reply:
    'Olá! Eu sou {bot}, um assistente automático: um bot, não uma pessoa. Posso ajudar com pedidos, entregas, devoluções, pagamentos e sua conta. Se você preferir falar com uma pessoa, responda “{word}” a qualquer momento.',
  greeting_write:
    'Olá! Eu sou {bot}, um assistente automático: um bot, não uma pessoa. Posso ajudar com pedidos, entregas, devoluções, pagamentos e sua conta. Se você preferir falar com uma pessoa, escreva “{word}” ou é só dizer, a qualquer momento.',
  reach_word: 'atendente',
  greeting_voice:
    'Olá, aqui é {bot}, um assistente automático: um bot, não uma pessoa. Posso ajudar com pedidos, entregas, devoluções, pagamentos e sua conta. Se preferir falar com uma pessoa, diga “{word}” a qualquer momento. Como posso ajudar?',
  voice_not_heard: 'Desculpe, não entendi. Pode repetir, por favor?',
  voice_voicemail_offer:
    'Se quiser, deixe uma mensagem depois do sinal e desligue quando terminar. Ela será adicionada à sua solicitação.',
  voice_voicemail_saved: 'Obrigado, sua mensagem foi salva. Até logo.',
  voice_callback_word: 'me liguem',
  voice_callback_offer:
    'Se preferir não esperar, pressione 1 ou diga “{word}”, e uma pessoa de {team} vai ligar de volta para este número.',
  voice_callback_confirmed:
    'Pronto: uma pessoa de {team} vai ligar para este número, terminado em {digits}, assim que alguém estiver livre. Você mantém seu lugar na fila, então já pode desligar. Até logo.',
  voice_call_back_greeting:
    'Olá, aqui é {company}, retornando o contato sobre a sua solicitação. Vou transferir você agora para {agent}.',

  // Waiting, closed, joined and left
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
  team_open_resumed:
    'Nossa equipe já está atendendo. Seu pedido é o primeiro da fila, e uma pessoa vai responder aqui mesmo.',
  our_team: 'nossa equipe',

  // Follow-up times
  follow_up_day: '{day} às {time}',
  follow_up_weekday: '{day} às {time}',
  follow_up_date: 'em {day} às {time}',

  // The waiting room
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
    'Se quiser, você pode dar alguns detalhes antes para que {team} comece logo. Você mantém seu lugar na fila de qualquer forma.',
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
    'Para onde enviamos a resposta? Deixe seu e-mail; depois você pode fechar esta janela.',
  message_bad_email: 'Isso não parece um e-mail. Confira, por ex. nome@exemplo.com.',
  message_confirmed_email:
    'Pronto: uma pessoa de {team} vai responder aqui e por e-mail para {email}. Você não precisa ficar.',
  message_confirmed_here:
    'Pronto: uma pessoa de {team} vai responder aqui mesmo, nesta conversa. Você não precisa ficar.',
  choice_stale: 'Essa opção não se aplica mais: {agent} já está com você e pode ver sua mensagem.',
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

  // People acting on the conversation
  overflowed:
    'Ninguém de {from} conseguiu responder a tempo, então seu pedido passou para {to}, que também pode ajudar. Você é o número {position} na fila dessa equipe, e ela vê toda a conversa.',
  transferred:
    'Vou passar você para a nossa equipe de {team}. Eles vão ver toda a nossa conversa, então você não vai precisar repetir nada.',
  transferred_to_agent:
    'Vou passar você para {agent}, que vai continuar aqui. {agent} vê toda a nossa conversa, então você não vai precisar repetir nada.',
  returned_to_bot:
    '{agent} passou você de volta para mim, o assistente automático. Posso ajudar com mais alguma coisa? Você pode pedir uma pessoa de novo a qualquer momento.',
  resolved: 'Esta conversa foi marcada como resolvida. Obrigado pelo contato!',
  agent_silent_requeued:
    '{agent} não conseguiu responder, então seu pedido voltou para {team} com mais prioridade: você é o número {position}. A próxima pessoa vê toda a conversa.',
  promise_broken:
    'Desculpe: dissemos que alguém responderia até agora, e ninguém respondeu ainda. Você é o número {position} em {team}; a espera agora é de cerca de {low}–{high} minutos. Você pode continuar esperando, pedir uma ligação ou seguir por mensagem, e responderemos aqui.',

  // The satisfaction survey
  csat_request: 'Como foi o atendimento? Avalie esta conversa de 1 (ruim) a 5 (excelente).',
  csat_reply_hint: 'Responda com o número e, se quiser, um comentário.',
  csat_thanks: 'Obrigado pela sua avaliação. Ela nos ajuda a melhorar.',

  // Intake questions
  intake_lead: 'Para encaminhar você à pessoa certa com tudo o que ela precisa:',
  intake_skip: 'Você também pode dizer “pular”, e uma pessoa continua daqui.',
  intake_generic: 'Pode me informar seu {field}?',
  intake_order_id: 'Qual é o número do seu pedido?',
  intake_email: 'Qual e-mail está na sua conta?',
  intake_account_id: 'Qual é o ID da sua conta? Começa com ACC-.',
  intake_amount: 'De que valor se trata?',
  intake_phone: 'Em que número de telefone podemos falar com você?',

  // The bot
  bot_hedge: 'Acho que é isto que você está procurando:',
  bot_source: 'Fonte',
  bot_clarify:
    'Sou um assistente automático e não tenho certeza se entendi. Sua pergunta é sobre "{first}" ou sobre "{second}"? Você também pode pedir para falar com uma pessoa a qualquer momento.',
  bot_no_answer:
    'Sou um assistente automático e não consigo responder a isso. Se quiser, uma pessoa da nossa equipe pode ajudar: é só pedir para falar com uma pessoa.',
  bot_empty_question:
    'Sou um assistente automático. O que você gostaria de saber? Você pode fazer sua pergunta com suas palavras ou pedir para falar com uma pessoa a qualquer momento.',
  bot_small_talk_greeting:
    'Olá! Sou um assistente automático. Faça uma pergunta e eu procuro a resposta nos nossos artigos de ajuda. Você pode pedir para falar com uma pessoa a qualquer momento.',
  bot_small_talk_thanks: 'De nada! Posso ajudar em mais alguma coisa?',
  bot_small_talk_goodbye: 'Tchau, e obrigado pelo contato!',
  bot_small_talk_ack: 'Ótimo! Posso ajudar em mais alguma coisa?',
  unsupported_message:
    'Ainda não consigo abrir esse tipo de mensagem. Você poderia descrevê-la em texto?',

  // Email that continues a chat
  email_continue_subject: 'Sua conversa com {team}',
  email_continue_intro:
    'Isto continua o chat que você iniciou conosco em {started}{preview}. Responda a este e-mail; sua resposta chega à mesma conversa.',
  email_transcript_intro: 'Sua conversa conosco, iniciada em {started}, como você pediu.',
  transcript_you: 'Você',
  transcript_bot: 'Assistente',
};
