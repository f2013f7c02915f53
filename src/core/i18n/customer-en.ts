/**
 * Every word the server says to a customer, in English: the catalogue every other language
 * must match key for key (`CustomerStrings`; a missing key does not compile). Placeholders are
 * named, `{team}`, and filled by `customerText` (customer-text.ts). The keys of the waiting,
 * workflow and survey texts are also what a queue overrides (`QueueConfig.messages`).
 * The widget's own words are in widget-*.ts.
 */
export const CUSTOMER_EN = {
  // The greeting
  greeting_web:
    "Hi! I'm {bot}, an automated assistant — a bot, not a person. I can help with orders, shipping, returns, payments and your account. If you would rather talk to a person, press “{button}” or just say so, at any time.",
  greeting_reply:
    "Hi! I'm {bot}, an automated assistant — a bot, not a person. I can help with orders, shipping, returns, payments and your account. If you would rather talk to a person, reply “{word}” at any time.",
  greeting_write:
    "Hi! I'm {bot}, an automated assistant — a bot, not a person. I can help with orders, shipping, returns, payments and your account. If you would rather talk to a person, write “{word}” or just say so, at any time.",
  reach_word: 'agent',
  greeting_voice:
    'Hello, this is {bot}, an automated assistant — a bot, not a person. I can help with orders, shipping, returns, payments and your account. If you would rather talk to a person, say “{word}” at any time. How can I help?',
  voice_not_heard: 'Sorry, I did not catch that. Please say it again.',
  voice_voicemail_offer:
    'If you like, leave a message after the tone, and hang up when you are done. It is added to your request.',
  voice_voicemail_saved: 'Thank you, your message is saved. Goodbye.',
  voice_callback_word: 'call me back',
  voice_callback_offer:
    'If you would rather not wait, press 1 or say “{word}”, and a person from {team} will call you back at this number instead.',
  voice_callback_confirmed:
    'Done: a person from {team} will call you back at this number, ending in {digits}, as soon as one is free. Your place in the queue is kept, so you can hang up now. Goodbye.',
  voice_call_back_greeting:
    'Hello, this is {company} calling back about your request. Connecting you to {agent} now.',

  // Waiting, closed, joined and left
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
  team_open_resumed:
    'Our team is open now. Your request is first in line, and a person will reply right here.',
  our_team: 'our team',

  // Follow-up times
  follow_up_day: '{day} at {time}',
  follow_up_weekday: 'on {day} at {time}',
  follow_up_date: 'on {day} at {time}',

  // The waiting room
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

  // People acting on the conversation
  overflowed:
    'Nobody from {from} has been free to answer in time, so your request has moved to {to}, who can help with this too. You are number {position} in their line, and they can see the whole conversation.',
  transferred:
    "I'm passing you to our {team} team. They will see our whole conversation, so you won't need to repeat anything.",
  transferred_to_agent:
    "I'm passing you to {agent}, who will continue here. They can see our whole conversation, so you won't need to repeat anything.",
  returned_to_bot:
    '{agent} has handed you back to me, the automated assistant. Is there anything else I can help with? You can ask for a person again at any time.',
  resolved: 'This conversation has been marked as resolved. Thanks for reaching out!',
  agent_silent_requeued:
    '{agent} has not been able to reply, so your request is back with {team} and moved up: you are number {position}. The next person sees the whole conversation.',
  promise_broken:
    'Sorry: we said a person would reply by now, and nobody has yet. You are number {position} for {team}; the wait now looks like about {low}–{high} minutes. You can keep waiting, ask for a callback, or carry on by message and we will answer here.',

  // The satisfaction survey
  csat_request: 'How did we do? Please rate this conversation from 1 (poor) to 5 (excellent).',
  csat_reply_hint: 'Reply with the number, and a comment if you like.',
  csat_thanks: 'Thank you for your rating. It helps us get better.',

  // Intake questions
  intake_lead: 'To get you to the right person with everything they need:',
  intake_skip: 'You can also say “skip”, and a person will take it from here.',
  intake_generic: 'Could you tell me your {field}?',
  intake_order_id: 'What is your order number?',
  intake_email: 'What email address is on your account?',
  intake_account_id: 'What is your account ID? It starts with ACC-.',
  intake_amount: 'What amount is this about?',
  intake_phone: 'What phone number can we reach you on?',

  // The bot
  bot_hedge: 'I think this is what you are looking for:',
  bot_source: 'Source',
  bot_clarify:
    'I\'m an automated assistant and I\'m not sure I understood. Is your question about "{first}" or "{second}"? You can also ask for a person at any time.',
  bot_no_answer:
    "I'm an automated assistant and I can't answer that one. If you'd like, a person from our team can help: just ask for a person.",
  bot_empty_question:
    "I'm an automated assistant. What would you like to know? You can ask me a question in your own words, or ask for a person at any time.",
  bot_small_talk_greeting:
    "Hi! I'm an automated assistant. Ask me a question and I'll look it up in our help articles. You can ask for a person at any time.",
  bot_small_talk_thanks: "You're welcome! Is there anything else I can help you with?",
  bot_small_talk_goodbye: 'Goodbye, and thanks for getting in touch!',
  bot_small_talk_ack: 'Great! Is there anything else I can help you with?',
  unsupported_message: "I can't open that kind of message yet — could you describe it in text?",

  // Email that continues a chat
  email_continue_subject: 'Your conversation with {team}',
  email_continue_intro:
    'This continues the chat you started with us on {started}{preview}. Reply to this email to answer; your reply reaches the same conversation.',
  email_transcript_intro: 'Your conversation with us, started on {started}, as you asked for it.',
  transcript_you: 'You',
  transcript_bot: 'Assistant',
} as const;

export type CustomerKey = keyof typeof CUSTOMER_EN;
export type CustomerStrings = Readonly<Record<CustomerKey, string>>;
