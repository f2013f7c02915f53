/**
 * A Baton test server with the Twilio Voice channel against a local stand-in of Twilio's REST
 * API (it answers every call like Calls.json does and records what Baton sent), and a signer
 * for Twilio's webhooks with the same signing code the SMS tests use.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, expect } from 'vitest';
import { computeTwilioSignature } from '../../src/channels/index.ts';
import type { StoredEvent } from '../../src/core/records.ts';
import { api } from './api-client.ts';
import { startTestServer, type TestServer } from './test-server.ts';
import { until } from './until.ts';

export const VOICE_PUBLIC_BASE_URL = 'https://voice.baton.example';
export const VOICE_AUTH_TOKEN = 'voice-token';
export const VOICE_ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
export const AGENT_PHONE = '+15557770001';

export interface VoiceServer {
  server: TestServer;
  /** Every request Baton made to the stand-in Twilio API, in order. */
  sent: Array<{ url: string; authorization: string; body: URLSearchParams }>;
  /**
   * How the stand-in answers the next POSTs, in order (then 201): a status, or `'reset'` to
   * create the call and then drop the connection without answering (an answer lost after
   * Twilio acted on the request). GETs do not take from it.
   */
  answers: Array<number | 'reset'>;
  /** The calls the stand-in created (a 2xx or a `'reset'`), as `GET Calls.json` lists them. */
  calls: Array<{ sid: string; to: string; from: string; direction: string; date_created: string }>;
  /** POSTs a webhook signed as Twilio signs it (or with `signature` instead). */
  post(
    step: string,
    params: Record<string, string>,
    options?: { signature?: string; query?: string },
  ): Promise<{ status: number; type: string; text: string }>;
  close(): Promise<void>;
}

export interface VoiceServerOptions {
  clock: () => Date;
  yaml?: string;
  engine?: 'sqlite' | 'postgres';
  /** More environment, e.g. the browser client's `BATON_VOICE_API_KEY_*`. */
  env?: Readonly<Record<string, string>>;
}

/** The API key that turns on calls in the browser (channels.voice.browserClient). */
export const BROWSER_CLIENT_ENV: Readonly<Record<string, string>> = {
  BATON_VOICE_API_KEY_SID: 'SK0123456789abcdef0123456789abcdef',
  BATON_VOICE_API_KEY_SECRET: 'the-api-key-secret-of-the-test',
};

export async function startVoiceServer(options: VoiceServerOptions): Promise<VoiceServer> {
  const sent: VoiceServer['sent'] = [];
  const answers: VoiceServer['answers'] = [];
  const calls: VoiceServer['calls'] = [];
  const twilio = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://twilio.local');
      sent.push({
        url: req.method === 'GET' ? url.pathname : (req.url ?? ''),
        authorization: req.headers.authorization ?? '',
        body: req.method === 'GET' ? url.searchParams : new URLSearchParams(body),
      });
      const json = { 'content-type': 'application/json' };
      if (req.method === 'GET') {
        // Read multiple Call resources: filtered by To and From, newest first.
        const to = url.searchParams.get('To');
        const from = url.searchParams.get('From');
        const listed = calls.filter((c) => (!to || c.to === to) && (!from || c.from === from));
        res.writeHead(200, json);
        res.end(JSON.stringify({ calls: [...listed].reverse(), page: 0 }));
        return;
      }
      const answer = answers.shift() ?? 201;
      const sid = `CA${String(sent.length).padStart(32, '0')}`;
      const form = new URLSearchParams(body);
      if (answer === 'reset' || (answer >= 200 && answer < 300)) {
        calls.push({
          sid,
          to: form.get('To') ?? '',
          from: form.get('From') ?? '',
          direction: 'outbound-api',
          date_created: options.clock().toUTCString().replace('GMT', '+0000'),
        });
      }
      if (answer === 'reset') {
        req.socket.destroy();
        return;
      }
      res.writeHead(answer, json);
      res.end(JSON.stringify({ sid }));
    });
  });
  await new Promise<void>((r) => twilio.listen(0, '127.0.0.1', () => r()));
  const apiBaseUrl = `http://127.0.0.1:${(twilio.address() as AddressInfo).port}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-voice-'));
  const file = path.join(dir, 'voice.yaml');
  writeFileSync(
    file,
    `channels:
  voice:
    accountSid: ${VOICE_ACCOUNT_SID}
    authToken: ${VOICE_AUTH_TOKEN}
    publicBaseUrl: ${VOICE_PUBLIC_BASE_URL}
    apiBaseUrl: ${apiBaseUrl}
    language: en-US
    agentPhones:
      alex@example.com: '${AGENT_PHONE}'
${options.yaml ?? ''}`,
  );
  const server = await startTestServer({
    ...(options.engine ? { engine: options.engine } : {}),
    clock: options.clock,
    env: { BATON_CONFIG: file, BATON_TIMER_INTERVAL_MS: '50', ...options.env },
  });
  return {
    server,
    sent,
    answers,
    calls,
    async post(step, params, extra = {}) {
      const route = `/channels/voice/${step}${extra.query ? `?${extra.query}` : ''}`;
      const signature =
        extra.signature ??
        computeTwilioSignature(VOICE_AUTH_TOKEN, `${VOICE_PUBLIC_BASE_URL}${route}`, params);
      const response = await fetch(`${server.baseUrl}${route}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': signature,
        },
        body: new URLSearchParams(params).toString(),
      });
      return {
        status: response.status,
        type: response.headers.get('content-type') ?? '',
        text: await response.text(),
      };
    },
    close: async () => {
      await server.close();
      twilio.close();
    },
  };
}

/** The parameters Twilio sends with every voice request (a call from `from` to the business). */
export function callParams(callSid: string, from = '+15550001111'): Record<string, string> {
  return {
    CallSid: callSid,
    AccountSid: VOICE_ACCOUNT_SID,
    From: from,
    To: '+15559998888',
    CallStatus: 'in-progress',
    Direction: 'inbound',
    ApiVersion: '2010-04-01',
  };
}

/** TwiML, parsed: `Response` with its verbs as arrays, attributes prefixed `@_`. */
export function parseTwiml(xml: string): Record<string, any> {
  const parser = new XMLParser({
    ignoreAttributes: false,
    preserveOrder: false,
    isArray: (name, _path, _leaf, isAttribute) => !isAttribute && name !== 'Response',
  });
  return parser.parse(xml).Response as Record<string, any>;
}

/** The names of the Response's verbs, in order (`Say`, `Gather`, `Enqueue` …). */
export function verbOrder(xml: string): string[] {
  const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true });
  const doc = parser.parse(xml) as Array<Record<string, any>>;
  const response = doc.find((node) => 'Response' in node)?.Response as Array<Record<string, any>>;
  return response.map((node) => Object.keys(node).find((k) => k !== ':@') ?? '');
}

/**
 * A voice server for the tests of the enclosing describe block: started before them (on the
 * wall clock unless told), closed after. What it returns reads the started server.
 */
export function useVoiceServer(options: Partial<VoiceServerOptions> = {}): VoiceServer {
  let started: VoiceServer | undefined;
  const current = (): VoiceServer => {
    if (!started) throw new Error('the voice server starts in beforeAll');
    return started;
  };
  beforeAll(async () => {
    started = await startVoiceServer({ clock: () => new Date(), ...options });
  }, 60_000);
  afterAll(async () => {
    await started?.close();
  });
  return {
    get server() {
      return current().server;
    },
    get sent() {
      return current().sent;
    },
    get answers() {
      return current().answers;
    },
    get calls() {
      return current().calls;
    },
    post: (step, params, extra) => current().post(step, params, extra),
    close: () => current().close(),
  };
}

/**
 * A caller from `from` who asks the voice bot for a person (`incoming`, then `gather` with what
 * they said): the open conversation of their call, handed over.
 */
export async function handOverCall(
  v: VoiceServer,
  callSid: string,
  from: string,
  said = 'My parcel 77 is lost, I want to talk to a person',
) {
  const caller = callParams(callSid, from);
  await v.post('incoming', caller);
  await v.post('gather', { ...caller, SpeechResult: said });
  const call = await v.server.server.store.conversations.findOpenByThread('voice', callSid);
  if (!call) throw new Error(`no open conversation for the call ${callSid}`);
  return call;
}

/** The first `channel.voice_call` event with this action on the conversation, if any yet. */
export async function voiceCallEvent(
  v: VoiceServer,
  conversationId: string,
  action: string,
): Promise<(StoredEvent & { type: 'channel.voice_call' }) | undefined> {
  const events = await v.server.server.store.conversations.eventsSince(conversationId, 0);
  return events.find(
    (e): e is StoredEvent & { type: 'channel.voice_call' } =>
      e.type === 'channel.voice_call' && e.data.action === action,
  );
}

/**
 * The agent (`token`) claims the call: Baton rings their line for the caller on hold, and this
 * waits for that ring to be recorded (the stand-in answers it), so Calls.json answers queued
 * next are for what the test does after.
 */
export async function claimCall(v: VoiceServer, conversationId: string, token: string) {
  const path = `/api/v1/conversations/${conversationId}/claim`;
  const claimed = await api(v.server.baseUrl, 'POST', path, { token });
  expect(claimed.status).toBe(200);
  return until(() => voiceCallEvent(v, conversationId, 'agent_called'));
}

/** Past a timer's lease (30 s): a claimed timer whose attempt failed fires again. */
export const PAST_THE_LEASE_MS = 31_000;

/**
 * A voice server for one test, on a clock that starts at `start` and moves only by `lapse`
 * (past a timer's lease: the retry after a lost or refused answer); closed after `run`.
 */
export async function withLapsingVoiceServer(
  options: Omit<VoiceServerOptions, 'clock'> & { start: number },
  run: (v: VoiceServer, lapse: () => void) => Promise<void>,
): Promise<void> {
  const { start, ...rest } = options;
  let now = start;
  const v = await startVoiceServer({ ...rest, clock: () => new Date(now) });
  try {
    await run(v, () => (now += PAST_THE_LEASE_MS));
  } finally {
    await v.close();
  }
}

/**
 * A Calls.json request whose answer is lost after Twilio created the call: `send` makes Baton
 * send it (the stand-in creates the call to `to`, then drops the connection), then the lease
 * lapses (`lapse`) and `recorded` is awaited for the retry's outcome. Checks that the retry
 * listed the calls (one GET, `To` and `From`) instead of sending again: one call, not two.
 */
export async function loseCallsAnswer<T>(
  v: VoiceServer,
  options: {
    to: string;
    from: string;
    send: () => Promise<void>;
    lapse: () => void;
    recorded: () => Promise<T | undefined>;
  },
): Promise<{ created: VoiceServer['calls'][number]; outcome: T }> {
  const calls = () => v.calls.filter((c) => c.to === options.to);
  const sent = () =>
    v.sent.filter((r) => r.url.endsWith('/Calls.json') && r.body.get('To') === options.to);
  v.answers.push('reset');
  await options.send();
  await until(() => sent()[0]);
  expect(calls()).toHaveLength(1);
  const created = calls()[0]!;
  options.lapse();
  const outcome = await until(options.recorded);
  // One POST (the lost one) and one GET filtered by To and From; one call, not two.
  expect(sent().filter((r) => r.body.has('Url'))).toHaveLength(1);
  const lookups = sent().filter((r) => !r.body.has('Url'));
  expect(lookups).toHaveLength(1);
  expect(lookups[0]!.body.get('From')).toBe(options.from);
  expect(calls()).toHaveLength(1);
  return { created, outcome };
}
