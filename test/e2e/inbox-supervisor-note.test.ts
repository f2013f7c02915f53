// A supervisor inside Alex's conversation, in Chromium at phone (390×844) and laptop
// (1366×768) size: a customer in the shop's widget is handed to Alex; Riley opens the
// conversation in the inbox, leaves Alex a private note that appears live on Alex's screen,
// marked as a supervisor's, and never in the customer's widget or transcript; then Riley
// reassigns it to Sam with a reason, and Sam gets it with its context (the customer's words,
// the note, the reason) and the reply box. axe finds no serious or critical issue on
// Riley's screen, and on the phone the controls Riley touches are 44 px high or more.
// On both engines, on one Chromium. Each engine runs the steps at one of the two sizes (the
// note and the reassign are the store's, the same at any size; the layout is the page's, the
// same on either engine): both engines and both sizes for the time of two runs. Riley's screen
// is then seen at the other size too.

import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { axeViolations } from './axe.ts';
import { screenshot } from './browser.ts';
import {
  eventually,
  onFirstScreen,
  openInbox,
  openShop,
  pickColleague,
  scrollsSideways,
  storedConversation,
} from './pages.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { chromiumMissing, useChromium, useTestServer } from './chromium-fixture.ts';
import { LAPTOP, PHONE, seenAt, viewportOf } from './sizes.ts';

const BROWSER_TEST_TIMEOUT = 120_000;

/** The size each engine runs the steps at, and the other size its last screen is seen at. */
const SIZES_ON = {
  sqlite: { size: PHONE, other: LAPTOP },
  postgres: { size: LAPTOP, other: PHONE },
} as const;

const height = async (locator: Locator) => (await locator.boundingBox())?.height ?? 0;

const chromium = useChromium({ skip: chromiumMissing !== null });

describe.each(TEST_DATABASES)(
  'supervisor note and reassign from the inbox on $name',
  (database) => {
    const skip = chromiumMissing !== null || database.skipReason !== null;
    const fixture = useTestServer({
      skip,
      server: () => ({ engine: database.name }),
      timeout: BROWSER_TEST_TIMEOUT,
    });
    const { size, other } = SIZES_ON[database.name];

    const agent = (name: 'riley' | 'sam') => ({
      email: `${name}@example.com`,
      password: fixture.server.demoAgent.password,
    });

    /** Scrolls the control into view if need be; then it is on the screen, uncovered. */
    async function reachable(page: Page, control: Locator, what: string): Promise<void> {
      await control.waitFor();
      await control.scrollIntoViewIfNeeded();
      await eventually(async () =>
        (await onFirstScreen(page, control)) ? 'reachable' : what,
      ).toBe('reachable');
    }

    it.skipIf(skip)(
      `notes Alex live and reassigns to Sam at ${size.name} size (${size.width}×${size.height})`,
      async () => {
        const secret = `Offer the refund on this one (${size.name})`;
        const reason = `Sam knows the refund process (${size.name})`;

        // The customer asks the widget for a person; Alex, the only one online, accepts.
        const shop = await openShop(chromium.browser, fixture.server.baseUrl);
        await shop.open();
        const alex = await openInbox(
          chromium.browser,
          fixture.server.baseUrl,
          fixture.server.demoAgent,
        );
        await shop.send(`I want to talk to a human, my parcel arrived broken (${size.name})`);
        await eventually(async () => (await storedConversation(shop.page)).id ?? '').toMatch(/.+/);
        const { id, token } = await storedConversation(shop.page);
        await alex.queueItem(id).waitFor({ timeout: 15_000 });
        // His status menu says what routing counts on: online, since the inbox is open.
        await eventually(() => alex.page.getByLabel('Your status').inputValue()).toBe('online');
        await alex.queueItem(id).click();
        await alex.page.getByRole('button', { name: /^(Claim|Accept)$/ }).click();
        await alex.page.getByLabel('Reply to the customer').waitFor();

        // Riley opens Alex's conversation from its link: live, read-only, with the note box.
        const riley = await openInbox(chromium.browser, fixture.server.baseUrl, agent('riley'), {
          viewport: viewportOf(size),
          bypassCSP: true,
        });
        const { page } = riley;
        await page.goto(`${fixture.server.baseUrl}/inbox/#${id}`);
        await eventually(() => page.locator('.pane-footer').textContent()).toBe(
          "You are watching Alex's conversation live. Take it over to reply.",
        );
        expect(await page.getByLabel('Reply to the customer').count()).toBe(0);
        const noteBox = page.getByLabel('Private note to Alex (the customer never sees it)');
        const addNote = page.getByRole('button', { name: 'Add note' });
        const reassign = page.getByRole('button', { name: 'Reassign', exact: true });
        await reachable(page, reassign, 'Reassign is off-screen or covered');
        await reachable(page, noteBox, 'the note box is off-screen or covered');
        // The note form's controls are 44 px at every size; the header's buttons, like all
        // the inbox's, where the layout is for touch (one pane, under 900 px).
        const touch = size.width < 900 ? [noteBox, addNote, reassign] : [noteBox, addNote];
        for (const control of touch) expect(await height(control)).toBeGreaterThanOrEqual(44);
        expect(await scrollsSideways(page)).toBe(false);

        await noteBox.fill(secret);
        await addNote.click();
        await eventually(() => noteBox.inputValue()).toBe('');
        const rileysNote = riley.transcript.locator('.turn--note').last();
        await eventually(() => rileysNote.textContent()).toContain(secret);

        // Live on Alex's screen, marked as the supervisor's.
        const alexsNote = alex.transcript.locator('.turn--note').last();
        await eventually(() => alexsNote.textContent()).toContain(secret);
        expect(await alexsNote.locator('.turn-name').textContent()).toBe('Riley');
        expect(await alexsNote.locator('.tag--supervisor').textContent()).toBe('From a supervisor');
        await screenshot(alex.page, `inbox-supervisor-note-alex-${size.name}`);

        // Never to the customer: Alex's reply after the note reaches the widget, the note not.
        const reply = alex.page.getByLabel('Reply to the customer');
        await reply.fill('Alex here, sorry about the parcel.');
        await reply.press('Enter');
        await eventually(() => shop.bubbles('agent').last().textContent()).toContain('Alex here');
        expect(await shop.log.textContent()).not.toContain(secret);
        const customerView = await api(
          fixture.server.baseUrl,
          'GET',
          `/api/v1/conversations/${id}/events`,
          {
            token,
          },
        );
        expect(customerView.status).toBe(200);
        expect(JSON.stringify(customerView.body)).not.toContain(secret);

        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, `inbox-supervisor-note-${size.name}`);

        // Reassign to Sam, who has the inbox open with room.
        const sam = await openInbox(chromium.browser, fixture.server.baseUrl, agent('sam'));
        const samToken = await login(
          fixture.server.baseUrl,
          'sam@example.com',
          fixture.server.demoAgent.password,
        );
        const samId = (await api(fixture.server.baseUrl, 'GET', '/api/v1/me', { token: samToken }))
          .body.agent.id as string;
        await reassign.click();
        const form = page.getByRole('form', { name: 'Reassign' });
        await form.waitFor();
        // Sam is offered once the team list says he is there; Alex has it: he is not offered.
        const colleague = await pickColleague(form, samId);
        expect(await colleague.locator(`option`).allTextContents()).not.toContainEqual(
          expect.stringMatching(/^Alex/),
        );
        await form.getByLabel(/^Reason/).fill(reason);
        expect(await axeViolations(page)).toEqual([]);
        expect(await scrollsSideways(page)).toBe(false);
        await screenshot(page, `inbox-supervisor-reassign-${size.name}`);
        await form.getByRole('button', { name: 'Reassign', exact: true }).click();

        // Riley now watches Sam's; the conversation is Sam's in the store.
        await eventually(() => page.locator('.pane-footer').textContent()).toBe(
          "You are watching Sam's conversation live. Take it over to reply.",
        );
        expect((await fixture.server.server.store.conversations.get(id))?.assigneeId).toBe(samId);
        await eventually(() => page.locator('.transcript').textContent()).toContain(
          `Riley reassigned it to Sam — reason: ${reason}`,
        );
        // Sam did not claim it: the transcript says he was assigned it.
        const transcript = (await page.locator('.transcript').textContent()) ?? '';
        expect(transcript).toContain('Sam was assigned the conversation');
        expect(transcript).not.toContain('Sam claimed the conversation');

        // Alex can no longer reply; Sam has it, with its context, and the reply box.
        await eventually(() => alex.page.getByLabel('Reply to the customer').count()).toBe(0);
        // An agent watching a conversation he no longer has gets none of the supervisor's controls.
        await eventually(() => alex.page.locator('.pane-footer').textContent()).toBe(
          'Only the assigned agent can reply.',
        );
        for (const name of ['Take over', 'Reassign', 'Add note']) {
          expect(await alex.page.getByRole('button', { name, exact: true }).count()).toBe(0);
        }
        expect(await alex.page.locator('.supervisor-note').count()).toBe(0);
        await sam.queueItem(id).waitFor({ timeout: 15_000 });
        await sam.queueItem(id).click();
        await sam.page.getByLabel('Reply to the customer').waitFor();
        const samsTranscript = sam.transcript;
        await eventually(() => samsTranscript.textContent()).toContain('arrived broken');
        expect(await samsTranscript.locator('.turn--note').first().textContent()).toContain(secret);
        expect(await samsTranscript.textContent()).toContain(`reason: ${reason}`);
        await screenshot(sam.page, `inbox-supervisor-reassigned-sam-${size.name}`);

        // Still nothing of the note or the reason in the customer's widget.
        expect(await shop.log.textContent()).not.toContain(secret);
        expect(await shop.log.textContent()).not.toContain(reason);

        await seenAt(page, other, 'inbox-supervisor-reassigned-riley');
        for (const p of [shop.page, alex.page, page, sam.page]) await p.context().close();
      },
      BROWSER_TEST_TIMEOUT,
    );
  },
);
