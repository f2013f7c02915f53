// Read receipts and emoji in two real browsers, through the real server: the agent opens the
// conversation and the widget's last customer message says "Read"; the widget, open on a
// visible page, reads the agent's reply and the inbox says "Seen" under it; a reload of either
// shows the same. The composer's emoji grid opens from its button, moves with the arrow keys,
// closes with Escape (the chat stays open), inserts at the caret, and the emoji is sent as
// text. axe-core finds nothing serious with the grid open, nor in the inbox.
// One Chromium for the file. The receipts on both engines (read marks are stored, and a reload
// reads them back), the widget on a phone (390×844) and the inbox on a laptop (1366×768), then
// each at the other size; the emoji grid, UI alone, on SQLite at both sizes.

import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { screenshot } from './browser.ts';
import { conversationId, eventually, openInbox, openShop } from './pages.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { chromiumMissing, useChromium, useTestServer } from './chromium-fixture.ts';
import { LAPTOP, PHONE, seenAt, viewportOf } from './sizes.ts';

const BROWSER_TEST_TIMEOUT = 90_000;

const chromium = useChromium({ skip: chromiumMissing !== null });

describe.each(TEST_DATABASES)('read receipts in the browser on $name', (database) => {
  const skip = chromiumMissing !== null || database.skipReason !== null;
  const fixture = useTestServer({ skip, server: () => ({ engine: database.name }) });

  it.skipIf(skip)(
    'shows Read in the widget and Seen in the inbox, live and after a reload',
    async () => {
      const shop = await openShop(chromium.browser, fixture.server.baseUrl, {
        viewport: viewportOf(PHONE),
      });
      await shop.open();
      await shop.send('I want to talk to a human about my order');
      await eventually(() => shop.widget.locator('.status').textContent()).toContain(
        'Waiting for a person',
      );
      const customerStates = shop.log.locator('.row--customer .state');
      await eventually(() => customerStates.last().textContent()).toBe('Sent');

      // The agent opens and takes it: their inbox has it open, so the widget says Read.
      const inbox = await openInbox(
        chromium.browser,
        fixture.server.baseUrl,
        fixture.server.demoAgent,
        { viewport: viewportOf(LAPTOP), bypassCSP: true },
      );
      const id = await conversationId(shop.page);
      await inbox.queueItem(id).click();
      await inbox.page.getByRole('button', { name: /^(Claim|Accept)$/ }).click();
      await eventually(() => customerStates.last().textContent()).toBe('Read');

      // The agent replies; the customer has the chat open on a visible page: the inbox says Seen.
      const reply = inbox.page.getByLabel('Reply to the customer');
      await reply.fill('Found it 👋 the parcel left today.');
      await reply.press('Enter');
      await eventually(() => shop.bubbles('agent').last().textContent()).toBe(
        'Found it 👋 the parcel left today.',
      );
      const seen = inbox.transcript.locator('.turn--agent .turn-seen');
      await eventually(() => seen.count()).toBe(1);
      expect(await seen.textContent()).toBe('Seen');
      expect(await seen.locator('xpath=..').locator('.bubble').textContent()).toBe(
        'Found it 👋 the parcel left today.',
      );
      expect(await axeViolations(inbox.page)).toEqual([]);

      // The customer writes again while the agent looks on: the new message is Read, and the
      // earlier one says Sent again (one "Read" only).
      await shop.send('Thanks!');
      await eventually(() =>
        inbox.transcript.locator('.turn--customer .bubble').last().textContent(),
      ).toBe('Thanks!');
      await eventually(() => customerStates.last().textContent()).toBe('Read');
      expect(await customerStates.allTextContents()).toEqual(['Sent', 'Read']);
      await screenshot(shop.page, `widget-read-${PHONE.name}`);
      await screenshot(inbox.page, `inbox-seen-${LAPTOP.name}`);

      // Not seen while the chat is closed, nor while the page is hidden: the next thing the
      // widget sends goes after any receipt on its socket, so once that arrives in the inbox
      // Seen has not moved; opening the chat, or the page coming back, marks the reply read.
      const lastSeenText = () => seen.locator('xpath=..').locator('.bubble').textContent();
      const agentSays = async (text: string) => {
        await reply.fill(text);
        await reply.press('Enter');
        await eventually(() => shop.bubbles('agent').last().textContent()).toBe(text);
      };
      // The panel's own close button (on a phone the panel covers the launcher).
      await shop.widget.locator('.panel').getByRole('button', { name: 'Close chat' }).click();
      await agentSays('One more thing: it is insured.');
      await eventually(() => shop.widget.locator('.unread').isVisible()).toBe(true);
      await shop.open();
      await eventually(lastSeenText).toBe('One more thing: it is insured.');

      const setVisibility = (state: 'hidden' | 'visible') =>
        shop.page.evaluate((value) => {
          const doc = (globalThis as unknown as { document: EventTarget }).document;
          Object.defineProperty(doc, 'visibilityState', { value, configurable: true });
          doc.dispatchEvent(new Event('visibilitychange'));
        }, state);
      await setVisibility('hidden');
      await agentSays('And it ships tomorrow.');
      await shop.send('Great');
      await eventually(() =>
        inbox.transcript.locator('.turn--customer .bubble').last().textContent(),
      ).toBe('Great');
      expect(await lastSeenText()).toBe('One more thing: it is insured.');
      await setVisibility('visible');
      await eventually(lastSeenText).toBe('And it ships tomorrow.');

      // A reload of either side shows the same receipts, from the stored events.
      await shop.page.reload();
      await shop.open();
      await eventually(() => customerStates.last().textContent()).toBe('Read');
      await inbox.page.reload();
      await inbox.queueItem(id).click();
      await eventually(() => inbox.transcript.locator('.turn-seen').count()).toBe(1);
      await seenAt(shop.page, LAPTOP, 'widget-read');
      await seenAt(inbox.page, PHONE, 'inbox-seen', seen);
      for (const page of [shop.page, inbox.page]) await page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});

// The emoji grid is the widget's alone (the message it makes is text like any other): one
// engine is enough.
describe.skipIf(chromiumMissing !== null)('the emoji grid in the browser', () => {
  const fixture = useTestServer();

  it(
    'opens from its button, walks with the keys, closes with Escape and inserts at the caret',
    async () => {
      const shop = await openShop(chromium.browser, fixture.server.baseUrl, {
        viewport: viewportOf(PHONE),
        bypassCSP: true,
      });
      await shop.open();

      // The emoji grid: opened by its button, walked with the keys, closed by Escape alone.
      const input = shop.widget.getByLabel('Message', { exact: true });
      const emojiButton = shop.widget.getByRole('button', { name: 'Insert an emoji' });
      const grid = shop.widget.getByRole('group', { name: 'Emoji' });
      await emojiButton.click();
      expect(await grid.isVisible()).toBe(true);
      expect(await emojiButton.getAttribute('aria-expanded')).toBe('true');
      expect(await grid.getByRole('button').count()).toBe(24);
      expect(await axeViolations(shop.page)).toEqual([]);
      await screenshot(shop.page, `widget-emoji-grid-${PHONE.name}`);
      await seenAt(shop.page, LAPTOP, 'widget-emoji-grid');
      await shop.page.keyboard.press('Escape');
      expect(await grid.isVisible()).toBe(false);
      expect(await shop.widget.locator('.panel').isVisible()).toBe(true);
      expect(await emojiButton.evaluate((b) => b === b.getRootNode().activeElement)).toBe(true);

      // Inserted at the caret: "Thanks!" with the caret before "!" becomes "Thanks 👍!".
      await input.fill('Thanks !');
      await input.press('ArrowLeft');
      await emojiButton.click();
      await shop.page.keyboard.press('ArrowDown'); // 😀 → 😢
      await shop.page.keyboard.press('ArrowDown'); // 😢 → 👍
      await shop.page.keyboard.press('Enter');
      expect(await grid.isVisible()).toBe(false);
      expect(await input.inputValue()).toBe('Thanks 👍!');
      await input.press('Enter');

      // It is sent as text: the customer's bubble and the stored message say the same.
      await eventually(() => shop.bubbles('customer').last().textContent()).toBe('Thanks 👍!');
      const id = await conversationId(shop.page);
      const stored = () => fixture.server.server.store.conversations.eventsSince(id, 0);
      await eventually(async () =>
        (await stored()).some((e) => e.type === 'message.created' && e.data.text === 'Thanks 👍!'),
      ).toBe(true);
      await shop.page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
