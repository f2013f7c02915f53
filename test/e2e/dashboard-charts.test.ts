// The analytics charts in a real browser, on `baton demo-traffic` data, on a laptop and on a
// phone: CSAT is drawn on its 1–5 scale and the handoff rate on 0–100 %, a chart with nothing
// to draw says "No data" instead of empty axes, and under a queue filter the handoff rate
// tile and the rate chart say they do not apply rather than show a meaningless 100 %.

import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { screenshotPath } from './browser.ts';
import { type DemoTrafficDatabase, demoTrafficOn, openDashboard } from './dashboard-pages.ts';
import { eventually } from './pages.ts';
import { chromiumMissing, useChromiumAndServer } from './chromium-fixture.ts';

const TIMEOUT = 90_000;
const VIEWPORTS = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** The y scale and tick labels the chart drew (written on its figure after each draw). */
const yAxis = (page: Page, chart: string) =>
  page.locator(`[data-chart="${chart}"]`).evaluate((figure) => {
    const data = (figure as unknown as { dataset: Record<string, string | undefined> }).dataset;
    return {
      min: Number(data['yMin']),
      max: Number(data['yMax']),
      ticks: data['yTicks']?.split('|') ?? [],
    };
  });

// SQLite only: the figures' SQL per engine is held by dashboard-analytics; this is the drawing.
describe.skipIf(chromiumMissing !== null)('the analytics charts', () => {
  let demo: DemoTrafficDatabase | undefined;
  // Registered before the server's hook, so it runs after the server has closed.
  afterAll(async () => {
    await demo?.drop();
  });
  const fixture = useChromiumAndServer({
    server: async () => {
      demo = await demoTrafficOn('sqlite', 2, 40);
      return { database: { url: demo.url }, env: { BATON_TIMER_INTERVAL_MS: '3600000' } };
    },
  });

  it.each(VIEWPORTS)(
    'draw on their own scales, say "No data" when empty, and no 100 % per queue ($name)',
    async (viewport) => {
      const page = await openDashboard(
        fixture.browser,
        fixture.server.baseUrl,
        'analytics',
        undefined,
        viewport,
      );
      const csat = page.locator('[data-chart="csat"]');
      await csat.locator('canvas').first().waitFor();
      // CSAT is 1 to 5 whatever the averages: the axis runs from 1 to 5 and says so.
      await eventually(() => yAxis(page, 'csat')).toMatchObject({ min: 1, max: 5 });
      const csatTicks = (await yAxis(page, 'csat')).ticks;
      expect(csatTicks[0]).toBe('1.0');
      expect(csatTicks.at(-1)).toBe('5.0');
      // A rate is 0 to 100 %.
      const rate = await yAxis(page, 'rate-over-time');
      expect(rate).toMatchObject({ min: 0, max: 1 });
      expect(rate.ticks[0]).toBe('0 %');
      expect(rate.ticks.at(-1)).toBe('100 %');
      await csat.scrollIntoViewIfNeeded();
      await csat.screenshot({ path: screenshotPath(`dashboard-chart-csat-${viewport.name}`) });

      const handoffRate = page.locator('[data-metric="handoffRate"]');
      expect(await handoffRate.locator('.tile-value').textContent()).toMatch(/^\d+\.\d %$/);
      // One queue: only handed-over conversations have a queue, so the rate is not shown.
      const filters = page.locator('form.filters');
      await filters.getByLabel('Queue').selectOption('billing');
      await page.getByRole('button', { name: 'Apply' }).click();
      await eventually(() => handoffRate.locator('.tile-value').textContent()).toBe('n/a');
      expect(await handoffRate.textContent()).not.toContain('100');
      expect(await handoffRate.getAttribute('title')).toContain('Only handed-over conversations');
      expect(await handoffRate.locator('.tile-hint').textContent()).toBe('not with a queue filter');
      // The rate over time would be a flat 100 % line: the chart says why it is not drawn.
      const rateChart = page.locator('[data-chart="rate-over-time"]');
      expect(await rateChart.locator('canvas').count()).toBe(0);
      expect(await rateChart.locator('p.chart-empty').textContent()).toMatch(
        /^Not with a queue filter/,
      );
      // The other charts are of the queue's handoffs, and drawn.
      expect(await page.locator('[data-chart="csat"] canvas').count()).toBeGreaterThan(0);
      await handoffRate.screenshot({
        path: screenshotPath(`dashboard-tile-queue-filter-${viewport.name}`),
      });

      // A range long before the demo traffic: every analytics chart says "No data", no axes.
      await filters.getByLabel('Queue').selectOption('');
      await filters.getByLabel('From', { exact: true }).fill('2020-01-01');
      await filters.getByLabel('To', { exact: true }).fill('2020-01-02');
      await page.getByRole('button', { name: 'Apply' }).click();
      const charts = page.locator('figure.chart');
      await eventually(() => page.locator('figure.chart p.chart-empty').count()).toBe(8);
      expect(await charts.count()).toBe(8);
      expect(await charts.locator('canvas').count()).toBe(0);
      for (const text of await page.locator('figure.chart p.chart-empty').allTextContents()) {
        expect(text).toBe('No data');
      }
      const timeToHuman = page.locator('[data-chart="time-to-human"]');
      expect(await timeToHuman.textContent()).not.toContain('min');
      await timeToHuman.scrollIntoViewIfNeeded();
      await timeToHuman.screenshot({
        path: screenshotPath(`dashboard-chart-empty-${viewport.name}`),
      });
      await page.context().close();
    },
    TIMEOUT,
  );
});
