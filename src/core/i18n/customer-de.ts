/** Every word the server says to a customer in German, always in "Sie". */
import type { CustomerStrings } from './customer-en.ts';

export const CUSTOMER_DE: CustomerStrings = {
  // The greeting
  greeting_web:
    'Hallo! Ich bin {bot}, ein automatischer Assistent – ein Bot, keine Person. Ich helfe Ihnen bei Bestellungen, Versand, Rücksendungen, Zahlungen und Ihrem Konto. Wenn Sie lieber mit einer Person sprechen möchten, wählen Sie jederzeit „{button}“ oder sagen Sie es einfach.',
  greeting_reply:
    'Hallo! Ich bin {bot}, ein automatischer Assistent – ein Bot, keine Person. Ich helfe Ihnen bei Bestellungen, Versand, Rücksendungen, Zahlungen und Ihrem Konto. Wenn Sie lieber mit einer Person sprechen möchten, antworten Sie jederzeit mit „{word}“.',
  greeting_write:
    'Hallo! Ich bin {bot}, ein automatischer Assistent – ein Bot, keine Person. Ich helfe Ihnen bei Bestellungen, Versand, Rücksendungen, Zahlungen und Ihrem Konto. Wenn Sie lieber mit einer Person sprechen möchten, schreiben Sie jederzeit „{word}“ oder sagen Sie es einfach.',
  reach_word: 'Mitarbeiter',
  greeting_voice:
    'Hallo, hier ist {bot}, ein automatischer Assistent – ein Bot, kein Mensch. Ich helfe bei Bestellungen, Versand, Rücksendungen, Zahlungen und Ihrem Konto. Wenn Sie lieber mit einem Menschen sprechen möchten, sagen Sie jederzeit „{word}“. Wie kann ich helfen?',
  voice_not_heard: 'Entschuldigung, das habe ich nicht verstanden. Bitte sagen Sie es noch einmal.',
  voice_voicemail_offer:
    'Wenn Sie möchten, hinterlassen Sie nach dem Signalton eine Nachricht und legen Sie danach auf. Sie wird Ihrer Anfrage hinzugefügt.',
  voice_voicemail_saved: 'Danke, Ihre Nachricht ist gespeichert. Auf Wiederhören.',
  voice_callback_word: 'Rückruf',
  voice_callback_offer:
    'Wenn Sie nicht warten möchten, drücken Sie die 1 oder sagen Sie „{word}“, und eine Person von {team} ruft Sie stattdessen unter dieser Nummer zurück.',
  voice_callback_confirmed:
    'Erledigt: Eine Person von {team} ruft Sie unter dieser Nummer mit der Endung {digits} zurück, sobald jemand frei ist. Ihr Platz in der Warteschlange bleibt erhalten, Sie können jetzt auflegen. Auf Wiederhören.',
  voice_call_back_greeting:
    'Hallo, hier ist {company}. Wir rufen Sie wegen Ihrer Anfrage zurück. Ich verbinde Sie jetzt mit {agent}.',

  // Waiting, closed, joined and left
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
  agent_joined: '{agent} von {team} ist dem Gespräch beigetreten und sieht den bisherigen Verlauf.',
  agent_left:
    '{agent} musste das Gespräch verlassen. Sie behalten Ihren Platz in der Warteschlange, und die nächste Person von {team} macht hier mit dem ganzen Verlauf weiter.',
  context_kept: 'Sie sehen alles, was wir besprochen haben, Sie müssen also nichts wiederholen.',
  team_open_resumed:
    'Unser Team ist jetzt erreichbar. Ihre Anfrage ist als Erste an der Reihe, und eine Person antwortet Ihnen direkt hier.',
  our_team: 'unser Team',

  // Follow-up times
  follow_up_day: '{day} um {time}',
  follow_up_weekday: 'am {day} um {time}',
  follow_up_date: 'am {day} um {time}',

  // The waiting room
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

  // People acting on the conversation
  overflowed:
    'Niemand aus {from} konnte rechtzeitig antworten, deshalb ist Ihre Anfrage jetzt bei {to}, das Ihnen ebenfalls helfen kann. Sie sind dort die Nummer {position}, und das Team sieht das ganze Gespräch.',
  transferred:
    'Ich leite Sie an unser Team {team} weiter. Es sieht unser ganzes Gespräch, Sie müssen also nichts wiederholen.',
  transferred_to_agent:
    'Ich leite Sie an {agent} weiter. {agent} macht hier weiter und sieht unser ganzes Gespräch, Sie müssen also nichts wiederholen.',
  returned_to_bot:
    '{agent} hat Sie an mich, den automatischen Assistenten, zurückgegeben. Kann ich sonst noch helfen? Sie können jederzeit wieder nach einer Person fragen.',
  resolved: 'Dieses Gespräch wurde als gelöst markiert. Danke für Ihre Nachricht!',
  agent_silent_requeued:
    '{agent} konnte nicht antworten, deshalb ist Ihre Anfrage wieder bei {team} und nach vorne gerückt: Sie sind Nummer {position}. Die nächste Person sieht das ganze Gespräch.',
  promise_broken:
    'Entschuldigung: Wir hatten gesagt, dass bis jetzt jemand antwortet, und das ist noch nicht geschehen. Sie sind Nummer {position} bei {team}; die Wartezeit liegt jetzt bei etwa {low}–{high} Minuten. Sie können weiter warten, einen Rückruf anfordern oder per Nachricht weitermachen, wir antworten hier.',

  // The satisfaction survey
  csat_request:
    'Wie waren wir? Bitte bewerten Sie dieses Gespräch von 1 (schlecht) bis 5 (ausgezeichnet).',
  csat_reply_hint: 'Antworten Sie mit der Zahl, gern auch mit einem Kommentar.',
  csat_thanks: 'Danke für Ihre Bewertung. Sie hilft uns, besser zu werden.',

  // Intake questions
  intake_lead: 'Damit Sie mit allem Nötigen bei der richtigen Person landen:',
  intake_skip: 'Sie können auch „überspringen“ sagen, dann übernimmt eine Person.',
  intake_generic: 'Können Sie mir Ihre Angabe zu „{field}“ nennen?',
  intake_order_id: 'Wie lautet Ihre Bestellnummer?',
  intake_email: 'Welche E-Mail-Adresse ist in Ihrem Konto hinterlegt?',
  intake_account_id: 'Wie lautet Ihre Kontonummer? Sie beginnt mit ACC-.',
  intake_amount: 'Um welchen Betrag geht es?',
  intake_phone: 'Unter welcher Telefonnummer erreichen wir Sie?',

  // The bot
  bot_hedge: 'Ich glaube, das ist, was Sie suchen:',
  bot_source: 'Quelle',
  bot_clarify:
    'Ich bin ein automatischer Assistent und nicht sicher, ob ich Sie richtig verstanden habe. Geht es um „{first}“ oder um „{second}“? Sie können auch jederzeit nach einer Person fragen.',
  bot_no_answer:
    'Ich bin ein automatischer Assistent und kann diese Frage nicht beantworten. Wenn Sie möchten, hilft Ihnen gern eine Person aus unserem Team: Fragen Sie einfach nach einer Person.',
  bot_empty_question:
    'Ich bin ein automatischer Assistent. Was möchten Sie wissen? Stellen Sie Ihre Frage in Ihren eigenen Worten oder fragen Sie jederzeit nach einer Person.',
  bot_small_talk_greeting:
    'Hallo! Ich bin ein automatischer Assistent. Stellen Sie mir eine Frage, und ich suche die Antwort in unseren Hilfeartikeln. Sie können jederzeit nach einer Person fragen.',
  bot_small_talk_thanks: 'Gern geschehen! Kann ich sonst noch helfen?',
  bot_small_talk_goodbye: 'Auf Wiedersehen und danke für Ihre Nachricht!',
  bot_small_talk_ack: 'Prima! Kann ich sonst noch helfen?',
  unsupported_message:
    'Diese Art von Nachricht kann ich noch nicht öffnen. Könnten Sie sie bitte in Worten beschreiben?',

  // Email that continues a chat
  email_continue_subject: 'Ihre Unterhaltung mit {team}',
  email_continue_intro:
    'Dies setzt den Chat fort, den Sie am {started} mit uns begonnen haben{preview}. Antworten Sie einfach auf diese E-Mail; Ihre Antwort landet in derselben Unterhaltung.',
  email_transcript_intro: 'Ihre Unterhaltung mit uns vom {started}, wie von Ihnen angefordert.',
  transcript_you: 'Sie',
  transcript_bot: 'Assistent',
};
