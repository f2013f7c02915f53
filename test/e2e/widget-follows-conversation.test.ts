// The widget follows the conversation's status from the server, live, after a reload and
// after a lost connection:
// waiting with the place in line, the agent's name in the header while a person has it,
// back in bot mode (button back, a line in the transcript) after "Return to bot", asking
// for a person again, and the survey once resolved.

import type { WebSocketRoute } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { api, loginDemoAgent } from '../helpers/api-client.ts';
import { axeViolations } from './axe.ts';
import { screenshot } from './browser.ts';
import { conversationId, eventually, openShop, type WidgetPage } from './pages.ts';
import { describeInChromium, useChromiumAndServer } from './chromium-fixture.ts';

const BROWSER_TEST_TIMEOUT = 90_000;
const BOT_SUBTITLE = 'Automated assistant · a person is available on request';

/** What the widget shows about who has the conversation. */
function handoffView(shop: WidgetPage) {
  const human = shop.widget.getByRole('button', { name: 'Talk to a human' });
  const status = shop.widget.locator('.status');
  return {
    human,
    subtitle: () => shop.widget.locator('.subtitle').textContent(),
    status: async () => ((await status.isVisible()) ? await status.textContent() : null),
    humanVisible: () => human.isVisible(),
    backLines: () => shop.log.locator('.row--divider', { hasText: 'assistant is back' }).count(),
  };
}

describeInChromium('widget follows the conversation status', () => {
  const fixture = useChromiumAndServer();
  let alex: string;

  beforeAll(async () => {
    alex = await loginDemoAgent(fixture.server);
  }, BROWSER_TEST_TIMEOUT);

  const act = async (id: string, action: string) => {
    const answer = await api(
      fixture.server.baseUrl,
      'POST',
      `/api/v1/conversations/${id}/${action}`,
      {
        token: alex,
        body: {},
      },
    );
    expect(answer.status).toBe(200);
  };

  it(
    'waits, shows the agent by name, goes back to the bot live and after a reload, then resolves',
    async () => {
      // bypassCSP: axe-core is injected into the page.
      const shop = await openShop(fixture.browser, fixture.server.baseUrl, { bypassCSP: true });
      await shop.open();
      const view = handoffView(shop);
      await eventually(view.humanVisible).toBe(true);
      expect(await view.subtitle()).toBe(BOT_SUBTITLE);

      await view.human.click();
      await eventually(view.status).toMatch(/^Waiting for a person · number 1 in line$/);
      expect(await view.humanVisible()).toBe(false);
      const id = await conversationId(shop.page);

      // A person takes it: their name in the header, live and after a reload.
      await act(id, 'claim');
      await eventually(view.subtitle).toBe('Alex · Support team');
      expect(await view.status()).toBe('Alex joined');
      expect(await view.humanVisible()).toBe(false);
      await shop.page.reload();
      await shop.open();
      await eventually(view.subtitle).toBe('Alex · Support team');
      expect(await view.status()).toBe('Alex joined');
      expect(await view.humanVisible()).toBe(false);
      await screenshot(shop.page, 'widget-agent-in-header');
      expect(await axeViolations(shop.page)).toEqual([]);

      // "Return to bot": the bot again, with a line in the transcript, live …
      await act(id, 'return-to-bot');
      await eventually(view.humanVisible).toBe(true);
      expect(await view.subtitle()).toBe(BOT_SUBTITLE);
      expect(await view.status()).toBeNull();
      await eventually(view.backLines).toBe(1);
      await eventually(() => shop.bubbles('bot').last().textContent()).toMatch(/handed you back/);
      await screenshot(shop.page, 'widget-back-to-bot');
      expect(await axeViolations(shop.page)).toEqual([]);
      // … and after a reload, from the server's log alone.
      await shop.page.reload();
      await shop.open();
      await eventually(view.backLines).toBe(1);
      expect(await view.humanVisible()).toBe(true);
      expect(await view.subtitle()).toBe(BOT_SUBTITLE);
      expect(await view.status()).toBeNull();
      const stored = await fixture.server.server.store.conversations.get(id);
      expect(stored?.status).toBe('bot');

      // The bot answers again, and a person can be asked for again.
      await shop.send('How long does shipping take?');
      await eventually(() => shop.bubbles('bot').last().textContent()).toMatch(/day|ship|deliver/i);
      await view.human.click();
      await eventually(view.status).toMatch(/^Waiting for a person/);
      await act(id, 'claim');
      await eventually(view.subtitle).toBe('Alex · Support team');

      // Resolved: the survey, and no button to a person in a closed conversation.
      await api(fixture.server.baseUrl, 'POST', `/api/v1/conversations/${id}/resolve`, {
        token: alex,
      });
      await eventually(view.status).toBe('Conversation resolved');
      expect(await view.subtitle()).toBe(BOT_SUBTITLE);
      expect(await view.humanVisible()).toBe(false);
      await eventually(() => shop.log.getByRole('radio').count()).toBe(5);
      await shop.page.reload();
      await shop.open();
      await eventually(view.status).toBe('Conversation resolved');
      expect(await shop.log.getByRole('radio').count()).toBe(5);
      expect(await view.humanVisible()).toBe(false);
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    'catches up after a lost connection: returned to the bot while the widget was offline',
    async () => {
      const shop = await openShop(fixture.browser, fixture.server.baseUrl);
      await shop.open();
      const view = handoffView(shop);
      await view.human.click();
      await eventually(view.status).toMatch(/^Waiting for a person/);
      const id = await conversationId(shop.page);
      await act(id, 'claim');
      await eventually(view.subtitle).toBe('Alex · Support team');

      // The stream goes through the test: it can be cut, and new attempts refused, at will.
      let offline = false;
      let refused = 0;
      const live: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
      await shop.page.routeWebSocket(/\/stream/, (ws) => {
        if (offline) {
          refused += 1;
          return void ws.close({ code: 1011, reason: 'offline' });
        }
        live.push({ page: ws, server: ws.connectToServer() });
      });
      await shop.page.reload(); // the widget's stream now goes through the route
      await shop.open();
      await eventually(view.subtitle).toBe('Alex · Support team');
      await eventually(() => live.length).toBe(1);

      offline = true;
      for (const route of live.splice(0)) {
        await route.server.close();
        await route.page.close({ code: 1001, reason: 'cut' });
      }
      await act(id, 'return-to-bot');
      // It tried to reconnect and was refused: nothing arrived, the widget still shows Alex.
      await eventually(() => refused).toBeGreaterThan(0);
      expect(await view.subtitle()).toBe('Alex · Support team');
      offline = false;
      await eventually(view.humanVisible).toBe(true);
      expect(await view.subtitle()).toBe(BOT_SUBTITLE);
      expect(await view.status()).toBeNull();
      expect(await view.backLines()).toBe(1);
    },
    BROWSER_TEST_TIMEOUT,
  );
});
