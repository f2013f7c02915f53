/** The channel adapters and their contract, for the server to mount at `/channels/<channel>/webhook`. */
export type * from './channel-adapter.ts';
export { REJECTION_STATUS } from './channel-adapter.ts';
export { MAX_WEBHOOK_BODY_BYTES } from './reject.ts';
export {
  createWhatsAppAdapter,
  type WhatsAppAdapter,
  type WhatsAppAdapterOptions,
} from './whatsapp/whatsapp-adapter.ts';
export {
  canSendFreeText,
  WHATSAPP_WINDOW_MS,
  type WindowCheck,
} from './whatsapp/whatsapp-window.ts';
export type { WhatsAppTemplate } from './whatsapp/format-whatsapp.ts';
export {
  createMessengerAdapter,
  type MessengerAdapter,
  type MessengerAdapterOptions,
} from './messenger/messenger-adapter.ts';
export type { MessengerReply } from './messenger/format-messenger.ts';
export {
  createTelegramAdapter,
  type TelegramAdapter,
  type TelegramAdapterOptions,
} from './telegram/telegram-adapter.ts';
export { createTwilioAdapter, type TwilioAdapterOptions } from './twilio/twilio-adapter.ts';
export { countSmsSegments, splitSms, type SmsLength } from './twilio/sms-segments.ts';
export { readTwilioForm, type TwilioForm } from './twilio/read-twilio-form.ts';
export {
  clientParameters,
  renderTwiml,
  type GatherChoiceVerb,
  type SayVerb,
  type TwimlVerb,
} from './twilio/voice/twiml.ts';
export { twilioLanguage } from './twilio/voice/voice-language.ts';
export {
  formatCallLookup,
  parseCallList,
  type CallLookupRequest,
  type ListedCall,
} from './twilio/voice/call-lookup.ts';
export {
  formatAgentCall,
  parseCallSid,
  type AgentCall,
} from './twilio/voice/agent-call-request.ts';
export { signVoiceAccessToken, type VoiceAccessToken } from './twilio/voice/access-token.ts';
export {
  computeTwilioSignature,
  validateTwilioSignature,
} from './twilio/validate-twilio-signature.ts';
export {
  createEmailAdapter,
  type EmailAdapter,
  type EmailAdapterOptions,
  type EmailReply,
  type MailMessage,
} from './email/email-adapter.ts';
export {
  createApiAdapter,
  type ApiAdapter,
  type ApiAdapterOptions,
  type ApiReply,
  type ConversationWebhookType,
} from './api/api-adapter.ts';
export { signStandardWebhook, verifyStandardWebhook } from './api/standard-webhooks.ts';
export { sentMessageId } from './sent-message-id.ts';
