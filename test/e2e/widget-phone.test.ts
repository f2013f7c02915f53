// The widget's newer screens on a phone (390×844) and a laptop (1366×768): the pre-chat form,
// the emoji grid, the paperclip and the "Email me this conversation" form, each without
// sideways scroll, with its controls inside the viewport, and without a serious or critical axe-core
// finding. Their behaviour is tested at one size in widget-pre-chat, widget-receipts and
// widget-attachments; this file holds the sizes (screenshots test-results/widget-*-{phone,laptop}.png).

import { afterAll, expect, it } from 'vitest';
import { startSmtpRelay } from '../helpers/smtp-relay.ts';
import { axeViolations } from './axe.ts';
import { screenshot } from './browser.ts';
import type { Locator, Page } from 'playwright-core';
import { eventually, scrollsSideways } from './pages.ts';
import { describeInChromium, useChromiumAndServer } from './chromium-fixture.ts';

const BROWSER_TEST_TIMEOUT = 90_000;
const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1366, height: 768 },
] as const;
const FORM = {
  fields: [
    { key: 'name', required: true },
    { key: 'email', required: true },
  ],
};

/** What the fade-in check needs of an element (the tests compile without DOM types). */
interface Animated {
  getAnimations(options: { subtree: boolean }): { readonly finished: Promise<unknown> }[];
}

/** Whether the control is wholly inside the viewport (the widget's shadow root hides it from hit-testing). */
async function inViewport(page: Page, control: Locator): Promise<boolean> {
  const box = await control.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return (
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= viewport.width &&
    box.y + box.height <= viewport.height
  );
}

describeInChromium('the widget at phone and laptop size', () => {
  const relay = startSmtpRelay();
  afterAll(async () => {
    await relay.close();
  });
  const fixture = useChromiumAndServer({
    server: async () => ({
      env: {
        BATON_WIDGET_PRECHAT_FORM: JSON.stringify(FORM),
        BATON_EMAIL_FROM: 'Acme Support <help@acme.test>',
        BATON_EMAIL_SMTP_URL: await relay.listen(),
      },
    }),
  });

  for (const size of SIZES) {
    it(
      `pre-chat form, emoji grid, paperclip and transcript form at ${size.name} size`,
      async () => {
        const context = await fixture.browser.newContext({
          viewport: { width: size.width, height: size.height },
          bypassCSP: true, // axe-core is injected into the page
        });
        const page = await context.newPage();
        await page.goto(`${fixture.server.baseUrl}/`);
        const widget = page.locator('baton-chat');
        await widget.getByRole('button', { name: 'Open chat' }).click();

        const start = widget.getByRole('button', { name: 'Start chat' });
        await start.waitFor();
        await eventually(() => inViewport(page, start)).toBe(true);
        // The panel fades in: the screenshot waits for it to be opaque.
        await widget
          .locator('.panel')
          .evaluate((el) =>
            Promise.all(
              (el as unknown as Animated)
                .getAnimations({ subtree: true })
                .map((animation) => animation.finished),
            ),
          );
        expect(await scrollsSideways(page)).toBe(false);
        await screenshot(page, `widget-pre-chat-${size.name}`);
        expect(await axeViolations(page)).toEqual([]);

        await widget.getByRole('textbox', { name: 'Name', exact: true }).fill('Ana Lima');
        await widget.getByRole('textbox', { name: 'Email', exact: true }).fill('ana@customer.test');
        await start.click();
        const input = widget.getByLabel('Message', { exact: true });
        await input.waitFor();

        await widget.getByRole('button', { name: 'Insert an emoji' }).click();
        const grid = widget.getByRole('group', { name: 'Emoji' });
        await grid.waitFor();
        await eventually(() => inViewport(page, grid.getByRole('button').last())).toBe(true);
        expect(await scrollsSideways(page)).toBe(false);
        await screenshot(page, `widget-emoji-${size.name}`);
        expect(await axeViolations(page)).toEqual([]);
        await grid.getByRole('button').first().click();
        await eventually(() => input.inputValue()).not.toBe('');
        await input.press('Enter');

        const attach = widget.getByRole('button', { name: 'Attach a file' });
        await eventually(() => inViewport(page, attach)).toBe(true);
        const transcript = widget.getByRole('button', { name: 'Email me this conversation' });
        const tallEnough = async (control: Locator) =>
          ((await control.boundingBox())?.height ?? 0) >= 44;
        // A touch target on the phone (the text link was about 27 px tall).
        if (size.name === 'phone') expect(await tallEnough(transcript)).toBe(true);
        await transcript.click();
        const address = widget.getByLabel('Your email address');
        await address.waitFor();
        if (size.name === 'phone')
          expect(await tallEnough(widget.getByRole('button', { name: 'Cancel' }))).toBe(true);
        await eventually(() => inViewport(page, address)).toBe(true);
        expect(await scrollsSideways(page)).toBe(false);
        await screenshot(page, `widget-transcript-form-${size.name}`);
        expect(await axeViolations(page)).toEqual([]);
        await context.close();
      },
      BROWSER_TEST_TIMEOUT,
    );
  }
});
