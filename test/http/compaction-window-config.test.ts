/**
 * How a server's compaction window is configured, on PostgreSQL: `privacy.compactTimeZone`
 * sets the zone the erase answer's `compactionAt` is counted in, and a test server leaves the
 * window off unless a test asks for it (test/helpers/test-server.ts), so a CI run crossing
 * 03:30 UTC, or a test moving the clock, never rewrites the tables of the tests running then.
 * The window itself, run for real, is test/http/compaction-window.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.ts';

const postgres = TEST_DATABASES.find((d) => d.name === 'postgres');
const CHECK_MS = 100;

describe.skipIf(postgres?.skipReason)('compaction window config (postgres)', () => {
  let s: TestServer;
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);
  beforeAll(async () => {
    s = await startTestServer({
      engine: 'postgres',
      clock: now,
      // Checked often, so that a window left on would have run many times in the wait below.
      env: { BATON_COMPACT_CHECK_MS: String(CHECK_MS), BATON_COMPACT_TIME_ZONE: 'Asia/Kolkata' },
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  it("counts the window in the configured zone; a test server's window stays off", async () => {
    const admin = await login(s.baseUrl, 'morgan@example.com', DEMO_PASSWORD);
    await startConversation(s.baseUrl, { customer: { email: 'nora@window-config.example' } });
    const erasedAt = now();
    const done = await api(s.baseUrl, 'POST', '/api/v1/customers/erase', {
      token: admin,
      body: { customer: 'nora@window-config.example', includeOpen: true, confirm: true },
    });
    expect(done.body).toMatchObject({ erased: 1 });
    // 03:30 in Kolkata (UTC+05:30, no daylight saving) is 22:00 UTC, within a day.
    const at = new Date(done.body.compactionAt as string);
    expect([at.getUTCHours(), at.getUTCMinutes()]).toEqual([22, 0]);
    expect(at.getTime()).toBeGreaterThan(erasedAt.getTime());
    expect(at.getTime() - erasedAt.getTime()).toBeLessThanOrEqual(86_400_000);

    // Past the window: a server running it would rewrite the tables at its next check.
    offsetMs = at.getTime() - Date.now() + 1_000;
    await new Promise((r) => setTimeout(r, 20 * CHECK_MS));
    const pending = await s.server.store.compaction.pending();
    expect(pending.map((p) => p.table)).toEqual(expect.arrayContaining(['conversations']));
    expect(pending.every((p) => p.attempts === 0)).toBe(true);
    const audit = await s.server.store.teamAudit.page({ limit: 5 });
    expect(audit.entries.map((e) => e.action)).not.toContain('privacy.compacted');
  });
});
