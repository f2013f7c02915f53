// The dashboard on a phone (390×844) and on a laptop (1366×768), on `baton demo-traffic` data:
// the analytics (charts, per-agent report, staffing forecast), the supervisor view and the team
// never make the page scroll sideways (wide tables scroll inside their card), the tabs and the
// forecast's button are 44 px touch targets on the phone, and axe-core finds nothing serious.
// Screenshots of each tab at both sizes go to test-results/.

import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screenshot } from './browser.ts';
import {
  ADMIN,
  demoTrafficDatabase,
  openDashboard,
  seriousAxeViolations,
} from './dashboard-pages.ts';
import { eventually, scrollsSideways } from './pages.ts';
import { describeInChromium, useChromiumAndServer } from './chromium-fixture.ts';

const TIMEOUT = 120_000;
const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1366, height: 768 },
] as const;

const height = async (control: Locator) => (await control.boundingBox())?.height ?? 0;

describeInChromium('the dashboard on a phone and on a laptop', () => {
  const fixture = useChromiumAndServer({
    server: () => ({ env: { DATABASE_URL: demoTrafficDatabase(3, 60) } }),
    timeout: TIMEOUT,
  });

  async function tab(page: Page, name: string): Promise<void> {
    await page.getByRole('tab', { name }).click();
    await eventually(() => page.getByRole('tab', { name }).getAttribute('aria-selected')).toBe(
      'true',
    );
  }

  for (const size of SIZES) {
    it(
      `shows analytics, forecast, supervisor and team without sideways scroll (${size.name})`,
      async () => {
        const page = await openDashboard(
          fixture.browser,
          fixture.server.baseUrl,
          'analytics',
          ADMIN,
          { width: size.width, height: size.height },
        );
        const forecast = page.locator('[data-panel="forecast"]');
        await eventually(() => forecast.locator('[data-chart="forecast"] canvas').count()).toBe(1);
        await eventually(() => page.locator('table.agent-report tbody tr').count()).toBeGreaterThan(
          0,
        );
        expect(await scrollsSideways(page)).toBe(false);
        await screenshot(page, `dashboard-analytics-${size.name}`);
        await page.locator('table.agent-report').scrollIntoViewIfNeeded();
        await screenshot(page, `dashboard-agents-${size.name}`);
        await forecast.scrollIntoViewIfNeeded();
        await screenshot(page, `dashboard-forecast-${size.name}`);
        expect(await seriousAxeViolations(page)).toEqual([]);
        if (size.name === 'phone') {
          for (const t of await page.getByRole('tab').all())
            expect(await height(t)).toBeGreaterThanOrEqual(44);
          for (const control of await page.locator('main button, main input, main select').all())
            if (await control.isVisible()) expect(await height(control)).toBeGreaterThanOrEqual(44);
        }

        await tab(page, 'Supervisor');
        await page.locator('#panel-supervisor table').first().waitFor();
        expect(await scrollsSideways(page)).toBe(false);
        await screenshot(page, `dashboard-supervisor-${size.name}`);
        expect(await seriousAxeViolations(page)).toEqual([]);

        await tab(page, 'Team');
        await page.locator('#panel-team table').first().waitFor();
        expect(await scrollsSideways(page)).toBe(false);
        await screenshot(page, `dashboard-team-${size.name}`);
        expect(await seriousAxeViolations(page)).toEqual([]);
        await page.context().close();
      },
      TIMEOUT,
    );
  }
});
