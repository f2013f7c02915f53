/**
 * GET /api/v1/analytics/forecast and …/forecast.csv over HTTP, on both engines: handoffs at a
 * known hour on a fixed clock, the agents needed per hour of the week, who may ask, bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe.each(TEST_DATABASES)(
  'the staffing forecast over HTTP ($name)',
  { timeout: 90_000 },
  (database) => {
    let s: TestServer;
    // A fixed clock: Monday 2026-03-02, minutes after 09:50 UTC.
    const base = Date.parse('2026-03-02T09:50:00.000Z');
    let offsetMinutes = 0;
    const at = (minutes: number) => {
      offsetMinutes = minutes;
    };
    beforeAll(async () => {
      if (database.skipReason) return;
      s = await startTestServer({
        engine: database.name,
        clock: () => new Date(base + offsetMinutes * 60_000),
      });
    });
    afterAll(async () => {
      await s?.close();
    });
    const monday = 'from=2026-03-02T00:00:00.000Z&to=2026-03-03T00:00:00.000Z';

    it.skipIf(database.skipReason)(
      'forecasts from two handled handoffs at Monday 10:00, for supervisors only',
      async () => {
        const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
        const supervisor = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
        for (const start of [10, 40]) {
          at(start); // 10:00 and 10:30: handed over, taken a minute later, resolved after 10
          const c = await startConversation(s.baseUrl);
          await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
            token: c.token,
            body: { action: 'request_human' },
          });
          at(start + 1);
          expect(
            (await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, { token: agent }))
              .status,
          ).toBe(200);
          at(start + 11);
          await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/resolve`, {
            token: agent,
            body: { resolved: true, botCouldHaveHandled: false },
          });
        }
        at(90);

        const r = await api(s.baseUrl, 'GET', `/api/v1/analytics/forecast?${monday}`, {
          token: supervisor,
        });
        expect(r.status).toBe(200);
        expect(r.body).toMatchObject({
          from: '2026-03-02T00:00:00.000Z',
          to: '2026-03-03T00:00:00.000Z',
          conversationsRead: 2,
          truncated: false,
          concurrencyFrom: 'team',
        });
        const f = r.body.forecast;
        // Nobody gave up, so patience was not measured: Erlang C.
        expect(f).toMatchObject({
          model: 'erlang-c',
          patienceSeconds: null,
          handleSeconds: 600,
          target: { share: 0.8, withinSeconds: 60 },
        });
        expect(f.hours).toHaveLength(168);
        expect(f.hours[10]).toMatchObject({
          day: 0,
          hour: 10,
          arrivalsPerHour: 2,
          handleSeconds: 600,
          agentsNeeded: 1,
          agentsAtWork: 1,
        });
        expect(f.hours[10].serviceLevel).toBeGreaterThanOrEqual(0.8);
        // Monday's other hours were seen empty; Tuesday onwards was never seen: no data, not 0.
        expect(f.hours[9]).toMatchObject({ arrivalsPerHour: 0, agentsNeeded: 0 });
        expect(f.hours[24]).toMatchObject({ arrivalsPerHour: null, agentsNeeded: null });

        // Without a range: the 28 days up to now; without a concurrency: the team's median capacity.
        const byDefault = await api(s.baseUrl, 'GET', '/api/v1/analytics/forecast', {
          token: supervisor,
        });
        expect(byDefault.body.to).toBe(new Date(base + 90 * 60_000).toISOString());
        expect(byDefault.body.from).toBe(
          new Date(base + 90 * 60_000 - 28 * 86_400_000).toISOString(),
        );
        const team = await api(s.baseUrl, 'GET', '/api/v1/team/agents', { token: supervisor });
        const capacities = (
          team.body.agents as Array<{ maxConcurrent: number; disabledAt: string | null }>
        )
          .filter((a) => a.disabledAt === null)
          .map((a) => a.maxConcurrent)
          .sort((a, b) => a - b);
        expect(f.concurrency).toBe(capacities[Math.floor((capacities.length - 1) / 2)]);

        const strict = await api(
          s.baseUrl,
          'GET',
          `/api/v1/analytics/forecast?${monday}&target=0.99&within=5&concurrency=1`,
          { token: supervisor },
        );
        expect(strict.body.concurrencyFrom).toBe('query');
        expect(strict.body.forecast.concurrency).toBe(1);
        expect(strict.body.forecast.target).toEqual({ share: 0.99, withinSeconds: 5 });
        expect(strict.body.forecast.hours[10].agentsNeeded).toBeGreaterThan(1);

        const csv = await fetch(`${s.baseUrl}/api/v1/analytics/forecast.csv?${monday}`, {
          headers: { authorization: `Bearer ${supervisor}` },
        });
        expect(csv.status).toBe(200);
        expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
        expect(csv.headers.get('content-disposition')).toBe(
          'attachment; filename="baton-forecast-2026-03-02.csv"',
        );
        const rows = (await csv.text()).trimEnd().split('\r\n');
        expect(rows).toHaveLength(169);
        const header = rows[0]!.split(',');
        const ten = Object.fromEntries(header.map((h, i) => [h, rows[11]!.split(',')[i]]));
        expect(ten).toMatchObject({
          hour_of_week: '10',
          day: 'Mon',
          hour_utc: '10',
          arrivals_per_hour: '2',
          agents_needed: '1',
        });
        expect(rows[25]).toBe('24,Tue,0,,,,,,,');

        const asAgent = await api(s.baseUrl, 'GET', `/api/v1/analytics/forecast?${monday}`, {
          token: agent,
        });
        expect(asAgent.status).toBe(403);
        expect(asAgent.body.error.code).toBe('FORBIDDEN');
        const anonymous = await fetch(`${s.baseUrl}/api/v1/analytics/forecast.csv?${monday}`);
        expect(anonymous.status).toBe(401);
      },
    );

    it.skipIf(database.skipReason)(
      'refuses a bad range or target with VALIDATION_FAILED',
      async () => {
        const supervisor = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
        for (const query of [
          'from=2026-03-03T00:00:00.000Z&to=2026-03-02T00:00:00.000Z',
          'from=2025-01-01T00:00:00.000Z&to=2026-03-02T00:00:00.000Z',
          'target=1.5',
          'target=0',
          'within=0',
          'concurrency=0',
          'queue=billing',
        ]) {
          const r = await api(s.baseUrl, 'GET', `/api/v1/analytics/forecast?${query}`, {
            token: supervisor,
          });
          expect([query, r.status, r.body.error?.code]).toEqual([query, 400, 'VALIDATION_FAILED']);
        }
      },
    );
  },
);
