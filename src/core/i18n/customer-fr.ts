/** Every word the server says to a customer in French, always in "vous". */
import type { CustomerStrings } from './customer-en.ts';

export const CUSTOMER_FR: CustomerStrings = {
  // The greeting
  greeting_web:
    'Bonjour ! Je suis {bot}, un assistant automatique : un bot, pas une personne. Je peux vous aider pour les commandes, la livraison, les retours, les paiements et votre compte. Si vous préférez parler à une personne, appuyez sur « {button} » ou dites-le simplement, à tout moment.',
  greeting_reply:
    'Bonjour ! Je suis {bot}, un assistant automatique : un bot, pas une personne. Je peux vous aider pour les commandes, la livraison, les retours, les paiements et votre compte. Si vous préférez parler à une personne, répondez « {word} » à tout moment.',
  greeting_write:
    'Bonjour ! Je suis {bot}, un assistant automatique : un bot, pas une personne. Je peux vous aider pour les commandes, la livraison, les retours, les paiements et votre compte. Si vous préférez parler à une personne, écrivez « {word} » ou dites-le simplement, à tout moment.',
  reach_word: 'conseiller',
  greeting_voice:
    'Bonjour, ici {bot}, un assistant automatique : un bot, pas une personne. Je peux vous aider pour les commandes, la livraison, les retours, les paiements et votre compte. Si vous préférez parler à une personne, dites « {word} » à tout moment. Comment puis-je vous aider ?',
  voice_not_heard: 'Pardon, je n’ai pas compris. Pouvez-vous répéter ?',
  voice_voicemail_offer:
    'Si vous le souhaitez, laissez un message après le bip, puis raccrochez. Il sera ajouté à votre demande.',
  voice_voicemail_saved: 'Merci, votre message est enregistré. Au revoir.',
  voice_callback_word: 'rappelez-moi',
  voice_callback_offer:
    'Si vous préférez ne pas attendre, appuyez sur 1 ou dites « {word} », et une personne de {team} vous rappellera à ce numéro.',
  voice_callback_confirmed:
    'C’est noté : une personne de {team} vous rappellera à ce numéro, qui se termine par {digits}, dès que quelqu’un sera libre. Vous gardez votre place dans la file, vous pouvez donc raccrocher. Au revoir.',
  voice_call_back_greeting:
    'Bonjour, ici {company}, nous vous rappelons au sujet de votre demande. Je vous mets en relation avec {agent}.',

  // Waiting, closed, joined and left
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
  team_open_resumed:
    'Notre équipe est disponible. Votre demande est la première de la file, et une personne vous répondra ici même.',
  our_team: 'notre équipe',

  // Follow-up times
  follow_up_day: '{day} à {time}',
  follow_up_weekday: '{day} à {time}',
  follow_up_date: 'le {day} à {time}',

  // The waiting room
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

  // People acting on the conversation
  overflowed:
    'Personne de {from} n’a pu répondre à temps : votre demande passe donc à {to}, qui peut aussi vous aider. Vous êtes numéro {position} dans leur file, et l’équipe voit toute la conversation.',
  transferred:
    'Je vous transfère à notre équipe {team}. Elle verra toute notre conversation : vous n’aurez rien à répéter.',
  transferred_to_agent:
    'Je vous transfère à {agent}, qui va continuer ici et voit toute notre conversation : vous n’aurez rien à répéter.',
  returned_to_bot:
    '{agent} vous a redirigé vers moi, l’assistant automatique. Puis-je vous aider pour autre chose ? Vous pouvez redemander une personne à tout moment.',
  resolved: 'Cette conversation a été marquée comme résolue. Merci de nous avoir écrit !',
  agent_silent_requeued:
    '{agent} n’a pas pu répondre : votre demande revient à {team}, en priorité plus haute. Vous êtes numéro {position}. La prochaine personne voit toute la conversation.',
  promise_broken:
    'Désolés : nous avions dit qu’une personne répondrait à cette heure, et personne ne l’a encore fait. Vous êtes numéro {position} pour {team} ; l’attente est maintenant d’environ {low}–{high} minutes. Vous pouvez continuer d’attendre, demander un rappel, ou continuer par message, nous répondrons ici.',

  // The satisfaction survey
  csat_request:
    'Comment avons-nous fait ? Notez cette conversation de 1 (mauvais) à 5 (excellent).',
  csat_reply_hint: 'Répondez avec le chiffre, et un commentaire si vous le souhaitez.',
  csat_thanks: 'Merci pour votre note. Elle nous aide à nous améliorer.',

  // Intake questions
  intake_lead: 'Pour vous orienter vers la bonne personne avec tout ce qu’il lui faut :',
  intake_skip: 'Vous pouvez aussi dire « passer », et une personne prendra le relais.',
  intake_generic: 'Pouvez-vous m’indiquer votre {field} ?',
  intake_order_id: 'Quel est votre numéro de commande ?',
  intake_email: 'Quelle adresse e-mail est associée à votre compte ?',
  intake_account_id: 'Quel est votre identifiant de compte ? Il commence par ACC-.',
  intake_amount: 'De quel montant s’agit-il ?',
  intake_phone: 'À quel numéro de téléphone pouvons-nous vous joindre ?',

  // The bot
  bot_hedge: 'Je pense que voici ce que vous cherchez :',
  bot_source: 'Source',
  bot_clarify:
    "Je suis un assistant automatique et je ne suis pas sûr d'avoir bien compris. Votre question concerne-t-elle « {first} » ou « {second} » ? Vous pouvez aussi demander à parler à une personne à tout moment.",
  bot_no_answer:
    "Je suis un assistant automatique et je ne peux pas répondre à cette question. Si vous le souhaitez, une personne de notre équipe peut vous aider : il suffit de demander à parler à quelqu'un.",
  bot_empty_question:
    'Je suis un assistant automatique. Que souhaitez-vous savoir ? Posez votre question avec vos propres mots, ou demandez à parler à une personne à tout moment.',
  bot_small_talk_greeting:
    "Bonjour ! Je suis un assistant automatique. Posez-moi une question et je la chercherai dans nos articles d'aide. Vous pouvez demander à parler à une personne à tout moment.",
  bot_small_talk_thanks: 'Je vous en prie ! Puis-je vous aider pour autre chose ?',
  bot_small_talk_goodbye: 'Au revoir, et merci de nous avoir contactés !',
  bot_small_talk_ack: 'Parfait ! Puis-je vous aider pour autre chose ?',
  unsupported_message:
    'Je ne peux pas encore ouvrir ce type de message. Pourriez-vous le décrire par écrit ?',

  // Email that continues a chat
  email_continue_subject: 'Votre conversation avec {team}',
  email_continue_intro:
    'Ce message poursuit la conversation commencée avec nous le {started}{preview}. Répondez à cet e-mail : votre réponse arrive dans la même conversation.',
  email_transcript_intro:
    'Votre conversation avec nous, commencée le {started}, comme vous l’avez demandée.',
  transcript_you: 'Vous',
  transcript_bot: 'Assistant',
};
