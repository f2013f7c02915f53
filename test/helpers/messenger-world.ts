/**
 * A Baton with Messenger (or Instagram) enabled against a stand-in Graph API that records every
 * call, for the Messenger tests through the server; the fixtures' page and customer.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { postMetaWebhook } from './meta-webhook.ts';
import { startTestServer, type TestServer } from './test-server.ts';

export const SECRET = 'fb-app-secret';
export const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/channels/messenger/${name}`, import.meta.url), 'utf8');
/** The page and the customer (page-scoped id) of every Messenger fixture. */
export const PAGE = '104880000000001';
export const PSID = '7310000000000042';
/** The Instagram professional account the Instagram variant's payloads are addressed to. */
export const IG_ACCOUNT = '17841400000000000';

/**
 * A Baton with Messenger (or, given `instagramBotAppId`, Instagram) enabled against a stand-in
 * Graph API that records every call; the describe block that calls it gets the server started
 * before its tests and closed after.
 */
export function messengerWorld(
  options: {
    env?: Record<string, string>;
    clock?: () => Date;
    /** Instagram: enabled from a configuration file (its app has no environment variables). */
    instagramBotAppId?: string;
  } = {},
) {
  const channel: 'messenger' | 'instagram' = options.instagramBotAppId ? 'instagram' : 'messenger';
  const sent: Array<{ url: string; body: any }> = [];
  const configDir = mkdtempSync(path.join(os.tmpdir(), 'baton-meta-'));
  const provider = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      sent.push({ url: req.url ?? '', body: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"message_id":"m.1"}');
    });
  });
  const world = {
    channel,
    /** The page (Messenger) or account (Instagram) every payload is addressed to. */
    business: channel === 'instagram' ? IG_ACCOUNT : PAGE,
    sent,
    s: undefined as unknown as TestServer,
    post: (raw: unknown) =>
      postMetaWebhook(
        `${world.s.baseUrl}/channels/${channel}/webhook`,
        typeof raw === 'string' ? raw : JSON.stringify(raw),
        SECRET,
      ),
  };
  beforeAll(async () => {
    await new Promise<void>((r) => provider.listen(0, '127.0.0.1', () => r()));
    const apiBaseUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
    const instagram = options.instagramBotAppId
      ? writeInstagramConfig(configDir, apiBaseUrl, options.instagramBotAppId)
      : {};
    world.s = await startTestServer({
      ...(options.clock ? { clock: options.clock } : {}),
      env: {
        BATON_MESSENGER_APP_SECRET: SECRET,
        BATON_MESSENGER_VERIFY_TOKEN: 'v',
        BATON_MESSENGER_PAGE_ACCESS_TOKEN: 'page-token',
        BATON_MESSENGER_API_BASE_URL: apiBaseUrl,
        BATON_TIMER_INTERVAL_MS: '50',
        ...instagram,
        ...options.env,
      },
    });
  });
  afterAll(async () => {
    await world.s?.close();
    provider.close();
    rmSync(configDir, { recursive: true, force: true });
  });
  return world;
}

/** A configuration file enabling Instagram against the stand-in; its BATON_CONFIG. */
function writeInstagramConfig(dir: string, apiBaseUrl: string, botAppId: string) {
  const file = path.join(dir, 'baton.config.json');
  const instagram = {
    appSecret: SECRET,
    verifyToken: 'v',
    pageAccessToken: 'ig-token',
    apiBaseUrl,
    botAppId,
  };
  // JSON is YAML: loadConfig reads it as it reads baton.config.yaml.
  writeFileSync(file, JSON.stringify({ channels: { instagram } }));
  return { BATON_CONFIG: file };
}

export type MessengerWorld = ReturnType<typeof messengerWorld>;

/** A Messenger fixture, addressed to the world's channel (Instagram: its object and account). */
export function payload(world: MessengerWorld, name: string) {
  const body = JSON.parse(fixture(name));
  if (world.channel === 'instagram') {
    body.object = 'instagram';
    body.entry[0].id = IG_ACCOUNT;
    for (const item of [...(body.entry[0].messaging ?? []), ...(body.entry[0].standby ?? [])]) {
      item.recipient.id = IG_ACCOUNT;
    }
  }
  return body;
}
