// The inbox on a phone (390×844) and on a laptop (1366×768): an agent accepts an offer,
// replies and resolves, with every button on the screen and clickable, the page never wider
// than the viewport, buttons 44 px tall on the phone, and form fields at 16 px or more (iOS
// Safari zooms into smaller ones).
// On the phone one pane shows at a time: the list, then the conversation with a back button.

import { existsSync, rmSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import { eventually, handedOverChat, onFirstScreen, openInbox, scrollsSideways } from './pages.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { chromiumMissing, useChromiumAndServer } from './chromium-fixture.ts';

const BROWSER_TEST_TIMEOUT = 90_000;

const SIZES = [
  { name: 'phone', width: 390, height: 844, onePane: true },
  { name: 'laptop', width: 1366, height: 768, onePane: false },
] as const;

const fontSize = (locator: Locator) =>
  locator.evaluate((el) =>
    Number.parseFloat(
      (
        globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }
      ).getComputedStyle(el).fontSize,
    ),
  );

// On both engines: the claim, the reply and the resolution are conditional writes to the store.
describe.each(TEST_DATABASES)('inbox at phone and laptop size on $name', (database) => {
  const skip = chromiumMissing !== null || database.skipReason !== null;
  const fixture = useChromiumAndServer({ skip, server: () => ({ engine: database.name }) });

  /** The button is on the screen as it is (no scrolling) and nothing covers it. */
  async function reachable(page: Page, button: Locator, what: string): Promise<void> {
    await button.waitFor();
    await eventually(async () => ((await onFirstScreen(page, button)) ? 'reachable' : what)).toBe(
      'reachable',
    );
  }

  for (const size of SIZES) {
    it.skipIf(skip)(
      `accepts, replies and resolves at ${size.name} size (${size.width}×${size.height})`,
      async () => {
        const id = await handedOverChat(fixture.server, size.name === 'phone' ? 'Noor' : 'Lucas');
        const inbox = await openInbox(
          fixture.browser,
          fixture.server.baseUrl,
          fixture.server.demoAgent,
          {
            viewport: { width: size.width, height: size.height },
          },
        );
        const { page } = inbox;
        const conversation = page.locator('.pane');
        const list = page.getByRole('navigation', { name: 'Conversations' });
        const back = page.getByRole('button', { name: 'Conversations', exact: true });
        expect(await scrollsSideways(page)).toBe(false);

        // The list: the offer is there; on the phone the conversation pane is not.
        const item = inbox.queueItem(id);
        await page
          .getByRole('region', { name: 'Offered to you' })
          .locator(`[data-conversation-id="${id}"]`)
          .waitFor({ timeout: 15_000 });
        expect(await conversation.isVisible()).toBe(!size.onePane);
        await reachable(page, item, 'the queue item is off-screen');
        // Each engine keeps its own screenshots (PostgreSQL's used to overwrite SQLite's).
        const listShot = `test-results/inbox-${size.name}-list-${database.name}.png`;
        rmSync(listShot, { force: true });
        await screenshot(page, `inbox-${size.name}-list`);
        expect(existsSync(listShot)).toBe(true);
        await item.click();

        // The conversation: on the phone it replaces the list, with a way back.
        await eventually(() => page.locator('#pane-title').textContent()).toBeTruthy();
        expect(await list.isVisible()).toBe(!size.onePane);
        expect(await back.isVisible()).toBe(size.onePane);
        expect(await scrollsSideways(page)).toBe(false);
        const card = page.locator('.handoff-card');
        const toggle = card.locator('.handoff-toggle');
        // The card starts collapsed to the goal on the phone, open on the laptop.
        expect(await toggle.getAttribute('aria-expanded')).toBe(String(!size.onePane));
        if (size.onePane) {
          await toggle.click();
          await eventually(() => card.locator('#handoff-details').isVisible()).toBe(true);
          expect(await scrollsSideways(page)).toBe(false);
          await screenshot(page, `inbox-${size.name}-card-open`);
          await toggle.click();
          await eventually(() => card.locator('#handoff-details').isVisible()).toBe(false);
        }

        const accept = conversation.getByRole('button', { name: 'Accept' });
        await reachable(page, accept, 'Accept is off-screen or covered');
        // On the phone every button of the conversation is a 44 px touch target.
        if (size.onePane) {
          for (const button of await page.locator('.pane button').all()) {
            if (!(await button.isVisible())) continue;
            const name = (await button.getAttribute('aria-label')) ?? (await button.textContent());
            expect(
              (await button.boundingBox())?.height,
              `${name} is too small to touch`,
            ).toBeGreaterThanOrEqual(44);
          }
        }
        await screenshot(page, `inbox-${size.name}-offer`);
        await accept.click();
        await eventually(() => page.locator('.pane-header .status').textContent()).toBe('Assigned');

        // Reply: the box and Send are on the screen; the box does not make iOS zoom.
        const reply = page.getByLabel('Reply to the customer');
        await reachable(page, reply, 'the reply box is off-screen');
        expect(await fontSize(reply)).toBeGreaterThanOrEqual(size.onePane ? 16 : 14);
        await reply.fill('Sorry about that, I am resending order 88120 today.');
        const send = conversation.getByRole('button', { name: 'Send', exact: true });
        await reachable(page, send, 'Send is off-screen');
        await send.click();
        await eventually(() =>
          inbox.transcript.locator('.turn--agent').last().textContent(),
        ).toContain('resending order 88120');
        expect(await scrollsSideways(page)).toBe(false);
        await screenshot(page, `inbox-${size.name}-replied`);

        // Back to the list and into the conversation again, as on a phone.
        if (size.onePane) {
          await back.click();
          await list.waitFor();
          expect(await conversation.isVisible()).toBe(false);
          expect(await scrollsSideways(page)).toBe(false);
          // The keyboard is back on the conversation the agent left.
          await eventually(() =>
            page.evaluate(
              () =>
                (
                  globalThis as unknown as {
                    document: { activeElement: { getAttribute(n: string): string | null } | null };
                  }
                ).document.activeElement?.getAttribute('data-conversation-id') ?? null,
            ),
          ).toBe(id);
          await item.click();
          await eventually(() => back.isVisible()).toBe(true);
        }

        // Resolve: the header button, then the form's own button.
        const resolve = conversation.getByRole('button', { name: 'Resolve', exact: true });
        await reachable(page, resolve, 'Resolve is off-screen');
        await resolve.click();
        const form = page.getByRole('form', { name: 'Resolve' });
        await form.waitFor();
        for (const field of await form.locator('input:not([type=radio]), select, textarea').all()) {
          expect(await fontSize(field)).toBeGreaterThanOrEqual(size.onePane ? 16 : 12);
        }
        expect(await scrollsSideways(page)).toBe(false);
        await screenshot(page, `inbox-${size.name}-resolve-form`);
        await form.getByRole('button', { name: 'Resolve conversation' }).click();
        await eventually(() => page.locator('.pane-header .status').textContent()).toBe('Resolved');
        expect((await fixture.server.server.store.conversations.get(id))?.status).toBe('resolved');

        await page.context().close();
      },
      BROWSER_TEST_TIMEOUT,
    );
  }
});
