// Microphone and speaker for calls in this browser, in real Chromium with fake media devices
// (`--use-fake-device-for-media-stream`, microphone permission granted): the account dialog
// lists the Voice SDK's own `availableInputDevices` and `availableOutputDevices` (Chromium's
// "Fake Audio Input/Output" devices), the speaker is set through `speakerDevices.set`, and
// both choices are remembered in this browser across a reload. Where the browser has no
// `setSinkId` the dialog says the speaker cannot be chosen; an agent whose calls ring on
// their phone sees no device choice. The SDK cannot reach Twilio here, so no call is made:
// the microphone being used for a real call is not tested.

import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../helpers/test-server.ts';
import { BROWSER_CLIENT_ENV, useVoiceServer } from '../helpers/voice-server.ts';
import { screenshot } from './browser.ts';
import { describeInChromium, useChromium } from './chromium-fixture.ts';
import { eventually, openInbox } from './pages.ts';

const BROWSER_TEST_TIMEOUT = 90_000;
const FAKE_MEDIA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

describeInChromium('inbox: microphone and speaker for calls in this browser', () => {
  const chromium = useChromium({ args: FAKE_MEDIA });
  const v = useVoiceServer({ env: BROWSER_CLIENT_ENV });

  const sam = { email: 'sam@example.com', password: DEMO_PASSWORD };
  const optionLabels = (select: Locator) => select.locator('option').allTextContents();

  it(
    "lists the SDK's microphones and speakers, sets the speaker, and remembers both in this browser",
    async () => {
      const inbox = await openInbox(chromium.browser, v.server.baseUrl, sam, {
        permissions: ['microphone'],
      });
      const { page } = inbox;
      const openDialog = async () => {
        await page.getByRole('button', { name: /Sam.*account/ }).click();
        return page
          .getByRole('dialog', { name: 'Your account' })
          .getByRole('region', { name: 'Microphone and speaker' });
      };
      let section = await openDialog();
      const microphone = () => section.getByLabel('Microphone');
      const speaker = () => section.getByLabel('Speaker');
      await eventually(() => optionLabels(microphone())).toEqual([
        "The browser's default",
        'Fake Audio Input 1',
        'Fake Audio Input 2',
      ]);
      await eventually(() => optionLabels(speaker())).toEqual([
        "The browser's default",
        'Fake Audio Output 1',
        'Fake Audio Output 2',
      ]);

      await microphone().selectOption({ label: 'Fake Audio Input 2' });
      await eventually(() => section.getByRole('status').textContent()).toBe(
        'Your next call uses this microphone.',
      );
      await speaker().selectOption({ label: 'Fake Audio Output 1' });
      // speakerDevices.set resolved: the SDK accepted the device from its own list.
      await eventually(() => section.getByRole('status').textContent()).toBe(
        'Calls and the ringtone play on this speaker.',
      );
      const stored = await page.evaluate(() =>
        (
          globalThis as unknown as { localStorage: { getItem(k: string): string | null } }
        ).localStorage.getItem('baton.inbox.callAudio'),
      );
      const saved = JSON.parse(stored ?? '{}') as { input?: string; speaker?: string };
      const chosenInput = await microphone().inputValue();
      const chosenSpeaker = await speaker().inputValue();
      expect(saved).toEqual({ input: chosenInput, speaker: chosenSpeaker });
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, 'inbox-account-call-audio');

      // Another visit in this browser: the choices are there again.
      await page.reload();
      await page.getByRole('navigation', { name: 'Conversations' }).waitFor();
      section = await openDialog();
      await eventually(() => optionLabels(speaker())).toContain('Fake Audio Output 1');
      expect(await microphone().inputValue()).toBe(chosenInput);
      expect(await speaker().inputValue()).toBe(chosenSpeaker);
      await page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    'says the speaker cannot be chosen where the browser has no setSinkId, and offers no choice to a phone agent',
    async () => {
      const inbox = await openInbox(chromium.browser, v.server.baseUrl, sam, {
        permissions: ['microphone'],
        initScript: 'delete HTMLMediaElement.prototype.setSinkId;',
      });
      const { page } = inbox;
      await page.getByRole('button', { name: /Sam.*account/ }).click();
      const section = page
        .getByRole('dialog', { name: 'Your account' })
        .getByRole('region', { name: 'Microphone and speaker' });
      await eventually(() => section.getByRole('note').textContent()).toMatch(
        /^This browser cannot choose the speaker: calls play on the system's default output/,
      );
      expect(await section.getByLabel('Speaker').count()).toBe(0);
      await eventually(() => optionLabels(section.getByLabel('Microphone'))).toContain(
        'Fake Audio Input 1',
      );
      await page.context().close();

      // An agent whose calls ring on their phone has no device to choose.
      const alex = await openInbox(chromium.browser, v.server.baseUrl, v.server.demoAgent, {
        permissions: ['microphone'],
      });
      await alex.page.getByRole('button', { name: /Alex.*account/ }).click();
      const dialog = alex.page.getByRole('dialog', { name: 'Your account' });
      await eventually(() => dialog.getByRole('form', { name: 'Calls' }).count()).toBe(1);
      expect(await dialog.getByRole('region', { name: 'Microphone and speaker' }).count()).toBe(0);
      await alex.page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
