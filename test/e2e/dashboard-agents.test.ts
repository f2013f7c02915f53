// The dashboard's per-agent report in a real browser, on `baton demo-traffic` data: every cell
// shows the API's figure, names are text with no link, the agents CSV downloads with the same
// rows, a range with nobody at work says "No data", and axe-core finds no serious problem.
// On a laptop (1366×768); the report is then seen on a phone (390×844), the table scrolling
// inside its card, never the page.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decimal, duration } from '../../web/dashboard/format.ts';
import { api, login } from '../helpers/api-client.ts';
import { screenshotPath } from './browser.ts';
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

const TIMEOUT = 90_000;
const DAY_MS = 86_400_000;

interface AgentRow {
  agentId: string;
  name: string;
  handled: number;
  resolved: number;
  firstResponseSeconds: { p50: number | null; p90: number | null };
  handleSeconds: { p50: number | null };
  csat: { count: number; average: number | null };
  transfersOut: number;
  declinedOffers: number;
  expiredOffers: number;
}

const chromium = useChromium({ skip: chromiumMissing !== null });

// On both engines: the figures are read by each engine's SQL from what demo-traffic wrote.
describe.each(TEST_DATABASES)('the per-agent report in the dashboard on $name', (database) => {
  const skip = chromiumMissing !== null || database.skipReason !== null;
  let demo: DemoTrafficDatabase | undefined;
  // Registered before the server's hook, so it runs after the server has closed.
  afterAll(async () => {
    await demo?.drop();
  });
  const fixture = useTestServer({
    skip,
    // demo-traffic writes its two days before the server starts: slow on a busy machine.
    timeout: 180_000,
    // Timers stay still, so nothing changes between the API's answer and the page's.
    server: async () => {
      demo = await demoTrafficOn(database.name, 2, 40);
      return {
        engine: database.name,
        database: { url: demo.url },
        env: { BATON_TIMER_INTERVAL_MS: '3600000' },
      };
    },
  });
  let token: string;

  beforeAll(async () => {
    if (skip) return;
    token = await login(fixture.server.baseUrl, SUPERVISOR.email, SUPERVISOR.password);
  }, TIMEOUT);

  it.skipIf(skip)(
    'shows each agent’s figures as the API gives them, downloads them, and says when there are none',
    async () => {
      // The dashboard's default range: the last 7 UTC days, today included.
      const now = new Date();
      const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
      const from = new Date(today - 6 * DAY_MS).toISOString();
      const to = new Date(today + DAY_MS).toISOString();
      const r = await api(
        fixture.server.baseUrl,
        'GET',
        `/api/v1/analytics?from=${from}&to=${to}`,
        {
          token,
        },
      );
      const agents = r.body.agents as AgentRow[];
      // The demo traffic is worth a report: several agents, with replies and resolutions.
      expect(agents.length).toBeGreaterThan(1);
      expect(agents.some((a) => a.resolved > 0 && a.firstResponseSeconds.p50 !== null)).toBe(true);

      const page = await openDashboard(
        chromium.browser,
        fixture.server.baseUrl,
        'analytics',
        SUPERVISOR,
        viewportOf(LAPTOP),
      );
      const rows = page.locator('table.agent-report tbody tr');
      await eventually(() => rows.count()).toBe(agents.length);
      for (const a of agents) {
        const row = page.locator(`table.agent-report tr[data-agent-id="${a.agentId}"]`);
        const cell = (column: string) => row.locator(`[data-column="${column}"]`).textContent();
        expect(await cell('name')).toBe(a.name);
        expect(await cell('handled')).toBe(String(a.handled));
        expect(await cell('resolved')).toBe(String(a.resolved));
        expect(await cell('firstResponseP50')).toBe(duration(a.firstResponseSeconds.p50));
        expect(await cell('firstResponseP90')).toBe(duration(a.firstResponseSeconds.p90));
        expect(await cell('handleP50')).toBe(duration(a.handleSeconds.p50));
        expect(await cell('csat')).toBe(`${decimal(a.csat.average)} (${a.csat.count})`);
        expect(await cell('transfersOut')).toBe(String(a.transfersOut));
        expect(await cell('declinedOffers')).toBe(String(a.declinedOffers));
        expect(await cell('expiredOffers')).toBe(String(a.expiredOffers));
      }
      // The inbox has no per-agent filter: names are plain text, never links.
      expect(await page.locator('table.agent-report a').count()).toBe(0);
      const section = page.locator('section[aria-labelledby="agents-title"]');
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: screenshotPath(`dashboard-agents-${LAPTOP.name}`) });
      expect(await seriousAxeViolations(page)).toEqual([]);
      await seenAt(page, PHONE, 'dashboard-agents', section);
      await page.setViewportSize(viewportOf(LAPTOP));

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download agents (CSV)' }).click(),
      ]);
      const csv = readFileSync((await download.path())!, 'utf8')
        .trimEnd()
        .split('\r\n');
      expect(csv[0]).toMatch(/^agent_id,agent_name,handled,resolved,/);
      expect(csv.slice(1).map((line) => line.split(',')[0])).toEqual(agents.map((a) => a.agentId));

      // A range long before the demo traffic: nobody handled anything.
      const filters = page.locator('form.filters');
      await filters.getByLabel('From', { exact: true }).fill('2020-01-01');
      await filters.getByLabel('To', { exact: true }).fill('2020-01-02');
      await page.getByRole('button', { name: 'Apply' }).click();
      await eventually(() => section.locator('p.muted').textContent()).toBe('No data');
      expect(await rows.count()).toBe(0);
    },
    TIMEOUT,
  );
});
