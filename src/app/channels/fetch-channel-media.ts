/**
 * Fetches a media file from the provider that holds it, on an agent's request: Baton keeps
 * only references (a WhatsApp media id, a Telegram file id, a Twilio or Meta CDN URL), so
 * the inbox asks here and Baton fetches with the channel's credentials. URLs are fetched
 * only from the provider's own hosts, so a customer cannot make Baton fetch anything else.
 */
import type { ChannelMedia } from '../../channels/index.ts';
import type { ResolvedConfig } from '../../config/load-config.ts';

export type MediaFetch =
  | { readonly ok: true; readonly response: Response }
  | {
      readonly ok: false;
      readonly reason: 'not_fetchable' | 'provider_failed';
      readonly message: string;
    };

const TIMEOUT_MS = 15_000;
/** Meta's and Instagram's CDNs, where Messenger attachment URLs point. */
const META_CDN = /(^|\.)(fbcdn\.net|fbsbx\.com|cdninstagram\.com|facebook\.com)$/;

export async function fetchChannelMedia(
  channels: ResolvedConfig['channels'],
  channel: string,
  media: ChannelMedia,
  send: typeof fetch = fetch,
): Promise<MediaFetch> {
  const get = async (url: string, headers: Record<string, string> = {}) => {
    try {
      return await send(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      return new Response(null, { status: 599, statusText: (error as Error).message });
    }
  };
  const done = (response: Response): MediaFetch =>
    response.ok
      ? { ok: true, response }
      : {
          ok: false,
          reason: 'provider_failed',
          message: `The provider answered ${response.status} for this file.`,
        };
  const notFetchable = (message: string): MediaFetch => ({
    ok: false,
    reason: 'not_fetchable',
    message,
  });
  if (media.kind === 'location') return notFetchable('A location has no file.');
  switch (channel) {
    case 'whatsapp': {
      const wa = channels.whatsapp;
      if (!wa) return notFetchable('WhatsApp is not configured.');
      const auth = { authorization: `Bearer ${wa.accessToken}` };
      const base = (wa.apiBaseUrl ?? 'https://graph.facebook.com').replace(/\/+$/, '');
      // GET /{media-id} answers with a short-lived URL that needs the same token.
      const lookup = await get(`${base}/v23.0/${encodeURIComponent(media.ref)}`, auth);
      if (!lookup.ok) return done(lookup);
      const url = ((await lookup.json()) as { url?: unknown }).url;
      if (typeof url !== 'string') return notFetchable('WhatsApp gave no URL for this media.');
      return done(await get(url, auth));
    }
    case 'telegram': {
      const tg = channels.telegram;
      if (!tg) return notFetchable('Telegram is not configured.');
      const base = (tg.apiBaseUrl ?? 'https://api.telegram.org').replace(/\/+$/, '');
      const lookup = await get(
        `${base}/bot${tg.botToken}/getFile?file_id=${encodeURIComponent(media.ref)}`,
      );
      if (!lookup.ok) return done(lookup);
      const path = ((await lookup.json()) as { result?: { file_path?: unknown } }).result
        ?.file_path;
      if (typeof path !== 'string') return notFetchable('Telegram gave no path for this file.');
      return done(await get(`${base}/file/bot${tg.botToken}/${path}`));
    }
    case 'sms': {
      const sms = channels.sms;
      if (!sms) return notFetchable('SMS is not configured.');
      const base = (sms.apiBaseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
      if (!media.ref.startsWith(`${base}/`)) return notFetchable('Not a Twilio media URL.');
      const basic = Buffer.from(`${sms.accountSid}:${sms.authToken}`).toString('base64');
      // Twilio redirects to its storage; fetch drops the credentials on the other origin.
      return done(await get(media.ref, { authorization: `Basic ${basic}` }));
    }
    case 'messenger':
    case 'instagram': {
      const meta = channels[channel];
      if (!meta) return notFetchable(`${channel} is not configured.`);
      const base = (meta.apiBaseUrl ?? 'https://graph.facebook.com').replace(/\/+$/, '');
      const url = URL.canParse(media.ref) ? new URL(media.ref) : undefined;
      const onCdn = url?.protocol === 'https:' && META_CDN.test(url.hostname);
      if (!onCdn && !media.ref.startsWith(`${base}/`)) return notFetchable('Not a Meta CDN URL.');
      return done(await get(media.ref));
    }
    default:
      return notFetchable(`Files from the ${channel} channel are not kept or fetchable.`);
  }
}
