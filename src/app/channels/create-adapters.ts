/** The channel adapters the configuration enables, by channel name. */
import {
  createApiAdapter,
  createMessengerAdapter,
  createTelegramAdapter,
  createTwilioAdapter,
  createWhatsAppAdapter,
  type ChannelAdapter,
} from '../../channels/index.ts';
import type { ResolvedConfig } from '../../config/load-config.ts';

export type EnabledAdapters = ReadonlyMap<string, ChannelAdapter>;

export function createAdapters(config: ResolvedConfig, clock: () => Date): EnabledAdapters {
  const adapters = new Map<string, ChannelAdapter>();
  const { whatsapp, telegram, sms, messenger, instagram, api } = config.channels;
  if (whatsapp) {
    adapters.set('whatsapp', createWhatsAppAdapter({ ...whatsapp, clock }));
  }
  if (telegram) {
    adapters.set('telegram', createTelegramAdapter({ ...telegram, clock }));
  }
  if (messenger) {
    adapters.set(
      'messenger',
      createMessengerAdapter({ ...messenger, channel: 'messenger', clock }),
    );
  }
  if (instagram) {
    adapters.set(
      'instagram',
      createMessengerAdapter({ ...instagram, channel: 'instagram', clock }),
    );
  }
  if (sms) {
    // Twilio reports a sent message's delivery only to the StatusCallback the send names:
    // the SMS webhook, which verifies and reads the status callbacks as it does messages.
    const statusCallbackUrl = `${sms.publicBaseUrl.replace(/\/+$/, '')}/channels/sms/webhook`;
    adapters.set('sms', createTwilioAdapter({ ...sms, statusCallbackUrl, clock }));
  }
  if (api) {
    adapters.set('api', createApiAdapter({ ...api, clock }));
  }
  return adapters;
}
