// The inbox's top bar at 390×844, 1366×768 and 901 px (just above the phone layout): one row
// on each (every control in the bar shares one line, the bar no taller than two of its
// controls), nothing wider than the screen, 44 px touch targets on the phone, and every item
// still there and working — status, alerts, shortcuts, the account, the dashboard link and
// sign out — through the bar's menu where the phone has no room for them.

import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../helpers/test-server.ts';
import { axeViolations } from './axe.ts';
import { screenshot } from './browser.ts';
import { chromiumMissing, useChromiumAndServer } from './chromium-fixture.ts';
import { eventually, openInbox, revealInTopBar as reveal, scrollsSideways } from './pages.ts';

const BROWSER_TEST_TIMEOUT = 90_000;

const SIZES = [
  { name: 'phone', width: 390, height: 844, touch: true },
  { name: 'laptop', width: 1366, height: 768, touch: false },
  // Just wider than the phone layout: the whole row, menu-less, still fits.
  { name: 'narrow-laptop', width: 901, height: 700, touch: false },
] as const;

/** What a person can press in the bar (a checkbox counts as its label, which takes the press). */
const PRESSABLE = 'button, a[href], select, label:has(input)';
/** ...and what they read there as one thing. */
const CONTROLS = `${PRESSABLE}, [role="status"]`;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The layout boxes of the bar's controls that show now, with a name to report them by. */
async function visibleControls(
  bar: Locator,
  selector = CONTROLS,
): Promise<{ name: string; box: Box }[]> {
  const found: { name: string; box: Box }[] = [];
  for (const control of await bar.locator(selector).all()) {
    if (!(await control.isVisible())) continue;
    const box = await control.boundingBox();
    if (!box || box.width === 0 || box.height === 0) continue; // visually hidden text
    const name =
      (await control.getAttribute('aria-label')) ??
      (await control.getAttribute('title')) ??
      (await control.textContent())?.trim() ??
      '';
    found.push({ name, box });
  }
  return found;
}

describe('the inbox top bar at phone and laptop size', () => {
  const skip = chromiumMissing !== null;
  const fixture = useChromiumAndServer({ skip });

  for (const size of SIZES) {
    it.skipIf(skip)(
      `keeps the bar to one row at ${size.name} size (${size.width}×${size.height}), every item working`,
      async () => {
        const { page } = await openInbox(
          fixture.browser,
          fixture.server.baseUrl,
          { email: 'riley@example.com', password: DEMO_PASSWORD }, // a supervisor: Dashboard too
          { viewport: { width: size.width, height: size.height }, bypassCSP: true }, // axe-core
        );
        const bar = page.getByRole('banner');
        await bar.getByLabel('Your status').waitFor();
        await screenshot(page, `inbox-topbar-${size.name}`);

        // One row: every control shows on a common line, and the bar is one control high.
        const controls = await visibleControls(bar);
        expect(controls.length).toBeGreaterThanOrEqual(3);
        const lowestTop = Math.max(...controls.map((c) => c.box.y));
        const highestBottom = Math.min(...controls.map((c) => c.box.y + c.box.height));
        expect(
          lowestTop,
          `not one row: ${controls.map((c) => `${c.name} at y=${Math.round(c.box.y)}`).join(', ')}`,
        ).toBeLessThan(highestBottom);
        const tallest = Math.max(...controls.map((c) => c.box.height));
        const barBox = await bar.boundingBox();
        expect(barBox?.height).toBeLessThan(2 * tallest);
        for (const c of controls) {
          expect(c.box.x, `${c.name} starts off the screen`).toBeGreaterThanOrEqual(0);
          expect(c.box.x + c.box.width, `${c.name} ends off the screen`).toBeLessThanOrEqual(
            size.width,
          );
        }
        expect(await scrollsSideways(page)).toBe(false);
        expect(await axeViolations(page)).toEqual([]);

        // Status: Away and back to Online, from the bar.
        const status = await reveal(page, bar.getByLabel('Your status'));
        await status.selectOption('away');
        await eventually(() => status.inputValue()).toBe('away');
        await status.selectOption('online');
        await eventually(() => page.locator('.presence-dot--online').count()).toBe(1);

        // The alert switches: off, and kept across a reload.
        await reveal(page, bar.getByRole('checkbox', { name: 'Sound' }));
        if (size.touch) {
          // The open menu: every item a touch target, inside the screen, accessible.
          const items = await visibleControls(bar, PRESSABLE);
          for (const c of items) {
            expect(c.box.height, `${c.name} is too small to touch`).toBeGreaterThanOrEqual(44);
            expect(c.box.width, `${c.name} is too narrow to touch`).toBeGreaterThanOrEqual(44);
            expect(c.box.x + c.box.width, `${c.name} ends off the screen`).toBeLessThanOrEqual(
              size.width,
            );
          }
          expect(await scrollsSideways(page)).toBe(false);
          expect(await axeViolations(page)).toEqual([]);
          await screenshot(page, `inbox-topbar-${size.name}-menu`);
          // Escape closes the menu and leaves the keyboard on its button.
          const menu = bar.getByRole('button', { name: 'Menu' });
          await bar.getByRole('checkbox', { name: 'Sound' }).focus();
          await page.keyboard.press('Escape');
          await eventually(() => menu.getAttribute('aria-expanded')).toBe('false');
          expect(await bar.getByRole('checkbox', { name: 'Sound' }).isVisible()).toBe(false);
          expect(await menu.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
          // So does a press outside it (on the queue).
          await reveal(page, bar.getByRole('checkbox', { name: 'Sound' }));
          await page.mouse.click(20, size.height - 100);
          await eventually(() => menu.getAttribute('aria-expanded')).toBe('false');
          await reveal(page, bar.getByRole('checkbox', { name: 'Sound' }));
        }
        await bar.getByRole('checkbox', { name: 'Sound' }).uncheck();
        await (await reveal(page, bar.getByRole('checkbox', { name: 'Notifications' }))).uncheck();
        await page.reload();
        await page.locator('.connection--open').waitFor();
        const sound = await reveal(page, bar.getByRole('checkbox', { name: 'Sound' }));
        expect(await sound.isChecked()).toBe(false);
        expect(await bar.getByRole('checkbox', { name: 'Notifications' }).isChecked()).toBe(false);
        await sound.check();
        await bar.getByRole('checkbox', { name: 'Notifications' }).check();

        // Shortcuts and the account open their dialogs; Escape closes them.
        for (const [button, dialog] of [
          [bar.getByRole('button', { name: 'Shortcuts' }), 'Keyboard shortcuts'],
          [bar.getByRole('button', { name: /Riley.*account/ }), 'Your account'],
        ] as const) {
          await (await reveal(page, button)).click();
          const opened = page.getByRole('dialog', { name: dialog });
          // The dialog takes the keyboard (once it has, Escape is its own).
          await eventually(() =>
            opened.evaluate((el) => el.contains(el.ownerDocument.activeElement)),
          ).toBe(true);
          await page.keyboard.press('Escape');
          await eventually(() => page.getByRole('dialog').count()).toBe(0);
        }

        // The dashboard, and back; then sign out.
        await (
          await reveal(page, bar.getByRole('link', { name: 'Dashboard', exact: true }))
        ).click();
        await page.waitForURL('**/dashboard/');
        await page.goBack();
        await page.locator('.connection--open').waitFor();
        await (await reveal(page, bar.getByRole('button', { name: 'Sign out' }))).click();
        await page.getByRole('button', { name: 'Sign in' }).waitFor();

        await page.context().close();
      },
      BROWSER_TEST_TIMEOUT,
    );
  }
});
