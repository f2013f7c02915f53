// The agent workspace in a real browser: the handoff packet on the first screen (laptop and
// tablet widths), then the agent's day: an offer declined and claimed, a canned response
// with its variables, the repeat guard (overridden and heeded, both recorded), an internal
// note the customer never sees, ask-the-bot, transfer to a queue and to a colleague, return
// to the bot, resolve with the outcome form, presence with capacity.

import { beforeAll, describe, expect, it } from 'vitest';
import { api, startConversation, loginDemoAgent } from '../helpers/api-client.ts';
import { configFile } from '../helpers/config-file.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { screenshot } from './browser.ts';
import { eventually, onFirstScreen, openInbox } from './pages.ts';
import type { InboxPage } from './pages.ts';
import { chromiumMissing, useChromiumAndServer } from './chromium-fixture.ts';

const BROWSER_TEST_TIMEOUT = 90_000;

/** Canned responses of this server: one uses a variable nothing can fill. */
const CONFIG = `
inbox:
  cannedResponses:
    - title: Order check
      text: "Hi {{customer.name}}, {{agent.name}} here. I am checking order {{fields.order_id}} now."
    - title: Tracking
      text: "Your tracking number is {{fields.tracking_number}}."
`;

interface Packet {
  summary: { goal: string };
  reasons: { code: string; evidence: { text?: string; matched?: string } }[];
  fields: Record<string, string>;
  recommendedActions: string[];
}

// On both engines: the workspace reads offers, notes, transfers and outcomes back from the store.
describe.each(TEST_DATABASES)('agent workspace in the browser on $name', (database) => {
  const skip = chromiumMissing !== null || database.skipReason !== null;
  const fixture = useChromiumAndServer({
    skip,
    server: () => ({ engine: database.name, env: { BATON_CONFIG: configFile(CONFIG) } }),
  });
  let agentToken: string;

  beforeAll(async () => {
    if (skip) return;
    agentToken = await loginDemoAgent(fixture.server);
  }, BROWSER_TEST_TIMEOUT);

  /** A customer who gave an order number and asked for a person: handed over at once. */
  async function handedOver(name: string, order: string) {
    const c = await startConversation(fixture.server.baseUrl, {
      customer: { name, email: `${name.toLowerCase()}@example.com` },
    });
    const sent = await api(
      fixture.server.baseUrl,
      'POST',
      `/api/v1/conversations/${c.id}/messages`,
      {
        token: c.token,
        body: {
          text: `I want a refund for order ${order}, it never arrived. Let me talk to a human.`,
        },
      },
    );
    expect(sent.status).toBe(201);
    const packet = (
      await api(fixture.server.baseUrl, 'GET', `/api/v1/conversations/${c.id}/packet`, {
        token: agentToken,
      })
    ).body.packet as Packet;
    return { ...c, packet };
  }

  const eventsOf = async (id: string, token = agentToken) =>
    (await api(fixture.server.baseUrl, 'GET', `/api/v1/conversations/${id}/events`, { token })).body
      .events as { type: string; data: Record<string, unknown> }[];

  const pane = (inbox: InboxPage) => inbox.page.locator('.pane');
  const status = (inbox: InboxPage) => inbox.page.locator('.pane-header .status');

  it.skipIf(skip)(
    'shows the handoff packet on the first screen at laptop and tablet width',
    async () => {
      const c = await handedOver('Sarah', '55031');
      expect(c.packet.fields.order_id).toBe('55031');
      expect(c.packet.recommendedActions.length).toBeGreaterThan(0);
      const inbox = await openInbox(
        fixture.browser,
        fixture.server.baseUrl,
        fixture.server.demoAgent,
        {
          permissions: ['clipboard-read', 'clipboard-write'],
        },
      );
      await inbox.queueItem(c.id).click();
      const card = inbox.page.locator('.handoff-card');
      await eventually(() => card.locator('.goal').textContent()).toContain(c.packet.summary.goal);

      const evidence = c.packet.reasons[0]?.evidence.matched ?? '';
      expect(evidence).not.toBe('');
      const visible = {
        goal: card.locator('.goal'),
        reason: card.locator('.reason').first(),
        field: card.locator('.field[data-field="order_id"]'),
        action: card.locator('.actions-list li', { hasText: c.packet.recommendedActions[0] }),
      };
      expect(await visible.reason.textContent()).toContain(evidence);
      expect(await visible.field.textContent()).toContain('55031');
      for (const size of [
        { width: 1366, height: 800, name: 'laptop' },
        { width: 768, height: 1024, name: 'tablet' },
      ]) {
        await inbox.page.setViewportSize(size);
        for (const [what, locator] of Object.entries(visible)) {
          await eventually(async () =>
            (await onFirstScreen(inbox.page, locator)) ? 'seen' : `${what} hidden at ${size.name}`,
          ).toBe('seen');
          expect(await locator.isVisible(), `${what} at ${size.name} width`).toBe(true);
        }
        // The transcript is on the same screen, beside or below the card, at its latest turn.
        await screenshot(inbox.page, `inbox-packet-${size.name}`);
        const lastTurn = inbox.transcript.locator('li').last();
        await eventually(async () =>
          (await onFirstScreen(inbox.page, lastTurn))
            ? 'seen'
            : `transcript hidden at ${size.name}`,
        ).toBe('seen');
      }
      // The rest of the packet is there too: customer, sentiment, priority contributions.
      const text = await card.textContent();
      expect(text).toMatch(/Sentiment/);
      expect(text).toMatch(/base \+\d+/);
      expect(text).toMatch(/First conversation|earlier conversation/);

      // Each collected field has a copy button.
      await visible.field.getByRole('button', { name: 'Copy order number' }).click();
      await eventually(() => visible.field.locator('.copy').textContent()).toBe('Copied');
      expect(
        await inbox.page.evaluate(() =>
          (
            globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
          ).navigator.clipboard.readText(),
        ),
      ).toBe('55031');

      // Collapsing the card gives the transcript the room; the goal stays.
      await card.getByRole('button', { name: 'Hide details' }).click();
      expect(await visible.field.isVisible()).toBe(false);
      expect(await visible.goal.isVisible()).toBe(true);
      await inbox.page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  it.skipIf(skip)(
    'declines an offer, claims, replies with a canned response, the repeat guard and a note',
    async () => {
      const c = await handedOver('Maria', '77120');
      const inbox = await openInbox(
        fixture.browser,
        fixture.server.baseUrl,
        fixture.server.demoAgent,
      );
      // The only agent online is offered the conversation.
      const offered = inbox.page.getByRole('region', { name: 'Offered to you' });
      await offered.locator(`[data-conversation-id="${c.id}"]`).waitFor({ timeout: 15_000 });
      await inbox.queueItem(c.id).click();
      await eventually(() => status(inbox).textContent()).toBe('Offered to you');
      expect(await pane(inbox).locator('.pane-footer').textContent()).toMatch(
        /offered to you.*accept within \d+ s/,
      );
      await screenshot(inbox.page, 'inbox-offer');
      await pane(inbox).getByRole('button', { name: 'Decline' }).click();
      await eventually(() => status(inbox).textContent()).toBe('Waiting');
      expect((await eventsOf(c.id)).some((e) => e.type === 'conversation.offer_declined')).toBe(
        true,
      );

      await pane(inbox).getByRole('button', { name: 'Claim' }).click();
      await eventually(() => status(inbox).textContent()).toBe('Assigned');
      const reply = inbox.page.getByLabel('Reply to the customer');

      // Canned response: searchable, variables filled from the packet and the agent.
      await pane(inbox).getByRole('button', { name: 'Canned responses' }).click();
      await inbox.page.getByLabel('Search canned responses').fill('order');
      expect(await inbox.page.locator('.canned-item').count()).toBe(1);
      await inbox.page.getByLabel('Search canned responses').press('Enter');
      expect(await reply.inputValue()).toBe('Hi Maria, Alex here. I am checking order 77120 now.');
      await reply.press('Enter');
      await eventually(() =>
        inbox.transcript.locator('.turn--agent').last().textContent(),
      ).toContain('checking order 77120');
      // A variable nothing can fill stays visible for the agent to notice.
      await pane(inbox).getByRole('button', { name: 'Canned responses' }).click();
      await inbox.page.getByRole('button', { name: /^Tracking/ }).click();
      expect(await reply.inputValue()).toBe('Your tracking number is {{fields.tracking_number}}.');
      // ...and cannot be sent until the agent replaces it.
      await eventually(() => pane(inbox).locator('#reply-hint').textContent()).toBe(
        'Replace {{fields.tracking_number}} before sending',
      );
      expect(await pane(inbox).getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
      const agentLines = async () =>
        (await eventsOf(c.id)).filter(
          (e) => e.type === 'message.created' && e.data.from === 'agent',
        ).length;
      const sentBefore = await agentLines();
      await reply.press('Enter');
      await new Promise((r) => setTimeout(r, 300));
      expect(await agentLines()).toBe(sentBefore);
      await reply.fill('');

      // Repeat guard, overridden.
      await reply.fill('Could you give me your order number?');
      await reply.press('Enter');
      const guard = pane(inbox).locator('.repeat-guard');
      await eventually(() => guard.textContent()).toContain(
        'You already know the order number: 77120',
      );
      await screenshot(inbox.page, 'inbox-repeat-guard');
      await guard.getByRole('button', { name: 'Send anyway' }).click();
      // Repeat guard, heeded: the known value goes into the draft, the agent rephrases.
      await reply.fill('Please confirm your order number?');
      await reply.press('Enter');
      await guard.getByRole('button', { name: 'Insert it' }).click();
      expect(await reply.inputValue()).toContain('77120');
      await reply.fill('I can see order 77120 here, one moment.');
      await reply.press('Enter');
      await eventually(async () =>
        (await eventsOf(c.id))
          .filter((e) => e.type === 'message.created' && e.data.from === 'agent')
          .map((e) => e.data.repeatGuard ?? null),
      ).toEqual([
        null,
        { fields: ['order_id'], overridden: true },
        { fields: ['order_id'], overridden: false },
      ]);

      // Internal note: distinct in the transcript, never in what the customer receives.
      await pane(inbox).getByRole('button', { name: 'Internal note' }).click();
      const noteBox = inbox.page.getByLabel('Internal note (only agents see it)');
      await noteBox.fill('VIP customer, second complaint this month');
      await noteBox.press('Enter');
      const note = inbox.transcript.locator('.turn--note');
      await eventually(() => note.textContent()).toContain('VIP customer');
      expect(await note.textContent()).toContain('Internal note');
      const customerView = JSON.stringify(await eventsOf(c.id, c.token));
      expect(customerView).not.toContain('VIP customer');
      expect(customerView).toContain('checking order 77120');
      await screenshot(inbox.page, 'inbox-note');
      await inbox.page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  it.skipIf(skip)(
    'asks the bot, transfers to a queue and to a colleague, who accepts',
    async () => {
      const c = await handedOver('Tom', '31337');
      const inbox = await openInbox(
        fixture.browser,
        fixture.server.baseUrl,
        fixture.server.demoAgent,
      );
      await inbox.queueItem(c.id).click();
      await pane(inbox)
        .getByRole('button', { name: /^(Claim|Accept)$/ })
        .click();
      await eventually(() => status(inbox).textContent()).toBe('Assigned');

      // Ask the bot: results for the agent only, one inserted into the draft.
      const hits = (
        await api(
          fixture.server.baseUrl,
          'GET',
          '/api/v1/kb/search?q=return%20a%20parcel&limit=5',
          {
            token: agentToken,
          },
        )
      ).body.hits as { title: string; body: string }[];
      expect(hits.length).toBeGreaterThan(0);
      await inbox.page.getByLabel('Search the knowledge base').fill('return a parcel');
      await inbox.page.getByRole('button', { name: 'Search', exact: true }).click();
      const results = inbox.page.getByRole('list', { name: 'Knowledge base results' });
      await eventually(() => results.locator('h4').first().textContent()).toBe(hits[0]?.title);
      await screenshot(inbox.page, 'inbox-ask-bot');
      await results.getByRole('button', { name: 'Insert into reply' }).first().click();
      const reply = inbox.page.getByLabel('Reply to the customer');
      expect(await reply.inputValue()).toBe(hits[0]?.body);
      expect(JSON.stringify(await eventsOf(c.id, c.token))).not.toContain(hits[0]?.title);
      await reply.fill('');

      // Transfer to a queue, with a note.
      await pane(inbox).getByRole('button', { name: 'Transfer' }).click();
      const form = inbox.page.getByRole('form', { name: 'Transfer' });
      await form.getByLabel('Queue').selectOption('technical');
      await form.getByLabel('Note for the next person (internal)').fill('App crash, needs a dev');
      await screenshot(inbox.page, 'inbox-transfer');
      await form.getByRole('button', { name: 'Transfer' }).click();
      await eventually(() => inbox.transcript.textContent()).toContain(
        'transferred it to Technical support — note: App crash, needs a dev',
      );
      const moved = (
        await api(fixture.server.baseUrl, 'GET', `/api/v1/conversations/${c.id}`, {
          token: agentToken,
        })
      ).body.conversation;
      expect(moved.queue).toBe('technical');

      // Take it back (before Sam is online, who could be offered it), then hand it to Sam by
      // name; Sam's inbox gets the offer and accepts.
      await pane(inbox)
        .getByRole('button', { name: /^(Claim|Accept)$/ })
        .click();
      await eventually(() => status(inbox).textContent()).toBe('Assigned');
      const team = (
        await api(fixture.server.baseUrl, 'GET', '/api/v1/agents', { token: agentToken })
      ).body.agents as { id: string; email: string }[];
      const samId = team.find((a) => a.email === 'sam@example.com')?.id ?? '';
      const sam = await openInbox(fixture.browser, fixture.server.baseUrl, {
        email: 'sam@example.com',
        password: fixture.server.demoAgent.password,
      });
      await pane(inbox).getByRole('button', { name: 'Transfer' }).click();
      await form.getByLabel('To').selectOption('agent');
      await eventually(() =>
        form.getByLabel('Colleague').locator('option:not([disabled])').count(),
      ).toBe(1);
      await form.getByLabel('Colleague').selectOption(samId);
      await form.getByLabel('Note for the next person (internal)').fill('Knows the app well');
      await form.getByRole('button', { name: 'Transfer' }).click();
      await eventually(() => inbox.transcript.textContent()).toContain('transferred it to Sam');

      const offer = sam.page.getByRole('region', { name: 'Offered to you' });
      await offer.locator(`[data-conversation-id="${c.id}"]`).click({ timeout: 15_000 });
      await eventually(() => status(sam).textContent()).toBe('Offered to you');
      await eventually(() => sam.transcript.textContent()).toContain('Knows the app well');
      await pane(sam).getByRole('button', { name: 'Accept' }).click();
      await eventually(() => status(sam).textContent()).toBe('Assigned');
      // Alex sees who has it now: the name, resolved from the team list.
      await eventually(() => inbox.page.locator('.pane-sub').textContent()).toContain('with Sam');
      await screenshot(sam.page, 'inbox-accepted-by-colleague');
      await sam.page.context().close();
      await inbox.page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  it.skipIf(skip)(
    'returns to the bot, resolves with the outcome form, and sets presence with capacity',
    async () => {
      const back = await handedOver('Ines', '44001');
      const done = await handedOver('Omar', '44002');
      const inbox = await openInbox(
        fixture.browser,
        fixture.server.baseUrl,
        fixture.server.demoAgent,
      );
      const capacity = inbox.page.locator('.capacity');

      // Load / capacity: earlier tests left some conversations with this agent.
      await eventually(() => capacity.textContent()).toMatch(/^\d+ \/ 3$/);
      const load = async () => Number((await capacity.textContent())?.split(' / ')[0]);
      const before = await load();
      await inbox.queueItem(back.id).click();
      await pane(inbox)
        .getByRole('button', { name: /^(Claim|Accept)$/ })
        .click();
      await eventually(() => status(inbox).textContent()).toBe('Assigned');
      await eventually(load).toBe(before + 1);
      await pane(inbox).getByRole('button', { name: 'Return to bot' }).click();
      await eventually(() => status(inbox).textContent()).toBe('With bot');
      expect(await inbox.transcript.textContent()).toContain(
        'returned the conversation to the bot',
      );
      await eventually(load).toBe(before);

      await inbox.queueItem(done.id).click();
      await pane(inbox)
        .getByRole('button', { name: /^(Claim|Accept)$/ })
        .click();
      await eventually(() => status(inbox).textContent()).toBe('Assigned');
      // On a tablet with the composer open, the card, the latest turn and the reply box
      // share the screen.
      await inbox.page.setViewportSize({ width: 768, height: 1024 });
      await screenshot(inbox.page, 'inbox-tablet-assigned');
      for (const [what, locator] of Object.entries({
        goal: inbox.page.locator('.handoff-card .goal'),
        'latest turn': inbox.transcript.locator('li').last(),
        'reply box': inbox.page.getByLabel('Reply to the customer'),
      })) {
        await eventually(async () =>
          (await onFirstScreen(inbox.page, locator)) ? 'seen' : `${what} hidden`,
        ).toBe('seen');
      }
      await screenshot(inbox.page, 'inbox-tablet-assigned');
      await inbox.page.setViewportSize({ width: 1366, height: 800 });
      await pane(inbox).getByRole('button', { name: 'Resolve' }).click();
      const form = inbox.page.getByRole('form', { name: 'Resolve' });
      await form
        .getByRole('group', { name: 'Could the bot have handled it?' })
        .getByLabel('Yes')
        .check();
      await form.getByLabel('Note (optional)').fill('Refund issued');
      await screenshot(inbox.page, 'inbox-resolve-form');
      await form.getByRole('button', { name: 'Resolve conversation' }).click();
      await eventually(() => status(inbox).textContent()).toBe('Resolved');
      const resolved = (await eventsOf(done.id)).find((e) => e.type === 'conversation.resolved');
      expect(resolved?.data).toMatchObject({
        resolved: true,
        botCouldHaveHandled: true,
        note: 'Refund issued',
      });

      // Presence: away keeps the agent's conversations but takes no new ones.
      await inbox.page.getByLabel('Your status').selectOption('away');
      await eventually(
        async () =>
          (await api(fixture.server.baseUrl, 'GET', '/api/v1/me', { token: agentToken })).body.agent
            .presence,
      ).toBe('away');
      await screenshot(inbox.page, 'inbox-away');
      await inbox.page.getByLabel('Your status').selectOption('online');
      await eventually(
        async () =>
          (await api(fixture.server.baseUrl, 'GET', '/api/v1/me', { token: agentToken })).body.agent
            .presence,
      ).toBe('online');
      await inbox.page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
