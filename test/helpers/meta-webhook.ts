/** Posts to a Meta webhook (WhatsApp, Messenger, Instagram) signed as Meta signs it. */
import { createHmac } from 'node:crypto';

export function postMetaWebhook(url: string, raw: string, appSecret: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`,
    },
    body: raw,
  });
}
