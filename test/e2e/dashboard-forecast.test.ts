// The staffing forecast panel in a real browser: on `baton demo-traffic` data it draws the
// agents needed against the agents at work, its table has the API's numbers, the CSV downloads,
// axe-core finds nothing serious; on an instance without handoffs it says "No data", not 0.
// On both engines (each counts the arrivals per hour with its own SQL), on one Chromium: on a
// laptop (1366×768), then the panel seen on a phone (390×844).

import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { screenshot } from './browser.ts';
import {
  type DemoTrafficDatabase,
  demoTrafficOn,
  openDashboard,
  seriousAxeViolations,
  SUPERVISOR,
} from './dashboard-pages.ts';
import { eventually } from './pages.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { chromiumMissing, useChromium, useTestServer } from './chromium-fixture.ts';
import { LAPTOP, PHONE, seenAt, viewportOf } from './sizes.ts';

const TIMEOUT = 120_000;
const HOUR_MS = 3_600_000;

const chromium = useChromium({ skip: chromiumMissing !== null });

describe.each(TEST_DATABASES)('staffing forecast panel in the browser on $name', (database) => {
  const skip = chromiumMissing !== null || database.skipReason !== null;
  let demo: DemoTrafficDatabase | undefined;
  // Registered before the server's hook, so it runs after the server has closed.
  afterAll(async () => {
    await demo?.drop();
  });
  const fixture = useTestServer({
    skip,
    server: async () => {
      demo = await demoTrafficOn(database.name, 2, 40);
      return { engine: database.name, database: { url: demo.url } };
    },
    timeout: TIMEOUT,
  });
  const empty = useTestServer({
    skip,
    server: () => ({ engine: database.name }),
    timeout: TIMEOUT,
  });

  it.skipIf(skip)(
    'charts the agents needed against the agents at work, with the API’s table and CSV',
    async () => {
      const token = await login(fixture.server.baseUrl, SUPERVISOR.email, SUPERVISOR.password);
      // The panel's range: the last 4 weeks up to the current whole hour.
      const to = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
      const range = `from=${new Date(to - 28 * 24 * HOUR_MS).toISOString()}&to=${new Date(to).toISOString()}`;
      const expected = (
        await api(
          fixture.server.baseUrl,
          'GET',
          `/api/v1/analytics/forecast?${range}&target=0.8&within=60`,
          {
            token,
          },
        )
      ).body;
      const hours = expected.forecast.hours as Array<{
        hourOfWeek: number;
        agentsNeeded: number | null;
        agentsAtWork: number | null;
        arrivalsPerHour: number | null;
      }>;
      const busiest = [...hours].sort(
        (a, b) => (b.agentsNeeded ?? -1) - (a.agentsNeeded ?? -1),
      )[0]!;
      expect(busiest.agentsNeeded).toBeGreaterThan(0);

      const page = await openDashboard(
        chromium.browser,
        fixture.server.baseUrl,
        'analytics',
        SUPERVISOR,
        viewportOf(LAPTOP),
      );
      const panel = page.locator('[data-panel="forecast"]');
      await eventually(() => panel.locator('[data-chart="forecast"] canvas').count()).toBe(1);
      const rows = panel.locator('table.forecast-table tbody tr');
      expect(await rows.count()).toBe(168);
      const row = panel.locator(`tr[data-hour="${busiest.hourOfWeek}"]`);
      expect(await row.locator('[data-col="needed"]').textContent()).toBe(
        String(busiest.agentsNeeded),
      );
      expect(await row.locator('[data-col="at-work"]').textContent()).toBe(
        String(Math.round(busiest.agentsAtWork! * 10) / 10),
      );
      // An hour the range never had data for shows the dash of "no data", never 0.
      const unseen = hours.find((h) => h.agentsNeeded === null);
      if (unseen)
        expect(
          await panel
            .locator(`tr[data-hour="${unseen.hourOfWeek}"] [data-col="needed"]`)
            .textContent(),
        ).toBe('—');
      expect(await panel.locator('.forecast-summary').textContent()).toContain(
        '80 % answered within 60 s',
      );
      await panel.scrollIntoViewIfNeeded();
      await screenshot(page, `dashboard-forecast-panel-${LAPTOP.name}`);
      expect(await seriousAxeViolations(page)).toEqual([]);

      // A stricter target needs at least as many agents in the busiest hour.
      await panel.getByLabel('Answered (%)').fill('95');
      await panel.getByLabel('Within (seconds)').fill('30');
      await panel.getByRole('button', { name: 'Forecast', exact: true }).click();
      await eventually(() => panel.locator('.forecast-summary').textContent()).toContain(
        '95 % answered within 30 s',
      );
      const stricter = Number(await row.locator('[data-col="needed"]').textContent());
      expect(stricter).toBeGreaterThanOrEqual(busiest.agentsNeeded!);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        panel.getByRole('button', { name: 'Download forecast (CSV)' }).click(),
      ]);
      const csv = readFileSync((await download.path())!, 'utf8')
        .trimEnd()
        .split('\r\n');
      expect(csv[0]).toMatch(/^hour_of_week,day,hour_utc,arrivals_per_hour,/);
      expect(csv).toHaveLength(169);
      const cells = csv[busiest.hourOfWeek + 1]!.split(',');
      expect(Number(cells[6])).toBe(stricter);
      await seenAt(page, PHONE, 'dashboard-forecast-panel', panel);
      await page.context().close();
    },
    TIMEOUT,
  );

  it.skipIf(skip)(
    'says "No data" on an instance where nobody was handed over',
    async () => {
      const page = await openDashboard(
        chromium.browser,
        empty.server.baseUrl,
        'analytics',
        SUPERVISOR,
        viewportOf(PHONE),
      );
      const state = page.locator('[data-empty="forecast"]');
      await eventually(() => state.count()).toBe(1);
      expect(await state.textContent()).toMatch(/^No data/);
      expect(await page.locator('[data-chart="forecast"]').count()).toBe(0);
      await state.scrollIntoViewIfNeeded();
      await screenshot(page, `dashboard-forecast-empty-${PHONE.name}`);
      await seenAt(page, LAPTOP, 'dashboard-forecast-empty', state);
      await page.context().close();
    },
    TIMEOUT,
  );
});
