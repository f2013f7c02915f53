// The waiting room in a real browser: long-queue choice buttons leading to a callback
// booked with keyboard and clicks, "Share details first" on an explicit request, the CSAT
// stars after resolution, and "Alex joined" shown once. Screenshots go to test-results/.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { configFile } from '../helpers/config-file.ts';
import { openSocket, type TestSocket, tokenProtocols } from '../helpers/socket-client.ts';
import { until } from '../helpers/until.ts';
import { screenshot } from './browser.ts';
import { conversationId, eventually, openShop } from './pages.ts';
import { describeInChromium, useChromiumAndServer } from './chromium-fixture.ts';

const BROWSER_TEST_TIMEOUT = 60_000;

describeInChromium('widget: long-queue choices', () => {
  const fixture = useChromiumAndServer({
    server: () => ({
      env: { BATON_CONFIG: configFile('routing:\n  longQueueMinutes:\n    billing: 1\n') },
    }),
    timeout: BROWSER_TEST_TIMEOUT,
  });
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    // Sam is online and busy: billing customers wait, with an honest (long) estimate.
    const sam = await login(
      fixture.server.baseUrl,
      'sam@example.com',
      fixture.server.demoAgent.password,
    );
    sockets.push(
      await openSocket(`${fixture.server.wsUrl}/api/v1/agent/stream`, tokenProtocols(sam)),
    );
    const me = (await api(fixture.server.baseUrl, 'GET', '/api/v1/me', { token: sam })).body.agent;
    await fixture.server.server.store.agents.update(me.id, { maxConcurrent: 1 });
    await api(fixture.server.baseUrl, 'PUT', '/api/v1/me/presence', {
      token: sam,
      body: { presence: 'online' },
    });
    const decoy = (await api(fixture.server.baseUrl, 'POST', '/api/v1/conversations', { body: {} }))
      .body;
    await api(
      fixture.server.baseUrl,
      'POST',
      `/api/v1/conversations/${decoy.conversation.id}/messages`,
      {
        token: decoy.token,
        body: { text: 'I want to talk to a human' },
      },
    );
    await until(async () =>
      (await fixture.server.server.store.conversations.get(decoy.conversation.id))?.status ===
      'offered'
        ? true
        : undefined,
    );
    await api(
      fixture.server.baseUrl,
      'POST',
      `/api/v1/conversations/${decoy.conversation.id}/claim`,
      {
        token: sam,
      },
    );
  }, BROWSER_TEST_TIMEOUT);

  afterAll(async () => {
    for (const socket of sockets) await socket.close();
  });

  it(
    'books a callback from the buttons: phone typed, slot picked, conversation deferred',
    async () => {
      const shop = await openShop(fixture.browser, fixture.server.baseUrl);
      await shop.open();
      await shop.send('I want to talk to a human about a refund for my order');
      const choices = shop.log.locator('.choices').last().getByRole('button');
      await eventually(() => choices.allTextContents()).toEqual([
        'Keep waiting',
        'Call me back',
        'Continue by message',
      ]);
      await screenshot(shop.page, 'widget-long-queue-choices');

      // Keyboard: focus the button and press Enter.
      await choices.nth(1).focus();
      await shop.page.keyboard.press('Enter');
      await eventually(() => shop.bubbles('bot').last().textContent()).toMatch(/phone number/);
      expect(await shop.bubbles('customer').last().textContent()).toBe('Call me back');
      // Answered: every button of that message is disabled, the pressed one marked.
      for (let i = 0; i < 3; i++) expect(await choices.nth(i).isDisabled()).toBe(true);
      expect(await choices.nth(1).getAttribute('aria-pressed')).toBe('true');

      await shop.send('+44 7700 900123');
      const slots = shop.log.locator('.choices').last().getByRole('button');
      await eventually(() => slots.count()).toBe(4);
      const slotLabel = (await slots.first().textContent()) ?? '';
      expect(slotLabel).toMatch(/\d{1,2}:\d{2}/);
      await slots.first().click();
      await eventually(() => shop.bubbles('bot').last().textContent()).toMatch(
        /will call \+447700900123/,
      );
      expect(await shop.bubbles('customer').last().textContent()).toBe(slotLabel);
      await eventually(() => shop.widget.locator('.status-text').textContent()).toBe(
        'Saved: a person will follow up',
      );
      await screenshot(shop.page, 'widget-callback-booked');

      const id = await conversationId(shop.page);
      const stored = await fixture.server.server.store.conversations.get(id);
      expect(stored?.status).toBe('deferred');
      expect(stored?.handoff?.fields).toMatchObject({ phone: '+447700900123' });
      const timers = await fixture.server.server.store.timers.pendingFor(id);
      expect(timers.map((t) => t.kind)).toEqual(['follow_up.due']);
    },
    BROWSER_TEST_TIMEOUT,
  );
});

describeInChromium('widget: details, rating and who joined', () => {
  const fixture = useChromiumAndServer({ timeout: BROWSER_TEST_TIMEOUT });

  it(
    'shares details first while waiting, shows "Alex joined" once, then takes a star rating',
    async () => {
      const shop = await openShop(fixture.browser, fixture.server.baseUrl);
      await shop.open();
      await shop.send('I want to talk to a human about a refund');
      const offered = shop.log.locator('.choices').last().getByRole('button');
      await eventually(() => offered.allTextContents()).toEqual([
        'Connect now',
        'Share details first',
      ]);
      const id = await conversationId(shop.page);
      await offered.nth(1).click();
      await eventually(() => shop.bubbles('bot').last().textContent()).toMatch(/order number/);
      await shop.send('A-778812');
      await eventually(() => shop.bubbles('bot').last().textContent()).toMatch(/email address/);
      await shop.log.locator('.choices').last().getByRole('button', { name: 'Skip' }).click();
      await eventually(() => shop.bubbles('bot').last().textContent()).toMatch(
        /will see this, and you keep your place/,
      );
      await screenshot(shop.page, 'widget-share-details');
      const waiting = await fixture.server.server.store.conversations.get(id);
      expect(waiting?.status).toBe('queued');
      expect(waiting?.handoff?.fields).toMatchObject({ order_id: 'A-778812' });

      const alex = await login(
        fixture.server.baseUrl,
        fixture.server.demoAgent.email,
        fixture.server.demoAgent.password,
      );
      await api(fixture.server.baseUrl, 'POST', `/api/v1/conversations/${id}/claim`, {
        token: alex,
      });
      const status = shop.widget.locator('.status-text');
      await eventually(() => status.textContent()).toBe('Alex joined');
      await eventually(() => shop.bubbles('system').last().textContent()).toMatch(/has joined/);
      // Once: the status line says "Alex joined"; the log has the server's message, no divider.
      expect(await shop.log.getByText('Alex joined', { exact: true }).count()).toBe(0);
      expect(
        await shop.log
          .locator('.row')
          .filter({ hasText: /joined/ })
          .count(),
      ).toBe(1);
      await screenshot(shop.page, 'widget-agent-joined');

      await api(fixture.server.baseUrl, 'POST', `/api/v1/conversations/${id}/resolve`, {
        token: alex,
      });
      const stars = shop.log.getByRole('radio');
      await eventually(() => stars.count()).toBe(5);
      await stars.nth(3).click();
      expect(await stars.nth(3).getAttribute('aria-checked')).toBe('true');
      await shop.log.getByLabel('Comment (optional)').fill('Quick and friendly <b>thanks</b>');
      await shop.log.getByRole('button', { name: 'Send rating' }).click();
      await eventually(() => shop.log.locator('.csat-note').textContent()).toBe(
        'Thank you for your rating!',
      );
      await screenshot(shop.page, 'widget-csat');
      const rated = (await fixture.server.server.store.conversations.eventsSince(id, 0)).find(
        (e) => e.type === 'csat.submitted',
      );
      expect(rated?.data).toEqual({ rating: 4, comment: 'Quick and friendly <b>thanks</b>' });
    },
    BROWSER_TEST_TIMEOUT,
  );
});
