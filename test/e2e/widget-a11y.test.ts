// The widget in a host page passes axe-core (no serious or critical finding) on a laptop
// (1366×768) and a phone (390×844): open with the bot, waiting for a person, with an agent,
// and with the rating form; it adds no landmark to the host page, and its text boxes use
// 16 px type (iOS Safari zooms into smaller ones).

import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { api, loginDemoAgent } from '../helpers/api-client.ts';
import { axeViolations } from './axe.ts';
import { screenshot } from './browser.ts';
import { conversationId, eventually } from './pages.ts';
import { describeInChromium, useChromiumAndServer } from './chromium-fixture.ts';

const BROWSER_TEST_TIMEOUT = 120_000;

const VIEWPORTS = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

const LANDMARK_ROLES = new Set([
  'banner',
  'complementary',
  'contentinfo',
  'form',
  'main',
  'navigation',
  'region',
  'search',
]);

/**
 * The landmarks of the page as Chromium's accessibility tree has them (shadow DOM included).
 * A form is a landmark only with a name (WAI-ARIA); Chromium lists unnamed ones as "form" too.
 */
async function landmarks(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[];
  };
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored && LANDMARK_ROLES.has(n.role?.value ?? ''))
    .filter((n) => n.role?.value !== 'form' || Boolean(n.name?.value))
    .map((n) => `${n.role?.value}:${n.name?.value ?? ''}`)
    .sort();
}

/** The computed font size of an element in the page (the tests' types have no DOM). */
const fontSize = (node: unknown): string =>
  (
    globalThis as unknown as { getComputedStyle: (n: unknown) => { fontSize: string } }
  ).getComputedStyle(node).fontSize;

describeInChromium('widget accessibility in a host page', () => {
  const fixture = useChromiumAndServer({ timeout: BROWSER_TEST_TIMEOUT });
  let alex: string;

  beforeAll(async () => {
    alex = await loginDemoAgent(fixture.server);
  }, BROWSER_TEST_TIMEOUT);

  for (const viewport of VIEWPORTS) {
    it(
      `has no serious or critical axe finding and adds no landmark (${viewport.name})`,
      async () => {
        const context = await fixture.browser.newContext({
          viewport: { width: viewport.width, height: viewport.height },
          bypassCSP: true, // axe-core is injected into the page
        });
        const page = await context.newPage();
        // The demo shop is the host page: its own header, navigation and main.
        await page.goto(`${fixture.server.baseUrl}/`);
        const widget = page.locator('baton-chat');
        await widget.getByRole('button', { name: 'Open chat' }).click();
        const input = widget.getByLabel('Message', { exact: true });
        await input.waitFor();
        await input.fill('How long does shipping take?');
        await input.press('Enter');
        await eventually(() => widget.locator('.row--bot').count()).toBeGreaterThan(1);
        expect(await axeViolations(page)).toEqual([]);

        // The widget adds no landmark: the same list with it open as without it.
        const withWidget = await landmarks(page);
        // The shop's own header is the one banner (the widget's header is not a <header>).
        expect(withWidget.filter((landmark) => landmark.startsWith('banner:'))).toHaveLength(1);
        expect(await input.evaluate(fontSize)).toBe('16px');

        await widget.getByRole('button', { name: 'Talk to a human' }).click();
        await eventually(() => widget.locator('.status').textContent()).toContain(
          'Waiting for a person',
        );
        expect(await axeViolations(page)).toEqual([]);

        const id = await conversationId(page);
        const claimed = await api(
          fixture.server.baseUrl,
          'POST',
          `/api/v1/conversations/${id}/claim`,
          {
            token: alex,
            body: {},
          },
        );
        expect(claimed.status).toBe(200);
        await eventually(() => widget.locator('.subtitle').textContent()).toBe(
          'Alex · Support team',
        );
        expect(await axeViolations(page)).toEqual([]);

        await api(fixture.server.baseUrl, 'POST', `/api/v1/conversations/${id}/resolve`, {
          token: alex,
          body: {},
        });
        await eventually(() => widget.getByRole('radio').count()).toBe(5);
        const comment = widget.locator('.csat-comment');
        expect(await comment.evaluate(fontSize)).toBe('16px');
        await screenshot(page, `widget-a11y-${viewport.name}`);
        expect(await axeViolations(page)).toEqual([]);
        expect(await landmarks(page)).toEqual(withWidget);

        await widget.evaluate((el) => el.remove());
        expect(await landmarks(page)).toEqual(withWidget);
        await context.close();
      },
      BROWSER_TEST_TIMEOUT,
    );
  }
});
