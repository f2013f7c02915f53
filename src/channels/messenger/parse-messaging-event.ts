/**
 * One Messenger/Instagram `messaging[]` (or `standby[]`) item → events. The same shape
 * carries messages, postbacks, echoes, delivery and read receipts, reactions and the
 * Handover Protocol's thread-control events.
 */
import type { ChannelEvent, ChannelMedia, MediaKind } from '../channel-adapter.ts';
import { arr, isoTime, obj, str, type JsonObject } from '../parse-json-object.ts';
import { joinThreadId } from '../thread-id.ts';

export type MetaChannel = 'messenger' | 'instagram';

const ATTACHMENT_KINDS: Record<string, MediaKind> = {
  image: 'image',
  audio: 'audio',
  video: 'video',
  file: 'document',
  location: 'location',
};

export function parseMessagingEvent(
  channel: MetaChannel,
  pageId: string,
  item: JsonObject,
  fallbackAt: string,
): ChannelEvent[] {
  const sender = str(obj(item.sender).id);
  const recipient = str(obj(item.recipient).id);
  const timestamp = Number(item.timestamp);
  const at = item.timestamp !== undefined ? isoTime(timestamp, fallbackAt) : fallbackAt;
  const message = obj(item.message);
  // Echoes are the page's own messages: the customer is the recipient.
  const customerId = message.is_echo === true ? recipient : sender;
  if (!customerId) return [];
  const base = { channel, threadId: joinThreadId(pageId, customerId), at };
  const customer = { externalId: customerId };

  if (item.message !== undefined) {
    const mid = str(message.mid);
    if (!mid) return [];
    const text = str(message.text);
    if (message.is_echo === true) {
      return [
        {
          ...base,
          type: 'echo',
          providerMessageId: mid,
          action: 'message',
          ...(text !== undefined ? { text } : {}),
        },
      ];
    }
    if (message.is_deleted === true) {
      return [
        {
          ...base,
          type: 'message_deleted',
          providerMessageId: `${mid}:deleted`,
          originalProviderMessageId: mid,
        },
      ];
    }
    const quickReply = str(obj(message.quick_reply).payload);
    const media = arr(message.attachments).map(attachmentOf);
    const replyTo = str(obj(message.reply_to).mid);
    return [
      {
        ...base,
        type: 'message',
        providerMessageId: mid,
        customer,
        ...(text !== undefined ? { text } : {}),
        ...(quickReply ? { interactive: { id: quickReply, title: text ?? quickReply } } : {}),
        ...(media.length > 0 ? { media } : {}),
        ...unsupportedOf(message, text),
        ...(replyTo ? { replyToProviderMessageId: replyTo } : {}),
      },
    ];
  }
  if (item.postback !== undefined) {
    const postback = obj(item.postback);
    const payload = str(postback.payload) ?? '';
    const title = str(postback.title) ?? payload;
    // Older postbacks carry no mid; sender + time + payload is stable across redeliveries.
    const id =
      str(postback.mid) ?? `postback:${customerId}:${str(item.timestamp) ?? ''}:${payload}`;
    return [
      {
        ...base,
        type: 'message',
        providerMessageId: id,
        customer,
        text: title,
        interactive: { id: payload, title },
      },
    ];
  }
  if (item.delivery !== undefined) {
    return arr(obj(item.delivery).mids)
      .map(str)
      .filter((mid): mid is string => mid !== undefined)
      .map((mid) => ({
        ...base,
        type: 'status' as const,
        providerMessageId: mid,
        status: 'delivered' as const,
      }));
  }
  if (item.read !== undefined) {
    const watermark = Number(obj(item.read).watermark);
    const mark = isoTime(watermark, at);
    return [{ ...base, type: 'read_watermark', watermark: mark }];
  }
  if (item.reaction !== undefined) {
    const reaction = obj(item.reaction);
    const target = str(reaction.mid) ?? '';
    const emoji = reaction.action === 'unreact' ? undefined : str(reaction.emoji);
    const id = `reaction:${target}:${customerId}:${str(item.timestamp) ?? ''}`;
    return [
      {
        ...base,
        type: 'reaction',
        providerMessageId: id,
        targetProviderMessageId: target,
        ...(emoji ? { emoji } : {}),
      },
    ];
  }
  const control = threadControlOf(item);
  if (control) {
    const appId = str(control.body[control.appKey]);
    const metadata = str(control.body.metadata);
    return [
      {
        ...base,
        type: 'thread_control',
        action: control.action,
        ...(appId ? { appId } : {}),
        ...(metadata ? { metadata } : {}),
      },
    ];
  }
  return [];
}

function threadControlOf(
  item: JsonObject,
): { action: 'pass' | 'take' | 'request'; body: JsonObject; appKey: string } | undefined {
  if (item.pass_thread_control !== undefined)
    return { action: 'pass', body: obj(item.pass_thread_control), appKey: 'new_owner_app_id' };
  if (item.take_thread_control !== undefined)
    return { action: 'take', body: obj(item.take_thread_control), appKey: 'previous_owner_app_id' };
  if (item.request_thread_control !== undefined)
    return {
      action: 'request',
      body: obj(item.request_thread_control),
      appKey: 'requested_owner_app_id',
    };
  return undefined;
}

function attachmentOf(raw: unknown): ChannelMedia {
  const attachment = obj(raw);
  const type = str(attachment.type) ?? 'other';
  const payload = obj(attachment.payload);
  const coordinates = obj(payload.coordinates);
  if (type === 'location' && coordinates.lat !== undefined) {
    return {
      kind: 'location',
      ref: `geo:${str(coordinates.lat) ?? ''},${str(coordinates.long) ?? ''}`,
    };
  }
  // Stickers arrive as images with a sticker_id.
  const kind = payload.sticker_id !== undefined ? 'sticker' : (ATTACHMENT_KINDS[type] ?? 'other');
  return { kind, ref: str(payload.url) ?? str(attachment.title) ?? type };
}

/**
 * Meta's own "unsupported" flag, or attachments Baton has no kind for (shares, reels, story
 * mentions, templates) with no text: the bot then asks the customer to describe them.
 */
function unsupportedOf(message: JsonObject, text: string | undefined): { unsupported?: string } {
  if (message.is_unsupported === true) return { unsupported: 'unsupported' };
  if (text?.trim()) return {};
  const attachments = arr(message.attachments).map(obj);
  const isKnown = (a: JsonObject) =>
    Object.hasOwn(ATTACHMENT_KINDS, str(a.type) ?? '') || obj(a.payload).sticker_id !== undefined;
  const unknown = attachments.find((a) => !isKnown(a));
  if (!unknown || attachments.some(isKnown)) return {};
  return { unsupported: `attachment.${str(unknown.type) ?? 'unknown'}` };
}
