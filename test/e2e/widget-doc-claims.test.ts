// Sentences of docs/web.md about the widget that no other test held: the transcript is a
// role="log" region; an agent's text is text, never HTML; rows already in the transcript keep
// the words they were drawn with when the widget changes language; and once a conversation is
// over, the line under the composer points to "Start a new conversation" above it, which is
// there and starts a new one. Also README's tour, step 3: the bot names the article it used.

import { expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { conversationId, eventually, openShop } from './pages.ts';
import { describeInChromium, useChromiumAndServer } from './chromium-fixture.ts';

const BROWSER_TEST_TIMEOUT = 90_000;
const AGENT_HTML = '<img src=x onerror="window.__batonXss=1"><b>Lo miro</b> ahora mismo.';

describeInChromium('the widget as docs/web.md tells it', () => {
  const fixture = useChromiumAndServer();

  const agentToken = () =>
    login(
      fixture.server.baseUrl,
      fixture.server.demoAgent.email,
      fixture.server.demoAgent.password,
    );

  it(
    'keeps the words of rows already drawn when it changes language',
    async () => {
      const shop = await openShop(fixture.browser, fixture.server.baseUrl);
      await shop.open();
      expect(await shop.widget.getByRole('log').getAttribute('class')).toBe('log');
      await shop.send('Hola, mi pedido no ha llegado todavía y necesito saber dónde está');
      await eventually(() => shop.bubbles('bot').count()).toBeGreaterThan(1);
      const firstCustomer = shop.log.locator('.row--customer .meta .name').first();
      const firstBot = shop.log.locator('.row--bot .meta .badge').first();
      expect(await firstCustomer.textContent()).toBe('You');
      expect(await firstBot.textContent()).toBe('Automated assistant');

      // The handoff tells the widget the conversation is Spanish: it speaks Spanish from now on.
      await shop.widget.getByRole('button', { name: 'Talk to a human' }).click();
      await eventually(() => shop.widget.locator('.status').textContent()).toMatch(
        /^Esperando a una persona/,
      );
      // A row drawn from now on is in Spanish: a person's reply.
      const id = await conversationId(shop.page);
      const alex = await agentToken();
      await api(fixture.server.baseUrl, 'POST', `/api/v1/conversations/${id}/claim`, {
        token: alex,
        body: {},
      });
      await api(fixture.server.baseUrl, 'POST', `/api/v1/conversations/${id}/messages`, {
        token: alex,
        body: { text: AGENT_HTML },
      });
      await eventually(() => shop.log.locator('.row--agent .meta .badge').count()).toBe(1);
      expect(await shop.log.locator('.row--agent .meta .badge').textContent()).toBe(
        'Equipo de atención',
      );
      // An agent's text is inserted as text, never as HTML (docs/web.md).
      expect(await shop.bubbles('agent').last().textContent()).toBe(AGENT_HTML);
      expect(await shop.log.locator('img, b').count()).toBe(0);
      // … while the rows drawn before keep their English words.
      expect(await firstCustomer.textContent()).toBe('You');
      expect(await firstBot.textContent()).toBe('Automated assistant');
      await shop.page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    'points to "Start a new conversation" above the composer once resolved, and it starts one',
    async () => {
      const shop = await openShop(fixture.browser, fixture.server.baseUrl, {
        viewport: { width: 390, height: 844 },
      });
      await shop.open();
      // README's tour, step 3: the bot answers from the knowledge base and names the article.
      await shop.send('How long does shipping take?');
      await eventually(() => shop.bubbles('bot').count()).toBeGreaterThan(1);
      await eventually(() => shop.log.locator('.row--bot .source').count()).toBeGreaterThan(0);
      expect(await shop.log.locator('.row--bot .source').last().textContent()).toMatch(
        /^Source: \S/,
      );
      const first = await conversationId(shop.page);
      await shop.widget.getByRole('button', { name: 'Talk to a human' }).click();
      const alex = await agentToken();
      await eventually(
        async () => (await fixture.server.server.store.conversations.get(first))?.status !== 'bot',
      ).toBe(true);
      await api(fixture.server.baseUrl, 'POST', `/api/v1/conversations/${first}/claim`, {
        token: alex,
        body: {},
      });
      await api(fixture.server.baseUrl, 'POST', `/api/v1/conversations/${first}/resolve`, {
        token: alex,
      });
      await eventually(() => shop.widget.locator('.status-text').textContent()).toBe(
        'Conversation resolved',
      );

      // Writing into the closed conversation: the line says where the button is …
      await shop.send('One more thing');
      const line = shop.widget.locator('.composer-error');
      await eventually(() => line.textContent()).toBe(
        'This conversation has ended. To write again, press “Start a new conversation” above.',
      );
      const restart = shop.widget.getByRole('button', { name: 'Start a new conversation' });
      // … and it is so: on the screen, above the line (and above the composer).
      const button = await restart.boundingBox();
      expect(button!.y + button!.height).toBeLessThanOrEqual(844);
      // Not covered: what is hit at its centre, inside the widget's shadow root, is the button.
      expect(
        await restart.evaluate((el) => {
          const box = el.getBoundingClientRect();
          const root = el.getRootNode() as unknown as {
            elementFromPoint(x: number, y: number): unknown;
          };
          return root.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === el;
        }),
      ).toBe(true);
      const composer = await shop.widget.locator('form.composer').boundingBox();
      const under = await line.boundingBox();
      expect(button && composer && under).toBeTruthy();
      expect(button!.y + button!.height).toBeLessThanOrEqual(composer!.y);
      expect(button!.y + button!.height).toBeLessThanOrEqual(under!.y);

      // Pressing it starts a new conversation, and the box is for that one.
      await restart.click();
      await eventually(() => conversationId(shop.page)).not.toBe(first);
      expect(await restart.isVisible()).toBe(false);
      await shop.page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
