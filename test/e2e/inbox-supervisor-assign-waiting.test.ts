// A supervisor hands a waiting conversation to a named agent from the inbox, in Chromium: a
// customer asks sales for a quote (sales is pull-only, so it waits with Sam online); Riley
// opens it (Claim and Reassign in its header), picks Sam in the Reassign form with a reason,
// and the conversation is Sam's at once (no offer to accept): Sam finds it under his own with
// the customer's words, the reason and the reply box. axe finds nothing serious with the form
// open.
// On both engines (the assignment is a conditional write to the store), on one Chromium; each
// engine runs Riley's steps at one of the two sizes (the layout does not depend on the engine,
// nor the store on the size), and Riley's screen is then seen at the other size.

import { describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { axeViolations } from './axe.ts';
import { screenshot } from './browser.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { chromiumMissing, useChromium, useTestServer } from './chromium-fixture.ts';
import { eventually, openInbox, pickColleague } from './pages.ts';
import { LAPTOP, PHONE, seenAt, viewportOf } from './sizes.ts';

const BROWSER_TEST_TIMEOUT = 120_000;

/** The size each engine runs Riley's steps at, and the other size his screen is seen at. */
const SIZES_ON = {
  sqlite: { size: LAPTOP, other: PHONE },
  postgres: { size: PHONE, other: LAPTOP },
} as const;

const chromium = useChromium({ skip: chromiumMissing !== null });

describe.each(TEST_DATABASES)('supervisor assigns a waiting conversation on $name', (database) => {
  const skip = chromiumMissing !== null || database.skipReason !== null;
  const fixture = useTestServer({
    skip,
    server: () => ({ engine: database.name }),
    timeout: BROWSER_TEST_TIMEOUT,
  });
  const { size, other } = SIZES_ON[database.name];
  const person = (name: 'riley' | 'sam') => ({
    email: `${name}@example.com`,
    password: fixture.server.demoAgent.password,
  });

  it.skipIf(skip)(
    `reassigns a queued conversation to Sam, who gets it with its context (${size.name})`,
    async () => {
      const { baseUrl } = fixture.server;
      const reason = 'Sam handles the large orders';
      const words = 'We need a quote for 300 units, can sales call me?';

      // Sam has the inbox open; the customer's request waits in the sales queue all the same.
      const sam = await openInbox(chromium.browser, baseUrl, person('sam'));
      await eventually(() => sam.page.getByLabel('Your status').inputValue()).toBe('online');
      const c = await startConversation(baseUrl, { customer: { name: 'Olga' } });
      await api(baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { text: words },
      });
      const stored = () => fixture.server.server.store.conversations.get(c.id);
      await eventually(async () => (await stored())?.status).toBe('queued');
      expect((await stored())?.queue).toBe('sales');

      const riley = await openInbox(chromium.browser, baseUrl, person('riley'), {
        viewport: viewportOf(size),
        bypassCSP: true,
      });
      const { page } = riley;
      await page.goto(`${baseUrl}/inbox/#${c.id}`);
      await eventually(() => page.locator('.pane-footer').textContent()).toBe(
        'Claim this conversation to reply to the customer.',
      );
      expect(await page.getByRole('button', { name: 'Claim' }).count()).toBe(1);
      await page.getByRole('button', { name: 'Reassign', exact: true }).click();
      const form = page.getByRole('form', { name: 'Reassign' });
      await form.waitFor();
      const samToken = await login(baseUrl, 'sam@example.com', fixture.server.demoAgent.password);
      const samId = (await api(baseUrl, 'GET', '/api/v1/me', { token: samToken })).body.agent
        .id as string;
      await pickColleague(form, samId);
      await form.getByLabel(/^Reason/).fill(reason);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `inbox-supervisor-assign-waiting-${size.name}`);
      await form.getByRole('button', { name: 'Reassign', exact: true }).click();

      // Sam's at once: assigned, not offered; Riley now watches it.
      await eventually(() => page.locator('.pane-footer').textContent()).toBe(
        "You are watching Sam's conversation live. Take it over to reply.",
      );
      expect(await stored()).toMatchObject({ status: 'assigned', assigneeId: samId });
      await eventually(() => page.locator('.transcript').textContent()).toContain(
        `Riley reassigned it to Sam — reason: ${reason}`,
      );
      expect(await page.locator('.transcript').textContent()).toContain(
        'Sam was assigned the conversation',
      );

      // Sam has it with its context and the reply box.
      await sam.queueItem(c.id).waitFor({ timeout: 15_000 });
      await sam.queueItem(c.id).click();
      await sam.page.getByLabel('Reply to the customer').waitFor();
      await eventually(() => sam.transcript.textContent()).toContain(words);
      expect(await sam.transcript.textContent()).toContain(`reason: ${reason}`);
      await screenshot(sam.page, 'inbox-supervisor-assign-waiting-sam');
      await seenAt(page, other, 'inbox-supervisor-assign-waiting-riley');

      for (const p of [sam.page, page]) await p.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
