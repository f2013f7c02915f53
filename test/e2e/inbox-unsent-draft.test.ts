// The composer's unsent text in the inbox: kept per conversation when the agent switches
// between conversations, and never thrown away by Resolve, Return to bot or Transfer without
// asking (an accessible dialog: cancel keeps it, "Send and …" sends it first, "Discard …"
// drops it). The draft is shown as text, never as HTML.

import { beforeAll, expect, it } from 'vitest';
import { api, startConversation, loginDemoAgent } from '../helpers/api-client.ts';
import { until } from '../helpers/until.ts';
import { axeViolations } from './axe.ts';
import { screenshot } from './browser.ts';
import { eventually, openInbox } from './pages.ts';
import { describeInChromium, useChromiumAndServer } from './chromium-fixture.ts';

const BROWSER_TEST_TIMEOUT = 90_000;

interface StoredEvent {
  type: string;
  data: { from?: string; text?: string };
}

describeInChromium('inbox: unsent text before resolve, return and transfer', () => {
  const fixture = useChromiumAndServer();
  let alex: string;

  beforeAll(async () => {
    alex = await loginDemoAgent(fixture.server);
  }, BROWSER_TEST_TIMEOUT);

  /** A customer who asked for a person, already claimed by Alex. */
  async function claimed(name: string): Promise<string> {
    const c = await startConversation(fixture.server.baseUrl, { customer: { name } });
    await api(fixture.server.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text: 'My parcel is lost, I want to talk to a human please' },
    });
    await until(async () =>
      (await fixture.server.server.store.conversations.get(c.id))?.status === 'queued'
        ? true
        : undefined,
    );
    const claim = await api(fixture.server.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, {
      token: alex,
    });
    expect(claim.status).toBe(200);
    return c.id;
  }

  const eventsOf = async (id: string): Promise<StoredEvent[]> =>
    (
      await api(fixture.server.baseUrl, 'GET', `/api/v1/conversations/${id}/events`, {
        token: alex,
      })
    ).body.events as StoredEvent[];

  it(
    'keeps drafts per conversation, asks before resolve, return and transfer, sends or discards',
    async () => {
      const first = await claimed('Priya');
      const second = await claimed('Tomas');
      const third = await claimed('Lena');
      const inbox = await openInbox(
        fixture.browser,
        fixture.server.baseUrl,
        fixture.server.demoAgent,
        {
          bypassCSP: true,
        },
      );
      const { page } = inbox;
      const reply = page.getByLabel('Reply to the customer');
      const status = page.locator('.pane-header .status');
      const draft = 'Your refund is on its way <b>today</b>';
      /** The drafts the tab keeps in sessionStorage. */
      const storedDrafts = () =>
        page.evaluate(() => {
          const storage = (
            globalThis as unknown as {
              sessionStorage: { length: number; key(i: number): string | null } & {
                getItem(k: string): string | null;
              };
            }
          ).sessionStorage;
          const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '');
          return keys
            .filter((k) => k.startsWith('baton:inbox:draft:'))
            .map((k) => storage.getItem(k));
        });

      // The draft stays with its conversation while the agent looks at another one.
      await inbox.queueItem(first).click();
      await reply.fill(draft);
      await inbox.queueItem(second).click();
      await eventually(() => page.locator('#pane-title').textContent()).toBe('Tomas');
      expect(await reply.inputValue()).toBe('');
      await inbox.queueItem(first).click();
      await eventually(() => reply.inputValue()).toBe(draft);
      expect(await storedDrafts()).toEqual([draft]);

      // Resolve with text in the composer asks first; Cancel keeps everything as it was.
      await page.getByRole('button', { name: 'Resolve' }).click();
      await page.getByRole('button', { name: 'Resolve conversation' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Unsent reply' });
      await dialog.waitFor();
      expect(await dialog.locator('.unsent-draft').textContent()).toBe(draft);
      expect(await dialog.locator('b').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'inbox-unsent-dialog');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await eventually(() => dialog.isVisible()).toBe(false);
      expect(await reply.inputValue()).toBe(draft);
      expect(await reply.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      expect(await status.textContent()).toBe('Assigned');
      expect((await fixture.server.server.store.conversations.get(first))?.status).toBe('assigned');

      // Escape is Cancel too.
      await page.getByRole('button', { name: 'Resolve conversation' }).click();
      await dialog.waitFor();
      await page.keyboard.press('Escape');
      await eventually(() => dialog.isVisible()).toBe(false);
      expect(await reply.inputValue()).toBe(draft);

      // "Send and resolve": the reply is stored first, then the conversation is resolved.
      await page.getByRole('button', { name: 'Resolve conversation' }).click();
      await dialog.getByRole('button', { name: 'Send and resolve' }).click();
      await eventually(() => status.textContent()).toBe('Resolved');
      const events = await eventsOf(first);
      const sentAt = events.findIndex((e) => e.data.from === 'agent' && e.data.text === draft);
      const resolvedAt = events.findIndex((e) => e.type === 'conversation.resolved');
      expect(sentAt).toBeGreaterThan(0);
      expect(resolvedAt).toBeGreaterThan(sentAt);
      await eventually(() =>
        inbox.transcript.locator('.bubble', { hasText: 'on its way' }).first().textContent(),
      ).toBe(draft);

      // Return to bot with a draft: "Discard and return to bot" drops it, nothing is sent.
      await inbox.queueItem(second).click();
      await reply.fill('Let me check with the warehouse');
      await page.getByRole('button', { name: 'Return to bot' }).click();
      const asked = page.getByRole('alertdialog', { name: 'Unsent reply' });
      await asked.getByRole('button', { name: 'Discard and return to bot' }).click();
      await eventually(() => status.textContent()).toBe('With bot');
      const after = await eventsOf(second);
      expect(after.some((e) => e.data.text === 'Let me check with the warehouse')).toBe(false);
      expect(after.some((e) => e.type === 'conversation.returned_to_bot')).toBe(true);
      // Transfer with a draft: "Send and transfer" sends it first, then moves the conversation.
      const handing = 'I am passing you to our technical team';
      await inbox.queueItem(third).click();
      await reply.fill(handing);
      await page.getByRole('button', { name: 'Transfer' }).click();
      const form = page.getByRole('form', { name: 'Transfer' });
      await form.getByLabel('Queue').selectOption('technical');
      await form.getByRole('button', { name: 'Transfer' }).click();
      await asked.getByRole('button', { name: 'Send and transfer' }).click();
      await eventually(async () =>
        (await eventsOf(third)).some((e) => e.type === 'conversation.transferred'),
      ).toBe(true);
      const moved = await eventsOf(third);
      const handedAt = moved.findIndex((e) => e.data.from === 'agent' && e.data.text === handing);
      expect(handedAt).toBeGreaterThan(0);
      expect(moved.findIndex((e) => e.type === 'conversation.transferred')).toBeGreaterThan(
        handedAt,
      );

      // Nothing is left over for the next time one of these is handed to Alex.
      expect(await storedDrafts()).toEqual([]);
    },
    BROWSER_TEST_TIMEOUT,
  );
});
