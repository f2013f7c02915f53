// "Call back" in the inbox, in Chromium against the Twilio stand-in: on a call Alex has
// claimed, the button asks Baton to call the customer; the transcript says "Calling back …",
// then that Twilio took the call (the stand-in's Calls.json answer), then the statuses Twilio
// posts to the signed status callback. A chat without a phone number shows no button. When
// Twilio's answer is lost and the retry finds the call, the notice says so (one call, not two).

import { expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { DEMO_PASSWORD } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';
import {
  callParams,
  claimCall,
  handOverCall,
  loseCallsAnswer,
  PAST_THE_LEASE_MS,
  useVoiceServer,
  voiceCallEvent,
} from '../helpers/voice-server.ts';
import { screenshot } from './browser.ts';
import { describeInChromium, useChromium } from './chromium-fixture.ts';
import { eventually, openInbox } from './pages.ts';

const BROWSER_TEST_TIMEOUT = 90_000;

describeInChromium('inbox: calling a customer back', () => {
  const chromium = useChromium();
  // The wall clock, moved on by `lapse` past a timer's lease (the retry after a lost answer).
  let offset = 0;
  const v = useVoiceServer({ clock: () => new Date(Date.now() + offset) });

  it(
    'calls back from a claimed call and shows the call progress in the transcript',
    async () => {
      const store = v.server.server.store;
      const alex = await login(v.server.baseUrl, v.server.demoAgent.email, DEMO_PASSWORD);
      const call = await handOverCall(
        v,
        'CAinboxcallback',
        '+15550104321',
        'I want to talk to a person',
      );
      await claimCall(v, call.id, alex);
      // A chat Alex has too, with no phone number anywhere.
      const chat = await startConversation(v.server.baseUrl);
      await api(v.server.baseUrl, 'POST', `/api/v1/conversations/${chat.id}/messages`, {
        token: chat.token,
        body: { text: 'I want to talk to a human' },
      });
      await until(async () =>
        ['queued', 'offered'].includes((await store.conversations.get(chat.id))?.status ?? '')
          ? true
          : undefined,
      );
      await api(v.server.baseUrl, 'POST', `/api/v1/conversations/${chat.id}/claim`, {
        token: alex,
      });

      const inbox = await openInbox(chromium.browser, v.server.baseUrl, v.server.demoAgent);
      const { page } = inbox;
      await inbox.queueItem(chat.id).click();
      await page.getByRole('button', { name: 'Resolve' }).waitFor();
      expect(await page.getByRole('button', { name: 'Call back' }).count()).toBe(0);

      await inbox.queueItem(call.id).click();
      await page.getByRole('button', { name: 'Call back' }).click();
      await eventually(() => inbox.transcript.textContent()).toContain(
        'Calling back +15550104321 for Alex…',
      );
      await eventually(() => inbox.transcript.textContent()).toContain(
        'Twilio is placing the call back to +15550104321',
      );
      const placed = await voiceCallEvent(v, call.id, 'call_back_placed');
      const callSid = String((placed?.data as { callSid?: string }).callSid);
      const leg = { ...callParams(callSid, '+15559998888'), To: '+15550104321' };
      const query = `conversation=${call.id}`;
      await v.post('call-back-status', { ...leg, CallStatus: 'ringing' }, { query });
      await eventually(() => inbox.transcript.textContent()).toContain(
        'Call back: ringing the customer',
      );
      await v.post('call-back-status', { ...leg, CallStatus: 'no-answer' }, { query });
      await eventually(() => page.locator('.divider--error').last().textContent()).toMatch(
        /^Call back: no answer · /,
      );
      await screenshot(page, 'inbox-call-back');
      await page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );
  it(
    'says when the call back was found on a retry after Twilio’s answer was lost',
    async () => {
      const alex = await login(v.server.baseUrl, v.server.demoAgent.email, DEMO_PASSWORD);
      const customer = '+15550104322';
      const call = await handOverCall(v, 'CAinboxfoundonretry', customer);
      // Alex's phone is rung for the caller on hold first (the stand-in answers that one).
      await claimCall(v, call.id, alex);
      const inbox = await openInbox(chromium.browser, v.server.baseUrl, v.server.demoAgent);
      const { page } = inbox;
      await inbox.queueItem(call.id).click();
      const { created, outcome } = await loseCallsAnswer(v, {
        to: customer,
        from: '+15559998888', // the number the customer called (no callerId set)
        send: () => page.getByRole('button', { name: 'Call back' }).click(),
        lapse: () => (offset += PAST_THE_LEASE_MS),
        recorded: () => voiceCallEvent(v, call.id, 'call_back_placed'),
      });
      expect(outcome.data).toMatchObject({ callSid: created.sid, foundOnRetry: true });
      await eventually(() => inbox.transcript.textContent()).toContain(
        `Twilio is placing the call back to ${customer} (Twilio's first answer was lost; ` +
          'Baton found the call on a retry: one call, not two)',
      );
      await page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
