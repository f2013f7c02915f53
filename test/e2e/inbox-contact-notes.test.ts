// The contact page's notes and fields, in Chromium at phone and laptop size, on both engines:
// Ines, signed by the shop (a userHash of her id), asks for a person twice. The agent opens
// the first conversation, presses "All conversations", sees what is known of her (her name, her
// id as verified, the order number she typed as unverified) and adds a note with markup in it,
// which shows as typed, never as HTML; opening her other conversation from the list, its
// contact page lists the same note with its author.

import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { until } from '../helpers/until.ts';
import { axeViolations } from './axe.ts';
import { screenshot } from './browser.ts';
import { chromiumMissing, useChromiumAndServer } from './chromium-fixture.ts';
import { eventually, openInbox, scrollsSideways } from './pages.ts';

const BROWSER_TEST_TIMEOUT = 90_000;
const SECRET = 'contact-notes-e2e-secret-0123456789';

describe.each(TEST_DATABASES)('contact notes and fields in the inbox on $name', (database) => {
  const skip = chromiumMissing !== null || database.skipReason !== null;
  const fixture = useChromiumAndServer({
    skip,
    server: () => ({ engine: database.name, env: { BATON_IDENTITY_SECRET: SECRET } }),
  });
  const ids = { first: '', second: '' };

  async function handedOver(text: string): Promise<string> {
    const base = fixture.server.baseUrl;
    const c = await startConversation(base, {
      customer: { id: 'u-7', name: 'Ines Duarte' },
      userHash: createHmac('sha256', SECRET).update('u-7').digest('hex'),
    });
    for (const line of [text, 'I want to talk to a human']) {
      await api(base, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { text: line },
      });
    }
    await until(async () => {
      const found = await fixture.server.server.store.conversations.get(c.id);
      return found?.status === 'queued' || found?.status === 'offered' ? true : undefined;
    });
    return c.id;
  }

  beforeAll(async () => {
    if (skip) return;
    ids.first = await handedOver('I need a person, my order 55031 never arrived');
    ids.second = await handedOver('Hello again, still waiting for my parcel');
  }, BROWSER_TEST_TIMEOUT);

  for (const size of [
    { name: 'phone', width: 390, height: 844 },
    { name: 'laptop', width: 1366, height: 768 },
  ]) {
    it.skipIf(skip)(
      `adds a note on one conversation and reads it on the other at ${size.name} size`,
      async () => {
        const inbox = await openInbox(
          fixture.browser,
          fixture.server.baseUrl,
          fixture.server.demoAgent,
          { viewport: { width: size.width, height: size.height }, bypassCSP: true },
        );
        const { page } = inbox;
        await inbox.queueItem(ids.first).click();
        await eventually(() => inbox.transcript.textContent()).toContain('order 55031');
        await page.getByRole('button', { name: 'All conversations' }).click();
        const contact = page.getByRole('region', { name: 'Conversations with Ines Duarte' });
        await contact.locator(`[data-history-id="${ids.second}"]`).waitFor();

        // What is known of her, each value with where it came from.
        const field = (name: string) => contact.locator(`[data-field="${name}"]`);
        await eventually(() => field('name').textContent()).toContain('Ines Duarte');
        expect(await field('id').textContent()).toMatch(/u-7 from .*\(verified\)/);
        expect(await field('order_id').textContent()).toBe(
          'Order number55031 from this conversation (unverified)',
        );

        const text = `<b>Prefers email</b> & calls after 5pm (${size.name})`;
        await contact.getByLabel(/Note about Ines Duarte/).fill(text);
        await contact.getByRole('button', { name: 'Add note' }).click();
        const note = contact.locator('.contact-note', { hasText: `(${size.name})` });
        await note.waitFor();
        // Markup in a note is text: shown as typed, no element made of it.
        expect(await note.locator('.contact-note-text').textContent()).toBe(text);
        expect(await note.locator('b').count()).toBe(0);
        expect(await note.locator('.contact-note-meta').textContent()).toContain('Alex');
        // Alex's own note: he may edit and delete it.
        expect(await note.getByRole('button', { name: 'Edit' }).isVisible()).toBe(true);
        expect(await note.getByRole('button', { name: 'Delete' }).isVisible()).toBe(true);
        expect(await scrollsSideways(page)).toBe(false);
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, `inbox-contact-notes-${size.name}`);

        // Her other conversation: the same note on its contact page.
        await contact.locator(`[data-history-id="${ids.second}"]`).click();
        await eventually(() => inbox.transcript.textContent()).toContain('still waiting');
        await page.getByRole('button', { name: 'All conversations' }).click();
        const other = page.getByRole('region', { name: 'Conversations with Ines Duarte' });
        const same = other.locator('.contact-note', { hasText: `(${size.name})` });
        await same.waitFor();
        expect(await same.locator('.contact-note-text').textContent()).toBe(text);
        expect(await other.locator('[data-field="order_id"]').textContent()).toContain(
          'from Web chat (unverified)',
        );
        expect(await scrollsSideways(page)).toBe(false);
        await screenshot(page, `inbox-contact-notes-other-${size.name}`);
        await page.context().close();
      },
      BROWSER_TEST_TIMEOUT,
    );
  }
});
