/**
 * Telegram Bot API channel. Telegram does not sign bodies; it sends the `secret_token` given
 * to `setWebhook` in `X-Telegram-Bot-Api-Secret-Token`, compared here in constant time.
 */
import type {
  ChannelAdapter,
  InboundRequest,
  InboundResult,
  OutboundRequest,
  ReplyMessage,
} from '../channel-adapter.ts';
import { getHeader } from '../get-header.ts';
import { parseJsonObject } from '../parse-json-object.ts';
import { reject, rejectOversized } from '../reject.ts';
import { safeEqual } from '../safe-equal.ts';
import { splitText } from '../split-text.ts';
import { numberedText } from '../choice-text.ts';
import { parseTelegramUpdate } from './parse-telegram-update.ts';

/** `sendMessage` accepts 1–4096 characters of text. */
export const TELEGRAM_TEXT_LIMIT = 4096;

export interface TelegramAdapterOptions {
  botToken: string;
  /** The `secret_token` passed to `setWebhook` (1–256 of `A-Z a-z 0-9 _ -`). */
  secretToken: string;
  apiBaseUrl?: string;
  clock?: () => Date;
}

export interface TelegramAdapter extends ChannelAdapter {
  readonly channel: 'telegram';
  /** Stops the button's loading spinner; Telegram expects it for every callback query. */
  answerCallbackQuery(
    callbackQueryId: string,
    options?: { text?: string; showAlert?: boolean },
  ): OutboundRequest;
}

export function createTelegramAdapter(options: TelegramAdapterOptions): TelegramAdapter {
  const base = `${(options.apiBaseUrl ?? 'https://api.telegram.org').replace(/\/+$/, '')}/bot${options.botToken}`;
  const clock = options.clock ?? (() => new Date());
  const call = (method: string, body: unknown): OutboundRequest => ({
    method: 'POST',
    url: `${base}/${method}`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    channel: 'telegram',
    receive(request: InboundRequest): InboundResult {
      const tooLarge = rejectOversized(request.rawBody);
      if (tooLarge) return tooLarge;
      const token = getHeader(request.headers, 'x-telegram-bot-api-secret-token');
      if (!token) return reject('SIGNATURE_MISSING', 'X-Telegram-Bot-Api-Secret-Token is missing.');
      if (!safeEqual(token, options.secretToken)) {
        return reject('SIGNATURE_INVALID', 'X-Telegram-Bot-Api-Secret-Token does not match.');
      }
      const body = parseJsonObject(request.rawBody);
      const events = body && parseTelegramUpdate(body, clock());
      if (!events) return reject('MALFORMED_PAYLOAD', 'Not a Telegram Update.');
      return { kind: 'accepted', events };
    },
    formatReply(threadId: string, message: ReplyMessage): OutboundRequest[] {
      const [chat = '', topic] = threadId.split('/');
      const replyTo = message.replyToProviderMessageId?.split(':')[1];
      const options = message.choices?.options ?? [];
      // An inline keyboard, one button per row, on the last part; `callback_data` (1–64
      // bytes) is the option's id. Ids that do not fit are written out as numbers instead.
      const keyboard =
        options.length > 0 &&
        options.every((o) => Buffer.byteLength(o.id) >= 1 && Buffer.byteLength(o.id) <= 64);
      const parts = splitText(keyboard ? message.text : numberedText(message), TELEGRAM_TEXT_LIMIT);
      return parts.map((text, index) =>
        // No parse_mode: agent text is sent verbatim, never interpreted as Markdown/HTML.
        call('sendMessage', {
          chat_id: chatIdValue(chat),
          ...(topic ? { message_thread_id: Number(topic) } : {}),
          text,
          ...(index === 0 && replyTo
            ? {
                reply_parameters: {
                  message_id: Number(replyTo),
                  allow_sending_without_reply: true,
                },
              }
            : {}),
          ...(keyboard && index === parts.length - 1
            ? {
                reply_markup: {
                  inline_keyboard: options.map((o) => [{ text: o.label, callback_data: o.id }]),
                },
              }
            : {}),
        }),
      );
    },
    formatTyping(threadId: string): OutboundRequest {
      const [chat = '', topic] = threadId.split('/');
      return call('sendChatAction', {
        chat_id: chatIdValue(chat),
        ...(topic ? { message_thread_id: Number(topic) } : {}),
        action: 'typing',
      });
    },
    answerCallbackQuery: (callbackQueryId, answer = {}) =>
      call('answerCallbackQuery', {
        callback_query_id: callbackQueryId,
        ...(answer.text ? { text: answer.text } : {}),
        ...(answer.showAlert ? { show_alert: true } : {}),
      }),
  };
}

/** Chat ids are integers (negative for groups); Telegram also accepts `@channelusername`. */
function chatIdValue(chat: string): number | string {
  const n = Number(chat);
  return Number.isSafeInteger(n) ? n : chat;
}
