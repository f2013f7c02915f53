/**
 * Twilio Messaging webhook parameters → events: incoming messages (text and MMS media),
 * status callbacks (`MessageStatus`), and the STOP/START/HELP compliance keywords.
 */
import type { ChannelEvent, DeliveryStatus, MediaKind } from '../channel-adapter.ts';
import { joinThreadId } from '../thread-id.ts';

/** Twilio's default keywords (Advanced Opt-Out sends `OptOutType` for custom ones too). */
const KEYWORDS: Record<string, 'opt_out' | 'opt_in' | 'help'> = {
  STOP: 'opt_out',
  STOPALL: 'opt_out',
  UNSUBSCRIBE: 'opt_out',
  CANCEL: 'opt_out',
  END: 'opt_out',
  QUIT: 'opt_out',
  START: 'opt_in',
  YES: 'opt_in',
  UNSTOP: 'opt_in',
  HELP: 'help',
  INFO: 'help',
};
const OPT_OUT_TYPE: Record<string, 'opt_out' | 'opt_in' | 'help'> = {
  STOP: 'opt_out',
  START: 'opt_in',
  HELP: 'help',
};

/** Intermediate states (queued, accepting, sending, scheduled) are not reported. */
const STATUS: Record<string, DeliveryStatus> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
  undelivered: 'failed',
  canceled: 'failed',
};

/** `undefined` when the parameters are not a Twilio messaging webhook (→ 400). */
export function parseTwilioWebhook(
  params: Record<string, string>,
  now: Date,
): ChannelEvent[] | undefined {
  const sid = params.MessageSid ?? params.SmsSid;
  const from = params.From;
  const to = params.To;
  if (!sid || !from || !to) return undefined;
  const at = now.toISOString(); // Twilio's webhooks carry no timestamp.
  const status = params.MessageStatus ?? params.SmsStatus;
  if (status !== undefined && status !== 'received' && params.Body === undefined) {
    const mapped = STATUS[status];
    if (!mapped) return [];
    const error = params.ErrorCode
      ? `Twilio error ${params.ErrorCode}${params.ErrorMessage ? `: ${params.ErrorMessage}` : ''}`
      : undefined;
    // On a status callback From is Baton's number and To the customer.
    return [
      {
        type: 'status',
        channel: 'sms',
        providerMessageId: sid,
        status: mapped,
        at,
        threadId: joinThreadId(from, to),
        ...(error ? { error } : {}),
      },
    ];
  }
  const threadId = joinThreadId(to, from);
  const body = params.Body ?? '';
  const keyword = body
    .trim()
    .toUpperCase()
    .replace(/[.!]+$/, '');
  const compliance = OPT_OUT_TYPE[params.OptOutType ?? ''] ?? KEYWORDS[keyword];
  if (compliance) {
    return [
      {
        type: compliance,
        channel: 'sms',
        threadId,
        providerMessageId: sid,
        at,
        keyword: params.OptOutType ?? keyword,
      },
    ];
  }
  const media = mediaOf(params);
  return [
    {
      type: 'message',
      channel: 'sms',
      threadId,
      providerMessageId: sid,
      at,
      customer: { externalId: from, ...(/^\+\d+$/.test(from) ? { phone: from } : {}) },
      ...(body ? { text: body } : {}),
      ...(media.length > 0 ? { media } : {}),
    },
  ];
}

function mediaOf(params: Record<string, string>) {
  const count = Number(params.NumMedia ?? 0);
  const media = [];
  for (let i = 0; i < (Number.isFinite(count) ? Math.min(count, 10) : 0); i += 1) {
    const url = params[`MediaUrl${i}`];
    if (!url) continue;
    const mimeType = params[`MediaContentType${i}`];
    media.push({ kind: kindOf(mimeType), ref: url, ...(mimeType ? { mimeType } : {}) });
  }
  return media;
}

function kindOf(mimeType: string | undefined): MediaKind {
  const top = mimeType?.split('/')[0];
  if (top === 'image' || top === 'audio' || top === 'video') return top;
  if (mimeType === 'text/vcard' || mimeType === 'text/x-vcard') return 'other';
  return mimeType ? 'document' : 'other';
}
