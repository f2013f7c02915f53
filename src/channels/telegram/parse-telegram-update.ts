/**
 * One Telegram Bot API `Update` → events. Private, group and supergroup chats (forum topics
 * get their own thread), inline-keyboard callback queries, and edits. Message ids are only
 * unique within a chat, so the dedupe key is `<chat id>:<message id>`.
 */
import type {
  ChannelCustomer,
  ChannelEvent,
  ChannelMedia,
  MessageEvent,
} from '../channel-adapter.ts';
import {
  arr,
  isObject,
  obj,
  str,
  unixSecondsToIso,
  type JsonObject,
} from '../parse-json-object.ts';

/** `undefined` when the body is not an Update (→ 400); `[]` for updates Baton ignores. */
export function parseTelegramUpdate(update: JsonObject, now: Date): ChannelEvent[] | undefined {
  if (typeof update.update_id !== 'number') return undefined;
  if (isObject(update.message)) {
    const event = parseMessage(update.message, now);
    return event ? [event] : [];
  }
  if (isObject(update.edited_message)) {
    const edited = parseMessage(update.edited_message, now);
    if (!edited) return [];
    const editDate = str(update.edited_message.edit_date) ?? '';
    const { text, media } = edited;
    return [
      {
        type: 'message_edited',
        channel: 'telegram',
        threadId: edited.threadId,
        providerMessageId: `${edited.providerMessageId}:edit:${editDate}`,
        originalProviderMessageId: edited.providerMessageId,
        at: unixSecondsToIso(update.edited_message.edit_date, now),
        ...(text !== undefined ? { text } : {}),
        ...(media ? { media } : {}),
      },
    ];
  }
  if (isObject(update.callback_query)) {
    const event = parseCallbackQuery(update.callback_query, now);
    return event ? [event] : [];
  }
  // channel_post, my_chat_member, inline_query…: not customer conversation turns.
  return [];
}

function threadIdOf(message: JsonObject): string | undefined {
  const chatId = str(obj(message.chat).id);
  if (!chatId) return undefined;
  const topic = str(message.message_thread_id);
  return message.is_topic_message === true && topic ? `${chatId}/${topic}` : chatId;
}

function customerOf(message: JsonObject): ChannelCustomer | undefined {
  // Anonymous group admins and linked channels speak as a chat, not a user; `from` then holds
  // a placeholder user (GroupAnonymousBot) that the Bot API keeps for backward compatibility.
  const senderChat = obj(message.sender_chat);
  const chatId = str(senderChat.id);
  if (chatId) {
    const title = str(senderChat.title);
    return { externalId: `chat:${chatId}`, ...(title ? { name: title } : {}) };
  }
  const from = obj(message.from);
  return str(from.id) ? userCustomer(from) : undefined;
}

function userCustomer(user: JsonObject): ChannelCustomer {
  const name = [str(user.first_name), str(user.last_name)].filter(Boolean).join(' ');
  const language = str(user.language_code);
  return {
    externalId: str(user.id) ?? '',
    ...(name ? { name } : {}),
    ...(language ? { language } : {}),
  };
}

function parseMessage(message: JsonObject, now: Date): MessageEvent | undefined {
  const threadId = threadIdOf(message);
  const messageId = str(message.message_id);
  const customer = customerOf(message);
  if (!threadId || !messageId || !customer) return undefined;
  const content = contentOf(message);
  if (!content) return undefined;
  const chatId = str(obj(message.chat).id) ?? '';
  const replyTo = str(obj(message.reply_to_message).message_id);
  return {
    type: 'message',
    channel: 'telegram',
    threadId,
    providerMessageId: `${chatId}:${messageId}`,
    at: unixSecondsToIso(message.date, now),
    customer,
    ...content,
    ...(replyTo ? { replyToProviderMessageId: `${chatId}:${replyTo}` } : {}),
  };
}

const FILE_KINDS = [
  ['voice', 'audio'],
  ['audio', 'audio'],
  ['video', 'video'],
  ['video_note', 'video'],
  ['animation', 'video'],
  ['document', 'document'],
  ['sticker', 'sticker'],
] as const;

/** Types with no Baton representation; shown to the agent by name. */
const UNSUPPORTED = [
  'poll',
  'dice',
  'game',
  'invoice',
  'story',
  'paid_media',
  'successful_payment',
];

function contentOf(message: JsonObject): Partial<MessageEvent> | undefined {
  const caption = str(message.caption);
  const withCaption = (media: ChannelMedia): ChannelMedia =>
    caption ? { ...media, caption } : media;
  if (typeof message.text === 'string') return { text: message.text };
  const photo = arr(message.photo).map(obj).at(-1); // sizes ascend; keep the largest
  if (photo) {
    const image: ChannelMedia = { kind: 'image', ref: str(photo.file_id) ?? '', ...sizeOf(photo) };
    return { media: [withCaption(image)] };
  }
  for (const [field, kind] of FILE_KINDS) {
    if (!isObject(message[field])) continue;
    const file = message[field];
    const mimeType = str(file.mime_type);
    const fileName = str(file.file_name);
    const media: ChannelMedia = {
      kind,
      ref: str(file.file_id) ?? '',
      ...(mimeType ? { mimeType } : {}),
      ...(fileName ? { fileName } : {}),
      ...sizeOf(file),
    };
    return { media: [withCaption(media)] };
  }
  if (isObject(message.location)) {
    const { latitude, longitude } = message.location;
    const title = str(obj(message.venue).title);
    return {
      media: [
        {
          kind: 'location',
          ref: `geo:${str(latitude) ?? ''},${str(longitude) ?? ''}`,
          ...(title ? { caption: title } : {}),
        },
      ],
    };
  }
  if (isObject(message.contact)) {
    const contact = message.contact;
    const name = [str(contact.first_name), str(contact.last_name)].filter(Boolean).join(' ');
    return { text: `${name || 'Contact'} (${str(contact.phone_number) ?? 'no number'})` };
  }
  const unsupported = UNSUPPORTED.find((field) => message[field] !== undefined);
  // Service messages (members joined, title changed…) are not turns at all.
  return unsupported ? { unsupported } : undefined;
}

function parseCallbackQuery(query: JsonObject, now: Date): MessageEvent | undefined {
  const id = str(query.id);
  const from = obj(query.from);
  if (!id || !str(from.id)) return undefined;
  const message = obj(query.message);
  // Without the message (inline mode, or too old), the private chat with the user has the user's id.
  const threadId = threadIdOf(message) ?? str(from.id) ?? '';
  const data = str(query.data) ?? str(query.game_short_name) ?? '';
  const title = buttonText(message, data) ?? data;
  return {
    type: 'message',
    channel: 'telegram',
    threadId,
    providerMessageId: `callback:${id}`,
    // A callback query has no date of its own; it happened now.
    at: now.toISOString(),
    customer: userCustomer(from),
    text: title,
    interactive: { id: data, title, callbackQueryId: id },
  };
}

/** The label of the inline-keyboard button that carried `data`, for the agent to read. */
function buttonText(message: JsonObject, data: string): string | undefined {
  for (const row of arr(obj(message.reply_markup).inline_keyboard)) {
    for (const button of arr(row).map(obj)) {
      if (str(button.callback_data) === data) return str(button.text);
    }
  }
  return undefined;
}

/** Telegram's `file_size` (bytes), when it sent one. */
function sizeOf(file: JsonObject): { size?: number } {
  return typeof file.file_size === 'number' ? { size: file.file_size } : {};
}
