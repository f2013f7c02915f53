/**
 * The provider's id of a message Baton sent, read from the send call's answer, so that the
 * provider's later delivery and read statuses (which name only that id) can be tied to the
 * reply: WhatsApp Cloud `messages[0].id`, Messenger/Instagram `message_id`, Telegram
 * `result.message_id`, Twilio `sid`. Undefined for any other channel or an answer without it.
 */
import { arr, isObject, str } from './parse-json-object.ts';
import type { Channel } from './channel-adapter.ts';

export function sentMessageId(channel: Channel, responseBody: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(responseBody);
  } catch {
    return undefined;
  }
  if (!isObject(body)) return undefined;
  switch (channel) {
    case 'whatsapp': {
      const first = arr(body.messages)[0];
      return isObject(first) ? nonEmpty(str(first.id)) : undefined;
    }
    case 'messenger':
    case 'instagram':
      return nonEmpty(str(body.message_id));
    case 'telegram':
      return isObject(body.result) ? nonEmpty(str(body.result.message_id)) : undefined;
    case 'sms':
      return nonEmpty(str(body.sid));
    // The open API's replies carry Baton's own id; email keeps its Message-ID itself
    // (email-outbound.ts); the widget and voice send nothing through the outbox.
    case 'api':
    case 'email':
    case 'voice':
    case 'web':
      return undefined;
  }
}

const nonEmpty = (value: string | undefined) => (value ? value : undefined);
