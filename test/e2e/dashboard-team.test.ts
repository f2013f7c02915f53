// The Team tab in a real browser: an admin adds an agent and sees the password once, the new
// agent signs in with it in a second browser context (and, being an agent, sees no Team tab),
// a supervisor lowers a capacity inline, the admin disables the new account, reads the audit
// log filtered to sign-ins and downloads it as CSV, and axe-core finds nothing serious.

import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { screenshot } from './browser.ts';
import { ADMIN, openDashboard, seriousAxeViolations, SUPERVISOR } from './dashboard-pages.ts';
import { eventually } from './pages.ts';
import { describeInChromium, useChromiumAndServer } from './chromium-fixture.ts';

const TIMEOUT = 90_000;

describeInChromium('team tab in the browser', () => {
  const fixture = useChromiumAndServer();

  const team = async () => {
    const token = await login(fixture.server.baseUrl, SUPERVISOR.email, SUPERVISOR.password);
    return (await api(fixture.server.baseUrl, 'GET', '/api/v1/team/agents', { token })).body
      .agents as Array<Record<string, unknown>>;
  };

  it(
    'an admin adds an agent who signs in with the shown password; agents see no Team tab',
    async () => {
      const page = await openDashboard(fixture.browser, fixture.server.baseUrl, 'team', ADMIN);
      await page.getByRole('heading', { name: 'Team', level: 1 }).waitFor();
      const rows = page.locator('table.team-table tbody tr[data-agent-id]');
      await eventually(() => rows.count()).toBe(4);
      expect(await seriousAxeViolations(page)).toEqual([]);

      const form = page.getByRole('form', { name: 'Add an agent' });
      await form.getByLabel('Email').fill('jo@acme.test');
      await form.getByLabel('Name').fill('Jo <b>Bold</b>');
      await form.getByLabel('Skills (queues, comma-separated)').fill('general, billing');
      await form.getByLabel('Languages (comma-separated)').fill('en, fr');
      await form.getByLabel('Capacity').fill('2');
      await form.getByRole('button', { name: 'Add agent' }).click();

      const shown = page.getByRole('region', { name: 'Password for jo@acme.test' });
      await shown.waitFor();
      expect(await shown.textContent()).toContain('Shown once.');
      const password = await shown.getByLabel('Password').inputValue();
      expect(password.length).toBeGreaterThanOrEqual(16);
      // Focus moved to the box, so a screen reader reads it out.
      expect(await shown.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      await shown.getByRole('button', { name: 'Copy' }).click();
      await eventually(() => shown.getByText(/Copied|Selected/).count()).toBe(1);
      const jo = page.locator('tr[data-email="jo@acme.test"]');
      // The name is text, never markup.
      expect(await jo.locator('th').textContent()).toBe('Jo <b>Bold</b>');
      expect(await jo.locator('[data-field="skills"]').textContent()).toBe('general, billing');
      expect(await jo.locator('[data-field="capacity"]').textContent()).toBe('2');
      await eventually(() => page.locator('.audit-list li').first().textContent()).toContain(
        'Morgan added Jo',
      );
      await screenshot(page, 'dashboard-team-added');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await shown.getByRole('button', { name: 'Done' }).click();
      expect(await page.getByText('Shown once.').count()).toBe(0);

      // The server's refusal is shown as it is sent; nothing is created.
      await form.getByLabel('Email').fill('JO@acme.test');
      await form.getByLabel('Name').fill('Another Jo');
      await form.getByRole('button', { name: 'Add agent' }).click();
      await eventually(() => form.getByRole('alert').textContent()).toBe(
        'An account for jo@acme.test already exists.',
      );
      expect((await team()).filter((a) => a.email === 'jo@acme.test')).toHaveLength(1);

      // Jo signs in with the shown password, in a browser context of their own.
      const joPage = await openDashboard(fixture.browser, fixture.server.baseUrl, 'team', {
        email: 'jo@acme.test',
        password,
      });
      await joPage.getByText('The dashboard is for supervisors and admins.').waitFor();
      expect(await joPage.getByRole('tab', { name: 'Team' }).count()).toBe(0);
      expect(await joPage.getByRole('tab', { name: 'Analytics' }).count()).toBe(1);
      await screenshot(joPage, 'dashboard-team-agent-view');
      await joPage.context().close();

      // The admin makes Jo a supervisor, then resets Jo's password: a new one, shown once.
      await page.getByRole('button', { name: 'Edit Jo <b>Bold</b>' }).click();
      const edit = page.getByRole('form', { name: 'Edit Jo <b>Bold</b>' });
      await edit.getByLabel('Role').selectOption('supervisor');
      await edit.getByRole('button', { name: 'Save' }).click();
      await eventually(() => jo.locator('[data-field="role"]').textContent()).toBe('supervisor');
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Reset password for Jo <b>Bold</b>' }).click();
      await shown.waitFor();
      const second = await shown.getByLabel('Password').inputValue();
      expect(second).not.toBe(password);
      const joAgain = await login(fixture.server.baseUrl, 'jo@acme.test', second);
      const me = await api(fixture.server.baseUrl, 'GET', '/api/v1/me', { token: joAgain });
      expect(me.body.agent.role).toBe('supervisor');
      await shown.getByRole('button', { name: 'Done' }).click();

      // The admin disables Jo (confirming the dialog): the row says so.
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Disable Jo <b>Bold</b>' }).click();
      await eventually(() => jo.locator('[data-field="status"]').textContent()).toBe('disabled');
      const disabled = (await team()).find((a) => a.email === 'jo@acme.test');
      expect(disabled?.disabledAt).not.toBeNull();

      // The audit log, filtered to sign-ins (Jo's among them, from this machine); then as CSV.
      const audit = page.getByRole('region', { name: 'Audit log' });
      await audit.getByLabel('Show').selectOption({ label: 'Sign-ins' });
      const signIns = audit.locator('.audit-list li');
      await eventually(() => signIns.first().getAttribute('data-action')).toBe('session.logged_in');
      const actions = await signIns.evaluateAll((items) =>
        items.map((li) => li.getAttribute('data-action')),
      );
      expect(actions.every((a) => a?.startsWith('session.'))).toBe(true);
      // The name is text, never markup, here too.
      expect(await signIns.allTextContents()).toContainEqual(
        expect.stringMatching(/Jo <b>Bold<\/b> signed in from 127\.0\.0\.1/),
      );
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        audit.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^baton-audit-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = await readFile((await download.path()) as string, 'utf8');
      expect(csv.split('\r\n')[0]).toBe(
        'id,at,action,actor_id,actor_name,agent_id,agent_name,ip,details',
      );
      expect(csv).toContain(',session.logged_in,');
      expect(csv).not.toContain(',agent.created,');
      await screenshot(page, 'dashboard-team-audit');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.context().close();
    },
    TIMEOUT,
  );

  it(
    'a supervisor edits a capacity inline and cannot add, disable or change roles',
    async () => {
      const page = await openDashboard(fixture.browser, fixture.server.baseUrl, 'team');
      await page.getByRole('heading', { name: 'Team', level: 1 }).waitFor();
      expect(await page.getByRole('form', { name: 'Add an agent' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Disable / }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Reset password/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Sessions of/ }).count()).toBe(0);

      await page.getByRole('button', { name: 'Edit Sam' }).click();
      const form = page.getByRole('form', { name: 'Edit Sam' });
      expect(await form.getByLabel('Role').count()).toBe(0);
      await form.getByLabel('Capacity').fill('5');
      await form.getByLabel('Skills').fill('general, technical, retention');
      await form.getByRole('button', { name: 'Save' }).click();
      const sam = page.locator('tr[data-email="sam@example.com"]');
      await eventually(() => sam.locator('[data-field="capacity"]').textContent()).toBe('5');
      expect(await page.getByRole('status').textContent()).toBe('Sam was saved.');
      const saved = (await team()).find((a) => a.email === 'sam@example.com');
      expect(saved).toMatchObject({
        maxConcurrent: 5,
        skills: ['general', 'technical', 'retention'],
      });

      // A refused edit is shown, and nothing changes.
      await page.getByRole('button', { name: 'Edit Sam' }).click();
      await form.getByLabel('Skills').fill('General Support');
      await form.getByRole('button', { name: 'Save' }).click();
      await eventually(() => form.getByRole('alert').count()).toBe(1);
      expect(await form.getByRole('alert').textContent()).toBe(
        'Skills: lower-case names (a–z, 0–9, _) separated by commas; "General Support" is not one.',
      );
      expect((await team()).find((a) => a.email === 'sam@example.com')?.skills).toEqual([
        'general',
        'technical',
        'retention',
      ]);
      await screenshot(page, 'dashboard-team-supervisor-edit');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.context().close();
    },
    TIMEOUT,
  );

  it(
    'an admin sees where a member is signed in and revokes a session, which stops working',
    async () => {
      const r = await fetch(`${fixture.server.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Shared Kiosk/9' },
        body: JSON.stringify({ email: 'alex@example.com', password: ADMIN.password }),
      });
      const { token } = (await r.json()) as { token: string };
      const page = await openDashboard(fixture.browser, fixture.server.baseUrl, 'team', ADMIN);
      await page.getByRole('button', { name: 'Sessions of Alex' }).click();
      const list = page.getByRole('region', { name: 'Sessions of Alex' });
      await eventually(() => list.textContent()).toContain('Shared Kiosk/9');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await list.getByRole('button', { name: "Revoke Alex's session from Shared Kiosk/9" }).click();
      await eventually(() => list.textContent()).not.toContain('Shared Kiosk/9');
      expect((await api(fixture.server.baseUrl, 'GET', '/api/v1/me', { token })).status).toBe(401);
      await eventually(() => page.locator('.audit-list').textContent()).toContain(
        'ended a session of',
      );
    },
    TIMEOUT,
  );
});
