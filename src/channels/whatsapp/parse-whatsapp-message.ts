/**
 * One WhatsApp Cloud API `messages[]` entry → a Baton event. Types Baton cannot show as a
 * turn (orders, polls, unknown) become messages with `unsupported` set to the provider's
 * type name, so the server can answer politely and the agent sees what it was.
 */
import type { ChannelCustomer, ChannelEvent, ChannelMedia, MediaKind } from '../channel-adapter.ts';
import { arr, obj, str, unixSecondsToIso, type JsonObject } from '../parse-json-object.ts';

export interface WhatsAppMessageContext {
  threadId: string;
  customer: ChannelCustomer;
  now: Date;
}

const MEDIA_KINDS: Record<string, MediaKind> = {
  image: 'image',
  video: 'video',
  audio: 'audio',
  document: 'document',
  sticker: 'sticker',
};

export function parseWhatsAppMessage(
  message: JsonObject,
  context: WhatsAppMessageContext,
): ChannelEvent | undefined {
  const id = str(message.id);
  const type = str(message.type);
  if (!id || !type) return undefined;
  const base = {
    channel: 'whatsapp' as const,
    threadId: context.threadId,
    at: unixSecondsToIso(message.timestamp, context.now),
  };
  const replyTo = str(obj(message.context).id);
  const turn = {
    ...base,
    type: 'message' as const,
    providerMessageId: id,
    customer: context.customer,
    ...(replyTo ? { replyToProviderMessageId: replyTo } : {}),
  };
  switch (type) {
    case 'reaction': {
      const reaction = obj(message.reaction);
      const emoji = str(reaction.emoji);
      return {
        ...base,
        type: 'reaction',
        providerMessageId: id,
        targetProviderMessageId: str(reaction.message_id) ?? '',
        ...(emoji ? { emoji } : {}),
      };
    }
    case 'edit': {
      const edit = obj(message.edit);
      const content = parseContent(obj(edit.message));
      return {
        ...base,
        type: 'message_edited',
        providerMessageId: id,
        originalProviderMessageId: str(edit.original_message_id) ?? '',
        ...(content.text !== undefined ? { text: content.text } : {}),
        ...(content.media ? { media: content.media } : {}),
      };
    }
    case 'revoke':
      return {
        ...base,
        type: 'message_deleted',
        providerMessageId: id,
        originalProviderMessageId: str(obj(message.revoke).original_message_id) ?? '',
      };
    case 'system': {
      const system = obj(message.system);
      const newId = str(system.wa_id) ?? str(system.new_wa_id);
      return {
        ...base,
        type: 'system',
        providerMessageId: id,
        text: str(system.body) ?? '',
        systemType: str(system.type) ?? 'system',
        ...(newId ? { newExternalId: newId } : {}),
      };
    }
    default:
      return { ...turn, ...parseContent(message) };
  }
}

interface Content {
  text?: string;
  media?: ChannelMedia[];
  interactive?: { id: string; title: string };
  unsupported?: string;
}

/** The content part of a message; shared with edits, whose `message` has the same shape. */
export function parseContent(message: JsonObject): Content {
  const type = str(message.type) ?? 'unknown';
  const body = obj(message[type]);
  const kind = MEDIA_KINDS[type];
  if (kind) return { media: [mediaOf(kind, body)] };
  switch (type) {
    case 'text':
      return { text: str(body.body) ?? '' };
    case 'location': {
      const caption = [str(body.name), str(body.address)].filter(Boolean).join(', ');
      const ref = `geo:${str(body.latitude) ?? ''},${str(body.longitude) ?? ''}`;
      return { media: [{ kind: 'location', ref, ...(caption ? { caption } : {}) }] };
    }
    case 'contacts':
      return { text: arr(message.contacts).map(describeContact).join('\n') };
    case 'button': {
      // A quick-reply button on a template message.
      const id = str(body.payload) ?? '';
      const title = str(body.text) ?? id;
      return { text: title, interactive: { id, title } };
    }
    case 'interactive': {
      const replyType = str(body.type);
      const reply = replyType ? obj(body[replyType]) : {};
      const id = str(reply.id);
      if ((replyType === 'button_reply' || replyType === 'list_reply') && id) {
        const title = str(reply.title) ?? id;
        return { text: title, interactive: { id, title } };
      }
      return { unsupported: replyType ? `interactive.${replyType}` : 'interactive' };
    }
    case 'unsupported':
      return { unsupported: str(obj(message.unsupported).type) ?? 'unsupported' };
    default:
      return { unsupported: type };
  }
}

function mediaOf(kind: MediaKind, body: JsonObject): ChannelMedia {
  const caption = str(body.caption);
  const mimeType = str(body.mime_type);
  const fileName = str(body.filename);
  return {
    kind,
    // The media id is what the Graph API resolves to a download URL (with the access token).
    ref: str(body.id) ?? str(body.url) ?? '',
    ...(mimeType ? { mimeType } : {}),
    ...(caption ? { caption } : {}),
    ...(fileName ? { fileName } : {}),
  };
}

function describeContact(contact: unknown): string {
  const c = obj(contact);
  const name = str(obj(c.name).formatted_name) ?? 'Contact';
  const phones = arr(c.phones)
    .map((p) => str(obj(p).phone))
    .filter(Boolean)
    .join(', ');
  return phones ? `${name} (${phones})` : name;
}
