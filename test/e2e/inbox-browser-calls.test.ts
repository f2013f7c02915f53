// Calls in this browser, in the inbox against a server with channels.voice.browserClient: an
// agent without a phone asks for their Access Token once after signing in, the Twilio SDK's
// chunk loads, and, as this machine cannot reach Twilio, the panel says "Unavailable" with the
// SDK's error text, never "Ready" (and axe-core finds nothing serious in the bar); under the
// real CSP the SDK's ringtone requests go out with no violation recorded. An agent with
// a phone sees no panel and never loads the SDK; the call Baton rang their phone for is marked
// "Ringing you" in their list while the caller is on hold. With a stand-in for the SDK's chunk
// that rings with the custom parameters Baton put in Calls.json's `To` (what Twilio hands the
// SDK as `call.customParameters`), accepting opens exactly the conversation the call names.
// In the account dialog an agent chooses their own number (checked by the server) or this
// browser, and the bar comes and goes with the choice.

import { expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { DEMO_PASSWORD } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';
import {
  BROWSER_CLIENT_ENV,
  callParams,
  handOverCall,
  useVoiceServer,
} from '../helpers/voice-server.ts';
import { axeViolations } from './axe.ts';
import { screenshot } from './browser.ts';
import { describeInChromium, useChromium } from './chromium-fixture.ts';
import { eventually, type InboxPage, openInbox, type OpenInboxOptions } from './pages.ts';

const BROWSER_TEST_TIMEOUT = 90_000;
// The SDK's chunk: Vite names it after the package's entry (twilio.js).
const SDK_CHUNK = /\/assets\/twilio-[^/]*\.js$/;

type Request = { method: string; url: string };

describeInChromium('inbox: calls in this browser', () => {
  const chromium = useChromium();
  const v = useVoiceServer({ env: BROWSER_CLIENT_ENV });
  const sam = { email: 'sam@example.com', password: DEMO_PASSWORD };

  /** The inbox signed in as `agent`, with every request its page makes (method and URL). */
  async function openRecording(
    agent: { email: string; password: string },
    options: OpenInboxOptions = {},
  ): Promise<InboxPage & { requests: Request[] }> {
    const requests: Request[] = [];
    const inbox = await openInbox(chromium.browser, v.server.baseUrl, agent, {
      ...options,
      onPage: (page) =>
        page.on('request', (r) => requests.push({ method: r.method(), url: r.url() })),
    });
    return { ...inbox, requests };
  }

  it(
    'asks for the token once, loads the SDK, and says unavailable with its error (Twilio is out of reach)',
    async () => {
      // axe-core is injected as a script tag, which the server's CSP forbids.
      const inbox = await openRecording(sam, { bypassCSP: true });
      const { requests } = inbox;
      const panel = inbox.page.getByRole('region', { name: 'Calls in this browser' });
      const status = panel.getByRole('status');
      // The SDK gives up on Twilio's signalling socket in its own time.
      await expect
        .poll(() => status.textContent(), { timeout: 45_000, interval: 200 })
        .toMatch(/^Unavailable: \S/);
      expect(await status.textContent()).not.toMatch(/Ready/);
      expect(requests.filter((r) => r.url.endsWith('/api/v1/voice/token'))).toEqual([
        { method: 'POST', url: `${v.server.baseUrl}/api/v1/voice/token` },
      ]);
      expect(requests.some((r) => SDK_CHUNK.test(r.url))).toBe(true);
      expect(await axeViolations(inbox.page)).toEqual([]);
      await screenshot(inbox.page, 'inbox-calls-unavailable');
      await inbox.page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    "lets the SDK's own requests through the inbox's Content-Security-Policy (no violation; its ringtones are fetched)",
    async () => {
      const inbox = await openRecording(sam, {
        // The page's own record of what its policy blocked, kept before its scripts run.
        initScript: `window.__blocked = [];
            document.addEventListener('securitypolicyviolation', (e) =>
              window.__blocked.push(e.violatedDirective + ' ' + e.blockedURI));`,
      });
      const { requests } = inbox;
      const status = inbox.page
        .getByRole('region', { name: 'Calls in this browser' })
        .getByRole('status');
      await expect
        .poll(() => status.textContent(), { timeout: 45_000, interval: 200 })
        .toMatch(/^Unavailable: \S/);
      expect(
        await inbox.page.evaluate(
          () => (globalThis as unknown as { __blocked: string[] }).__blocked,
        ),
      ).toEqual([]);
      // The Device fetched its sounds from sdk.twilio.com: the policy let the requests out
      // (this machine cannot reach Twilio, so they fail on the network, not on the policy).
      expect(
        requests.some((r) =>
          r.url.startsWith('https://sdk.twilio.com/js/client/sounds/releases/1.0.0/incoming.mp3'),
        ),
      ).toBe(true);
      await inbox.page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    'shows an agent with a phone no call panel and does not load the SDK',
    async () => {
      const inbox = await openRecording(v.server.demoAgent);
      const { requests } = inbox;
      // The token was refused (409 VOICE_AGENT_ON_PHONE) before the panel could show.
      await eventually(
        () => requests.filter((r) => r.url.endsWith('/api/v1/voice/token')).length,
      ).toBe(1);
      await inbox.page.waitForLoadState('networkidle');
      expect(await inbox.page.getByRole('region', { name: 'Calls in this browser' }).count()).toBe(
        0,
      );
      expect(requests.filter((r) => SDK_CHUNK.test(r.url))).toEqual([]);
      await inbox.page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    "marks the call Baton rang a phone agent for as 'Ringing you' while the caller holds",
    async () => {
      const call = await handOverCall(v, 'CAringing', '+15550006666');
      const caller = callParams('CAringing', '+15550006666');
      const notRung = await handOverCall(
        v,
        'CAother',
        '+15550005555',
        'I want to talk to a person please',
      );

      const alex = await login(v.server.baseUrl, v.server.demoAgent.email, DEMO_PASSWORD);
      const claimed = await api(
        v.server.baseUrl,
        'POST',
        `/api/v1/conversations/${call.id}/claim`,
        { token: alex },
      );
      expect(claimed.status).toBe(200);
      await until(() =>
        v.sent.some((r) => r.body.get('Url')?.endsWith(`conversation=${call.id}`))
          ? true
          : undefined,
      );
      const inbox = await openInbox(chromium.browser, v.server.baseUrl, v.server.demoAgent);
      const item = (id: string) => inbox.page.locator(`.queue-item[data-conversation-id="${id}"]`);
      await eventually(() => item(call.id).getByText('Ringing you').count()).toBe(1);
      // Only the call they were rung for: another caller waiting is not marked.
      expect(await item(notRung.id).getByText('Ringing you').count()).toBe(0);
      expect(await inbox.page.getByText('Ringing you').count()).toBe(1);

      // Bridged: the caller left hold, and the mark goes.
      await v.post('left-queue', { ...caller, QueueResult: 'bridged', QueueTime: '9' });
      await eventually(() => item(call.id).getByText('Ringing you').count()).toBe(0);
      expect(await item(call.id).count()).toBe(1);
      await inbox.page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    "opens exactly the conversation the call names when it is accepted (a stand-in SDK rings with Calls.json's To parameters)",
    async () => {
      const samToken = await login(v.server.baseUrl, sam.email, sam.password);
      // Alex's inbox, open in the test before, leaves them online through the grace: routing
      // would offer these calls to them, and Sam's claims would be refused (ALREADY_CLAIMED).
      const alex = await login(v.server.baseUrl, v.server.demoAgent.email, DEMO_PASSWORD);
      const away = await api(v.server.baseUrl, 'PUT', '/api/v1/me/presence', {
        token: alex,
        body: { presence: 'offline' },
      });
      expect(away.status).toBe(200);
      const claimAndRing = async (id: string) => {
        const claimed = await api(v.server.baseUrl, 'POST', `/api/v1/conversations/${id}/claim`, {
          token: samToken,
        });
        expect(claimed.status).toBe(200);
        return until(() => v.sent.find((r) => r.body.get('Url')?.endsWith(`conversation=${id}`)));
      };
      // The call that rings is the older of Sam's two voice conversations.
      const ringing = await handOverCall(v, 'CAnamed', '+15550004444');
      const rung = await claimAndRing(ringing.id);
      const newer = await handOverCall(v, 'CAnewer', '+15550003333');
      await claimAndRing(newer.id);

      const to = rung.body.get('To') ?? '';
      const custom = [...new URLSearchParams(to.split('?')[1] ?? '')];
      // The SDK's chunk, replaced: a Device that registers, then rings once with those parameters.
      const fakeSdk = `
        class Emitter {
          constructor() { this.handlers = {}; }
          on(e, f) { (this.handlers[e] ||= []).push(f); return this; }
          emit(e, ...a) { for (const f of this.handlers[e] || []) f(...a); }
        }
        class Call extends Emitter {
          parameters = { From: '+15559998888' };
          customParameters = new Map(${JSON.stringify(custom)});
          accept() { this.emit('accept'); }
          reject() { this.emit('reject'); }
          disconnect() { this.emit('disconnect'); }
          mute() {}
        }
        export class Device extends Emitter {
          async register() {
            this.emit('registered');
            setTimeout(() => this.emit('incoming', new Call()), 100);
          }
          updateToken() {}
          destroy() {}
        }`;
      const inbox = await openInbox(chromium.browser, v.server.baseUrl, sam, {
        onPage: (page) =>
          void page.route(SDK_CHUNK, (route) =>
            route.fulfill({ contentType: 'text/javascript', body: fakeSdk }),
          ),
      });
      const panel = inbox.page.getByRole('region', { name: 'Calls in this browser' });
      await eventually(() => panel.getByRole('status').textContent()).toBe('Incoming call');
      expect(await panel.textContent()).toContain('From +15550004444');
      await panel.getByRole('button', { name: 'Accept' }).click();
      await eventually(() => panel.getByRole('status').textContent()).toBe('On a call');
      await eventually(() => new URL(inbox.page.url()).hash).toBe(`#${ringing.id}`);
      expect(
        await inbox.queueItem(ringing.id).getAttribute('aria-current'),
        'the named conversation is the open one',
      ).toBe('true');
      await inbox.page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    'lets an agent choose their own number or this browser in the account dialog',
    async () => {
      const { page, requests } = await openRecording(v.server.demoAgent, {
        bypassCSP: true, // to inject axe-core
      });
      const bar = page.getByRole('region', { name: 'Calls in this browser' });
      await page.getByRole('button', { name: /Alex.*account/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Your account' });
      const form = dialog.getByRole('form', { name: 'Calls' });
      await eventually(() => form.locator('p.muted').textContent()).toBe(
        'Calls ring on +15557770001 (the team default).',
      );
      expect(await axeViolations(page)).toEqual([]);

      await form.getByLabel('On my phone').check();
      await form.getByLabel('Phone number, with country code').fill('12345');
      await form.getByRole('button', { name: 'Save' }).click();
      await eventually(() => form.getByRole('alert').textContent()).toMatch(
        /international form, with its country code/,
      );
      await form.getByLabel('Phone number, with country code').fill('+44 20 7946 0958');
      await form.getByRole('button', { name: 'Save' }).click();
      await eventually(() => form.getByRole('status').textContent()).toBe(
        'Saved. Calls ring on +442079460958.',
      );
      const alex = await login(v.server.baseUrl, v.server.demoAgent.email, DEMO_PASSWORD);
      const line = async () =>
        (await api(v.server.baseUrl, 'GET', '/api/v1/me/voice-line', { token: alex })).body;
      expect(await line()).toMatchObject({ line: 'phone', phone: '+442079460958' });
      expect(await bar.count()).toBe(0);
      await screenshot(page, 'inbox-account-calls');

      // This browser: the token is asked for again, and the bar shows.
      await form.getByLabel('In this browser').check();
      await form.getByRole('button', { name: 'Save' }).click();
      await eventually(() => form.getByRole('status').textContent()).toBe(
        'Saved. Calls ring in this browser.',
      );
      await eventually(() => bar.count()).toBe(1);
      // Once at sign-in and once after each change (the phone, then this browser).
      expect(requests.filter((r) => r.url.endsWith('/api/v1/voice/token')).length).toBe(3);
      expect(await line()).toMatchObject({ line: 'browser', chosen: 'profile' });

      // Back to the team default: the configured phone, and no bar.
      await form.getByLabel('The team default').check();
      await form.getByRole('button', { name: 'Save' }).click();
      await eventually(() => form.getByRole('status').textContent()).toBe(
        'Saved. Calls ring on +15557770001 (the team default).',
      );
      await eventually(() => bar.count()).toBe(0);
      expect(await line()).toMatchObject({
        line: 'phone',
        phone: '+15557770001',
        chosen: 'default',
      });
      await page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
