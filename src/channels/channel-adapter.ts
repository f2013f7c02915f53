/**
 * The contract every channel adapter fills in. Adapters are pure: they verify and parse a
 * webhook request into events, and format the provider API calls for a reply. They do no
 * IO; the server persists events, answers the webhook, and sends the formatted requests.
 */
import type { EmailAuthenticity } from './email/email-authenticity.ts';
import type { Channel } from '../core/transcript/index.ts';

export type { Channel };

/** The webhook request as the server received it; `rawBody` is the exact bytes signed. */
export interface InboundRequest {
  method: string;
  /** Path and query as received, e.g. `/channels/sms/webhook?x=1`. */
  url: string;
  /** Header names in lower case (Node's `IncomingMessage.headers` already are). */
  headers: Record<string, string | undefined>;
  query: Record<string, string | undefined>;
  rawBody: Buffer;
}

export type RejectionCode =
  | 'SIGNATURE_MISSING'
  | 'SIGNATURE_INVALID'
  | 'VERIFY_TOKEN_INVALID'
  | 'MALFORMED_PAYLOAD'
  | 'PAYLOAD_TOO_LARGE';

/** Status for each rejection, keyed by the code union so a new code must be mapped. */
export const REJECTION_STATUS = {
  SIGNATURE_MISSING: 401,
  SIGNATURE_INVALID: 403,
  VERIFY_TOKEN_INVALID: 403,
  MALFORMED_PAYLOAD: 400,
  PAYLOAD_TOO_LARGE: 413,
} as const satisfies Record<RejectionCode, number>;

export type InboundResult =
  | { kind: 'challenge'; status: 200; body: string }
  | {
      kind: 'rejected';
      status: (typeof REJECTION_STATUS)[RejectionCode];
      code: RejectionCode;
      message: string;
    }
  | { kind: 'accepted'; events: ChannelEvent[] };

export interface ChannelCustomer {
  externalId: string;
  name?: string;
  phone?: string;
  email?: string;
  /** The language the provider reports for the user (Telegram's `language_code`), e.g. `de`. */
  language?: string;
}

export type MediaKind = 'image' | 'audio' | 'video' | 'document' | 'sticker' | 'location' | 'other';

/** Media stays at the provider: `ref` is a provider media id, file id or URL to fetch later. */
export interface ChannelMedia {
  kind: MediaKind;
  ref: string;
  mimeType?: string;
  caption?: string;
  fileName?: string;
  /** Bytes, when the provider says (Telegram `file_size`, an email attachment's length). */
  size?: number;
  /**
   * The file itself when it arrived inline (email attachments): stored apart by the server
   * (store/media-file-repository.ts), never in the message's data.
   */
  content?: Uint8Array;
}

/** A customer turn. `providerMessageId` is the dedupe key; it is stable across redeliveries. */
export interface MessageEvent {
  type: 'message';
  channel: Channel;
  threadId: string;
  providerMessageId: string;
  at: string;
  customer: ChannelCustomer;
  text?: string;
  /** A button, list row, quick reply, postback or inline-keyboard press. */
  interactive?: { id: string; title: string; callbackQueryId?: string };
  media?: ChannelMedia[];
  /** The provider's message type when Baton cannot represent it (reply politely, show the agent). */
  unsupported?: string;
  /** The provider message this one replies to, when the provider says. */
  replyToProviderMessageId?: string;
  /** Email only: the subject line, and the ids a reply must reference to stay in the thread. */
  subject?: string;
  references?: string[];
  /** Email only: SPF, DKIM and DMARC as checked (email/check-email-authenticity.ts). */
  authenticity?: EmailAuthenticity;
}

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed';

/** Delivery status of a message Baton sent. Updates the message; never wakes the bot. */
export interface StatusEvent {
  type: 'status';
  channel: Channel;
  providerMessageId: string;
  status: DeliveryStatus;
  at: string;
  threadId?: string;
  error?: string;
}

/** Messenger/Instagram read receipts name a time, not a message: all sent before it are read. */
export interface ReadWatermarkEvent {
  type: 'read_watermark';
  channel: 'messenger' | 'instagram';
  threadId: string;
  at: string;
  watermark: string;
}

/**
 * Handover Protocol. `pass`: thread control passed to Baton. `take`: another app took it.
 * `request`: another app asks for it. `standby`: the customer wrote while another app owns
 * the thread — the server records the turn but must never reply.
 */
export interface ThreadControlEvent {
  type: 'thread_control';
  channel: 'messenger' | 'instagram';
  threadId: string;
  action: 'pass' | 'take' | 'request' | 'standby';
  at: string;
  /** The other app the event names: new owner (pass), previous owner (take), requester (request). */
  appId?: string;
  metadata?: string;
  /**
   * standby: the customer's message, when the provider included it; `echo`: the owning app's
   * own message to the customer (a message echo), not the customer's words, sent by `appId`.
   */
  message?: { providerMessageId: string; text?: string; echo?: true; appId?: string };
}

/** SMS compliance keywords. Twilio answers STOP/HELP itself; Baton records and honours them. */
export interface ComplianceEvent {
  type: 'opt_out' | 'opt_in' | 'help';
  channel: 'sms';
  threadId: string;
  providerMessageId: string;
  at: string;
  keyword: string;
}

/** The customer edited or deleted an earlier message. */
export interface MessageChangeEvent {
  type: 'message_edited' | 'message_deleted';
  channel: Channel;
  threadId: string;
  providerMessageId: string;
  originalProviderMessageId: string;
  at: string;
  text?: string;
  media?: ChannelMedia[];
}

export interface ReactionEvent {
  type: 'reaction';
  channel: Channel;
  threadId: string;
  providerMessageId: string;
  targetProviderMessageId: string;
  at: string;
  /** Absent or empty: the reaction was removed. */
  emoji?: string;
}

/** A message the business sent from another tool (WhatsApp Business app, Page inbox). */
export interface EchoEvent {
  type: 'echo';
  channel: Channel;
  threadId: string;
  providerMessageId: string;
  at: string;
  text?: string;
  action: 'message' | 'edit' | 'delete';
  originalProviderMessageId?: string;
}

/** Provider notices about the thread (e.g. the customer changed number). */
export interface SystemEvent {
  type: 'system';
  channel: Channel;
  threadId: string;
  providerMessageId: string;
  at: string;
  text: string;
  systemType: string;
  newExternalId?: string;
}

export type ChannelEvent =
  | MessageEvent
  | StatusEvent
  | ReadWatermarkEvent
  | ThreadControlEvent
  | ComplianceEvent
  | MessageChangeEvent
  | ReactionEvent
  | EchoEvent
  | SystemEvent;

/** One HTTP call for the server to make (with its retries); adapters never send. */
export interface OutboundRequest {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * A choice offered with a message (the long-queue options, share details, callback times,
 * the survey): described once by the application, rendered by each adapter as the channel
 * allows (buttons, a list, quick replies, an inline keyboard, or numbered text).
 */
export interface ReplyChoices {
  /** Stable ids: a button press comes back as `interactive.id`, the same as choosing by API. */
  readonly options: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  /**
   * Where there are no buttons the options are written out as "1) Keep waiting" after this
   * line, in the customer's language ("Reply with the number:"); typing the number or the
   * label chooses. Absent when the text already says what to type (the survey's 1 to 5).
   */
  readonly typeHint?: string;
  /** The button that opens a list of options (WhatsApp lists), in the customer's language. */
  readonly menuLabel: string;
}

export interface ReplyMessage {
  text: string;
  replyToProviderMessageId?: string;
  choices?: ReplyChoices;
}

/** What a typing indicator needs: WhatsApp's marks the customer's last message read. */
export interface TypingContext {
  /** The provider id of the customer's latest message in the thread. */
  lastCustomerMessageId?: string;
}

/**
 * One adapter per channel. `TOutbound` is what a reply becomes: HTTP requests for API
 * channels, a mail message for email. `TReply` lets a channel ask for what its reply needs.
 */
export interface ChannelAdapter<
  TOutbound = OutboundRequest,
  TReply extends ReplyMessage = ReplyMessage,
> {
  readonly channel: Channel;
  /** Verify the provider's signature first, then parse. Never throws on bad input. */
  receive(request: InboundRequest): InboundResult;
  /** The provider call(s) that put `text` into the same thread, split where the provider limits length. */
  formatReply(threadId: string, message: TReply): TOutbound[];
  /**
   * The call that shows "typing…" to the customer, where the provider has one (Telegram,
   * Messenger, Instagram, WhatsApp); null when it cannot be shown now (no message to mark).
   */
  formatTyping?(threadId: string, context: TypingContext): OutboundRequest | null;
}
