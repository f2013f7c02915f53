// The whole handoff loop in a real browser: a customer on the demo shop talks to the bot,
// asks for a person, an agent in the inbox sees it arrive live, claims it, replies, and
// resolves it. Also: customer HTML stays text on both screens, and a reload of the shop
// resumes the same conversation. Screenshots go to test-results/ for a human to look at.

import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import { eventually, openInbox, openShop, storedConversation } from './pages.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { chromiumMissing, useChromiumAndServer } from './chromium-fixture.ts';

/** A browser flow with two contexts takes a few seconds; leave room on a slow CI machine. */
const BROWSER_TEST_TIMEOUT = 60_000;

// On both engines: the claim, the reply and the resolution are conditional writes to the store.
describe.each(TEST_DATABASES)('handoff flow in the browser on $name', (database) => {
  const skip = chromiumMissing !== null || database.skipReason !== null;
  const fixture = useChromiumAndServer({
    skip,
    timeout: BROWSER_TEST_TIMEOUT,
    server: () => ({ engine: database.name }),
  });

  it.skipIf(skip)(
    'hands a conversation from the bot to an agent and back to resolved',
    async () => {
      const shop = await openShop(fixture.browser, fixture.server.baseUrl);
      await shop.open();

      // The greeting says plainly that this is an automated assistant and a person is available.
      await eventually(() => shop.bubbles('bot').first().textContent()).toMatch(/automated/i);
      expect(await shop.bubbles('bot').first().textContent()).toMatch(/person|human|agent/i);
      expect(await shop.widget.locator('.row--bot .badge').first().textContent()).toBe(
        'Automated assistant',
      );
      const talkToHuman = shop.widget.getByRole('button', { name: 'Talk to a human' });
      expect(await talkToHuman.isVisible()).toBe(true);

      // The agent is already signed in, so the handoff must reach the queue live.
      const inbox = await openInbox(
        fixture.browser,
        fixture.server.baseUrl,
        fixture.server.demoAgent,
      );
      await screenshot(inbox.page, 'inbox-empty');

      await shop.send('How long does shipping take?');
      await eventually(() => shop.bubbles('bot').count()).toBe(2);
      expect(await shop.bubbles('bot').nth(1).textContent()).toMatch(/day|ship|deliver/i);
      await eventually(() => shop.log.locator('.row--customer .state').first().textContent()).toBe(
        'Sent',
      );
      await screenshot(shop.page, 'widget-bot-answer');

      await shop.send('I want to talk to a human');
      const status = shop.widget.locator('.status');
      await eventually(() => status.textContent()).toContain('Waiting for a person');
      expect(await talkToHuman.isVisible()).toBe(false);
      // The handoff message says what happens next (from the system or the bot).
      await eventually(() =>
        shop.log.locator('.notice, .row--bot .bubble').last().textContent(),
      ).not.toMatch(/shipping/i);
      await screenshot(shop.page, 'widget-handoff');

      const { id, token } = await storedConversation(shop.page);
      const item = inbox.queueItem(id);
      await item.waitFor({ timeout: 10_000 });
      expect(await item.textContent()).toContain('Asked for a person');
      await item.click();
      await eventually(() => inbox.transcript.textContent()).toContain(
        'How long does shipping take?',
      );
      expect(await inbox.page.locator('.handoff-card').textContent()).toContain(
        'Asked for a person',
      );
      await screenshot(inbox.page, 'inbox-queue');

      // The only agent online may already have it offered: Accept, else Claim.
      await inbox.page.getByRole('button', { name: /^(Claim|Accept)$/ }).click();
      const reply = inbox.page.getByLabel('Reply to the customer');
      await reply.waitFor();
      await reply.fill('Hi, I am Alex from the support team. How can I help with your order?');
      await reply.press('Enter');
      // "How can I help" asks for what the packet already holds: the repeat guard warns first.
      const guard = inbox.page.locator('.repeat-guard');
      await eventually(() => guard.textContent()).toContain('You already know the problem');
      await guard.getByRole('button', { name: 'Send anyway' }).click();

      // The customer sees the reply live, and who joined.
      await eventually(() => shop.bubbles('agent').last().textContent()).toContain(
        'I am Alex from the support team',
      );
      await eventually(() => status.textContent()).toMatch(/joined/);

      // Typing shows on the other side while a person owns the conversation, never stored.
      const typingInWidget = shop.widget.locator('.typing');
      const shownInWidget = async () =>
        (await typingInWidget.isVisible()) ? await typingInWidget.textContent() : null;
      await reply.fill('Let me check');
      await eventually(shownInWidget).toBe('Alex is typing…');
      await screenshot(shop.page, 'widget-agent-typing');
      await reply.fill('');
      await eventually(() => typingInWidget.isVisible()).toBe(false);
      await shop.widget.getByLabel('Message', { exact: true }).fill('Thanks! It is');
      await eventually(() => inbox.page.locator('.typing-note').textContent()).toMatch(
        /is typing…$/,
      );

      // After the handoff the bot stays silent, even when the customer writes again.
      await shop.send('Thanks! It is order 12345.');
      await eventually(() => inbox.transcript.textContent()).toContain('It is order 12345');
      // Their message arrived: the inbox no longer says they are typing.
      await eventually(() => inbox.page.locator('.typing-note').textContent()).toBe('');
      await screenshot(shop.page, 'widget');
      await screenshot(inbox.page, 'inbox');
      const answer = await fetch(
        `${fixture.server.baseUrl}/api/v1/conversations/${id}/events?since=0`,
        {
          headers: { authorization: `Bearer ${token}` },
        },
      );
      const { events } = (await answer.json()) as {
        events: { type: string; data: { from?: string; kind?: string } }[];
      };
      // The bot's last word is the handoff message that says what happens next; then silence.
      const handoffAt = events.findIndex(
        (e) => e.type === 'message.created' && e.data.kind === 'handoff',
      );
      expect(handoffAt).toBeGreaterThan(0);
      const botAfter = events
        .slice(handoffAt + 1)
        .filter((e) => e.type === 'message.created' && e.data.from === 'bot');
      expect(botAfter).toEqual([]);
      // Greeting, the knowledge-base answer and the handoff message: nothing after it.
      expect(await shop.bubbles('bot').count()).toBe(3);

      await inbox.page.getByRole('button', { name: 'Resolve' }).click();
      await inbox.page.getByRole('button', { name: 'Resolve conversation' }).click();
      await eventually(() => inbox.page.locator('.pane-header .status').textContent()).toBe(
        'Resolved',
      );
      await eventually(() => status.textContent()).toContain('Conversation resolved');
      await eventually(() => item.count()).toBe(0);
      await screenshot(shop.page, 'widget-resolved');
      await screenshot(inbox.page, 'inbox-resolved');

      // Both pages streamed over WebSockets whose URLs carry no token (it goes in the
      // sub-protocol offer, src/app/auth/tokens.ts).
      expect(shop.socketUrls.some((u) => u.includes('/stream'))).toBe(true);
      expect(inbox.socketUrls.some((u) => u.includes('/api/v1/agent/stream'))).toBe(true);
      for (const url of [...shop.socketUrls, ...inbox.socketUrls])
        expect(url).not.toMatch(/token/i);
    },
    BROWSER_TEST_TIMEOUT,
  );

  it.skipIf(skip)(
    'shows HTML typed by a customer as text, in the widget and in the inbox',
    async () => {
      const html = '<img src=x onerror="window.__batonXss=1"><b>bold</b>';
      const shop = await openShop(fixture.browser, fixture.server.baseUrl);
      await shop.open();
      await shop.send(html);
      await eventually(() => shop.bubbles('customer').last().textContent()).toBe(html);
      expect(await shop.widget.locator('.log img, .log b').count()).toBe(0);

      // The persistent button is the other way to reach a person.
      await shop.widget.getByRole('button', { name: 'Talk to a human' }).click();
      await eventually(() => shop.widget.locator('.status').textContent()).toContain(
        'Waiting for a person',
      );
      await screenshot(shop.page, 'widget-html-as-text');

      const inbox = await openInbox(
        fixture.browser,
        fixture.server.baseUrl,
        fixture.server.demoAgent,
      );
      await inbox.queueItem((await storedConversation(shop.page)).id).click();
      const bubble = inbox.transcript.locator('.turn--customer .bubble', { hasText: 'onerror' });
      await eventually(() => bubble.first().textContent()).toBe(html);
      expect(await inbox.page.locator('.transcript img, .transcript b, .queue img').count()).toBe(
        0,
      );
      for (const page of [shop.page, inbox.page]) {
        expect(await page.evaluate(() => (globalThis as { __batonXss?: number }).__batonXss)).toBe(
          undefined,
        );
      }
      await screenshot(inbox.page, 'inbox-html-as-text');
    },
    BROWSER_TEST_TIMEOUT,
  );

  it.skipIf(skip)(
    'resumes the same conversation after a reload, without duplicates',
    async () => {
      const shop = await openShop(fixture.browser, fixture.server.baseUrl);
      await shop.open();
      await shop.send('What are your opening hours?');
      await eventually(() => shop.bubbles('bot').count()).toBe(2);
      const before = await storedConversation(shop.page);
      expect(before.lastSeq).toBeGreaterThan(0);
      const rowsBefore = await shop.log.locator('.row').count();

      await shop.page.reload();
      await shop.open();
      await eventually(() => shop.log.locator('.row').count()).toBe(rowsBefore);
      expect((await storedConversation(shop.page)).id).toBe(before.id);
      expect(
        await shop.log
          .locator('.row--customer', { hasText: 'What are your opening hours?' })
          .count(),
      ).toBe(1);

      // The resumed stream is live: a new question is answered once.
      await shop.send('How long does shipping take?');
      await eventually(() => shop.bubbles('bot').count()).toBe(3);
      expect((await storedConversation(shop.page)).id).toBe(before.id);
    },
    BROWSER_TEST_TIMEOUT,
  );

  it.skipIf(skip)(
    'refuses a message over 4,000 characters before sending it',
    async () => {
      const shop = await openShop(fixture.browser, fixture.server.baseUrl);
      await shop.open();
      const input = shop.widget.getByLabel('Message', { exact: true });
      await input.fill('x'.repeat(4001));
      await eventually(() => shop.widget.locator('.composer-error').textContent()).toContain(
        'too long',
      );
      expect(await shop.widget.getByRole('button', { name: 'Send message' }).isDisabled()).toBe(
        true,
      );
      await input.press('Enter');
      expect(await shop.bubbles('customer').count()).toBe(0);
      await screenshot(shop.page, 'widget-too-long');
    },
    BROWSER_TEST_TIMEOUT,
  );
});
