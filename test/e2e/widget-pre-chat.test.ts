// The pre-chat form and "Email me this conversation" in Chromium, through the real server
// (docs/web.md): the form stands in for the composer; an empty required field is caught by
// the browser's checks and a malformed phone by the server (PRE_CHAT_INVALID), each message
// under its field with aria-invalid and aria-describedby; the corrected answers start the
// chat, stored as unverified claims. The copy is asked for with the address prefilled, the
// widget confirms, and the SMTP relay's stand-in receives the customer's line. axe-core finds
// nothing serious with the form, nor with the transcript form open.
// On both engines (the answers are stored, then read back, by each store), on one Chromium:
// the steps on a phone (390×844), each screen then seen on a laptop (1366×768) too, with no
// sideways scroll.

import { createHmac } from 'node:crypto';
import type { Locator } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startSmtpRelay } from '../helpers/smtp-relay.ts';
import { axeViolations } from './axe.ts';
import { screenshot } from './browser.ts';
import { conversationId, eventually, openShop } from './pages.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { chromiumMissing, useChromium, useTestServer } from './chromium-fixture.ts';
import { LAPTOP, PHONE, seenAt, viewportOf } from './sizes.ts';

const BROWSER_TEST_TIMEOUT = 90_000;

const SECRET = 'identity-secret-0123456789abcdef';
const FORM = {
  fields: [
    { key: 'name', required: true },
    { key: 'email', required: true },
    { key: 'phone', required: false },
    { key: 'order_id', required: false },
  ],
};

/** The widget's shadow root, as far as these checks need it (the tests compile without DOM types). */
interface Root {
  readonly activeElement: unknown;
  getElementById(id: string): { readonly textContent: string | null } | null;
}

/** The text of the element that describes `input` (its error line). */
async function description(input: Locator): Promise<string> {
  return input.evaluate((el) => {
    const id = el.getAttribute('aria-describedby') ?? '';
    return (el.getRootNode() as unknown as Root).getElementById(id)?.textContent ?? '';
  });
}

/** Whether `input` has the keyboard focus inside the widget. */
function focused(input: Locator): Promise<boolean> {
  return input.evaluate((el) => el === (el.getRootNode() as unknown as Root).activeElement);
}

const chromium = useChromium({ skip: chromiumMissing !== null });

describe.each(TEST_DATABASES)('pre-chat form and emailed transcript on $name', (database) => {
  const skip = chromiumMissing !== null || database.skipReason !== null;
  const relay = startSmtpRelay();
  afterAll(async () => {
    await relay.close();
  });
  const fixture = useTestServer({
    skip,
    server: async () => ({
      engine: database.name,
      env: {
        BATON_WIDGET_PRECHAT_FORM: JSON.stringify(FORM),
        BATON_EMAIL_FROM: 'Acme Support <help@acme.test>',
        BATON_EMAIL_SMTP_URL: await relay.listen(),
        BATON_TIMER_INTERVAL_MS: '50',
        BATON_IDENTITY_SECRET: SECRET,
      },
    }),
  });

  it.skipIf(skip)(
    'asks before the first message, shows each error by its field, then sends the copy',
    async () => {
      const shop = await openShop(chromium.browser, fixture.server.baseUrl, {
        viewport: viewportOf(PHONE),
        bypassCSP: true,
      });
      const { widget, page } = shop;
      await widget.getByRole('button', { name: 'Open chat' }).click();
      const name = widget.getByRole('textbox', { name: 'Name', exact: true });
      await name.waitFor();
      expect(await focused(name)).toBe(true);
      expect(await widget.getByLabel('Message', { exact: true }).isVisible()).toBe(false);
      expect(await axeViolations(page)).toEqual([]);

      // The browser's own check: a required field left empty; nothing is created.
      await widget.getByRole('textbox', { name: 'Email', exact: true }).fill('ana@customer.test');
      await widget.getByRole('button', { name: 'Start chat' }).click();
      expect(await name.getAttribute('aria-invalid')).toBe('true');
      expect(await description(name)).toBe('Please fill in this field.');
      expect(await focused(name)).toBe(true);
      expect(await widget.locator('.prechat-note').textContent()).toBe(
        'Fields marked * are required.',
      );
      expect(await conversationId(page)).toBe('');

      // The server's check: a phone number that is none (type=tel has no browser check).
      await name.fill('Ana Lima');
      const phone = widget.getByRole('textbox', { name: 'Phone', exact: true });
      await phone.fill('call me');
      await widget.getByRole('textbox', { name: 'Order number' }).fill('A-77120');
      await widget.getByRole('button', { name: 'Start chat' }).click();
      await eventually(() => phone.getAttribute('aria-invalid')).toBe('true');
      expect(await description(phone)).toMatch(/^Enter a phone number with its country code/);
      expect(await name.getAttribute('aria-invalid')).toBe('false');
      await screenshot(page, `widget-pre-chat-error-${PHONE.name}`);
      await seenAt(page, LAPTOP, 'widget-pre-chat-error', phone);
      await page.setViewportSize(viewportOf(PHONE));

      await phone.fill('+44 7700 900123');
      await widget.getByRole('button', { name: 'Start chat' }).click();
      const input = widget.getByLabel('Message', { exact: true });
      await input.waitFor();
      expect(await widget.locator('.prechat').isHidden()).toBe(true);
      await shop.send('Where is my <b>order</b>?');
      await eventually(() => shop.bubbles('customer').last().textContent()).toBe(
        'Where is my <b>order</b>?',
      );
      const id = await conversationId(page);
      const stored = await fixture.server.server.store.conversations.get(id);
      expect(stored?.customer).toMatchObject({
        name: 'Ana Lima',
        email: 'ana@customer.test',
        phone: '+44 7700 900123',
        verified: false,
      });
      expect(stored?.channelState.preChatFields).toEqual({ order_id: 'A-77120' });

      // "Email me this conversation": prefilled from the form, confirmed in the widget.
      const open = widget.getByRole('button', { name: 'Email me this conversation' });
      await open.click();
      const address = widget.getByLabel('Your email address');
      expect(await address.inputValue()).toBe('ana@customer.test');
      expect(await open.getAttribute('aria-expanded')).toBe('true');
      expect(await axeViolations(page)).toEqual([]);
      await widget.getByRole('button', { name: 'Send the copy' }).click();
      await eventually(() => widget.locator('.transcript-note').textContent()).toBe(
        'A copy of this conversation is on its way to ana@customer.test.',
      );
      await screenshot(page, `widget-transcript-sent-${PHONE.name}`);
      await seenAt(page, LAPTOP, 'widget-transcript-sent', widget.locator('.transcript-note'));
      await eventually(() => relay.received.length).toBe(1);
      const [sent] = relay.received;
      expect(sent?.to).toEqual(['ana@customer.test']);
      expect(sent?.mail.text).toMatch(/^\[\d\d:\d\d\] You: Where is my <b>order<\/b>\?$/m);
      await page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  it.skipIf(skip)(
    "asks a signed visitor only what the page's signature does not say",
    async () => {
      const shop = await openShop(chromium.browser, fixture.server.baseUrl, {
        viewport: viewportOf(PHONE),
        bypassCSP: true,
      });
      const { widget, page } = shop;
      const hash = createHmac('sha256', SECRET).update('cust_signed').digest('hex');
      // Signed by the host page: re-attached so that the element starts with the identity.
      await widget.evaluate((el, userHash) => {
        const parent = el.parentNode;
        el.remove();
        el.setAttribute('customer-id', 'cust_signed');
        el.setAttribute('customer-name', 'Ana Signed');
        el.setAttribute('customer-email', 'signed@customer.test');
        el.setAttribute('user-hash', userHash);
        parent?.appendChild(el);
      }, hash);
      await widget.getByRole('button', { name: 'Open chat' }).click();
      await widget.getByRole('textbox', { name: 'Phone', exact: true }).waitFor();
      expect(await widget.getByRole('textbox', { name: 'Name', exact: true }).count()).toBe(0);
      expect(await widget.getByRole('textbox', { name: 'Email', exact: true }).count()).toBe(0);
      await screenshot(page, `widget-pre-chat-signed-${PHONE.name}`);
      await seenAt(page, LAPTOP, 'widget-pre-chat-signed', widget.locator('.prechat'));
      await page.setViewportSize(viewportOf(PHONE));
      await widget.getByRole('textbox', { name: 'Order number' }).fill('B-2');
      await widget.getByRole('button', { name: 'Start chat' }).click();
      await widget.getByLabel('Message', { exact: true }).waitFor();
      const id = await conversationId(page);
      const stored = await fixture.server.server.store.conversations.get(id);
      expect(stored?.customer).toMatchObject({ name: 'Ana Signed', verified: true });
      expect(stored?.channelState.preChatFields).toEqual({ order_id: 'B-2' });
      await page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
