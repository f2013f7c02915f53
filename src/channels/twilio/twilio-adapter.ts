/**
 * SMS through Twilio: form-encoded webhooks signed with `X-Twilio-Signature`, replies as
 * `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, split into bodies of at most
 * `maxSegmentsPerMessage` SMS segments.
 */
import type {
  ChannelAdapter,
  InboundRequest,
  InboundResult,
  OutboundRequest,
  ReplyMessage,
} from '../channel-adapter.ts';
import { getHeader } from '../get-header.ts';
import { reject, rejectOversized } from '../reject.ts';
import { splitThreadId } from '../thread-id.ts';
import { numberedText } from '../choice-text.ts';
import { parseTwilioWebhook } from './parse-twilio-webhook.ts';
import { splitSms } from './sms-segments.ts';
import { validateTwilioSignature, type TwilioParams } from './validate-twilio-signature.ts';

export interface TwilioAdapterOptions {
  accountSid: string;
  /** Verifies webhooks; also the API password unless an API key is given. */
  authToken: string;
  apiKeySid?: string;
  apiKeySecret?: string;
  /** The public origin Twilio calls, e.g. `https://baton.example.com` (the path comes from the request). */
  publicBaseUrl: string;
  /** Send from a Messaging Service instead of the number the customer wrote to. */
  messagingServiceSid?: string;
  /** Where Twilio should post delivery statuses (usually this same webhook URL). */
  statusCallbackUrl?: string;
  /** Default 10: longer replies become several messages. */
  maxSegmentsPerMessage?: number;
  apiBaseUrl?: string;
  clock?: () => Date;
}

export function createTwilioAdapter(options: TwilioAdapterOptions): ChannelAdapter {
  const apiBaseUrl = (options.apiBaseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
  const origin = options.publicBaseUrl.replace(/\/+$/, '');
  const clock = options.clock ?? (() => new Date());
  const user = options.apiKeySid ?? options.accountSid;
  const password = options.apiKeySecret ?? options.authToken;
  const authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return {
    channel: 'sms',
    receive(request: InboundRequest): InboundResult {
      const tooLarge = rejectOversized(request.rawBody);
      if (tooLarge) return tooLarge;
      const signature = getHeader(request.headers, 'x-twilio-signature');
      if (!signature) return reject('SIGNATURE_MISSING', 'X-Twilio-Signature is missing.');
      const form = new URLSearchParams(request.rawBody.toString('utf8'));
      const params: TwilioParams = {};
      for (const key of new Set(form.keys())) {
        const values = form.getAll(key);
        params[key] = values.length === 1 ? (values[0] ?? '') : values;
      }
      const url = `${origin}${request.url}`;
      if (!validateTwilioSignature({ authToken: options.authToken, signature, url, params })) {
        return reject(
          'SIGNATURE_INVALID',
          'X-Twilio-Signature does not match the URL and parameters.',
        );
      }
      const single = Object.fromEntries(form.entries());
      const events = parseTwilioWebhook(single, clock());
      if (!events)
        return reject('MALFORMED_PAYLOAD', 'Expected MessageSid, From and To parameters.');
      return { kind: 'accepted', events };
    },
    formatReply(threadId: string, message: ReplyMessage): OutboundRequest[] {
      const { businessId, customerId } = splitThreadId(threadId);
      // No buttons in SMS: choices are written out with the words to type.
      return splitSms(numberedText(message), options.maxSegmentsPerMessage ?? 10).map((body) => {
        const form = new URLSearchParams({ To: customerId, Body: body });
        if (options.messagingServiceSid)
          form.set('MessagingServiceSid', options.messagingServiceSid);
        else form.set('From', businessId);
        if (options.statusCallbackUrl) form.set('StatusCallback', options.statusCallbackUrl);
        return {
          method: 'POST',
          url: `${apiBaseUrl}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`,
          headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
        };
      });
    },
  };
}
