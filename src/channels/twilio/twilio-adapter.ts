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
import { reject } from '../reject.ts';
import { splitThreadId } from '../thread-id.ts';
import { numberedText } from '../choice-text.ts';
import { parseTwilioWebhook } from './parse-twilio-webhook.ts';
import { splitSms } from './sms-segments.ts';
import { readTwilioForm } from './read-twilio-form.ts';

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
  const clock = options.clock ?? (() => new Date());
  const user = options.apiKeySid ?? options.accountSid;
  const password = options.apiKeySecret ?? options.authToken;
  const authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return {
    channel: 'sms',
    receive(request: InboundRequest): InboundResult {
      const form = readTwilioForm(request, options);
      if (!form.ok) return form.rejected;
      const events = parseTwilioWebhook({ ...form.params }, clock());
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
