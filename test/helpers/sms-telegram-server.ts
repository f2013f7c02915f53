/**
 * A Baton test server with Telegram and Twilio SMS enabled against one local stand-in for both
 * providers, which answers every call with success and records what Baton sent.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestServer, type TestServer } from './test-server.ts';

/** The public base URL Twilio signs webhooks for. */
export const TWILIO_PUBLIC_BASE_URL = 'https://baton.example.com';

export interface SmsTelegramServer {
  server: TestServer;
  /** Every request Baton made to the providers, in order. */
  sent: Array<{ url: string; body: string }>;
  close(): Promise<void>;
}

export async function startSmsTelegramServer(
  options: { readonly engine?: 'sqlite' | 'postgres' } = {},
): Promise<SmsTelegramServer> {
  const sent: Array<{ url: string; body: string }> = [];
  const provider = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      sent.push({ url: req.url ?? '', body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result: { message_id: 9 }, sid: 'SM1' }));
    });
  });
  await new Promise<void>((r) => provider.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  const server = await startTestServer({
    ...(options.engine ? { engine: options.engine } : {}),
    env: {
      BATON_TELEGRAM_BOT_TOKEN: '123:abc',
      BATON_TELEGRAM_SECRET_TOKEN: 'tg-secret_1',
      BATON_TELEGRAM_API_BASE_URL: base,
      BATON_TWILIO_ACCOUNT_SID: 'AC123',
      BATON_TWILIO_AUTH_TOKEN: 'twilio-token',
      BATON_TWILIO_PUBLIC_BASE_URL: TWILIO_PUBLIC_BASE_URL,
      BATON_TWILIO_API_BASE_URL: base,
      BATON_TIMER_INTERVAL_MS: '50',
    },
  });
  return {
    server,
    sent,
    close: async () => {
      await server.close();
      provider.close();
    },
  };
}
