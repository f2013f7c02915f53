// Issue 13: an agent who picks Online while their inbox socket is reconnecting stays offline
// (presence is online only with an open inbox, docs/routing.md). The inbox says so in a status
// line, and the line goes once the socket is back and the server made them online.

import { expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { DEMO_PASSWORD } from '../helpers/test-server.ts';
import { screenshot } from './browser.ts';
import { eventually, openInbox } from './pages.ts';
import { describeInChromium, useChromiumAndServer } from './chromium-fixture.ts';
import { allowInboxSocket, BLOCKABLE_SOCKET, blockInboxSocket } from './blockable-socket.ts';

const BROWSER_TEST_TIMEOUT = 90_000;

describeInChromium('inbox presence while the socket reconnects', () => {
  const fixture = useChromiumAndServer();

  it(
    'says Online waits for the inbox to reconnect, then clears it when the agent is online',
    async () => {
      const sam = { email: 'sam@example.com', password: DEMO_PASSWORD };
      const token = await login(fixture.server.baseUrl, sam.email, sam.password);
      const server = async () => {
        const me = (await api(fixture.server.baseUrl, 'GET', '/api/v1/me', { token })).body.agent;
        const listed = (
          await api(fixture.server.baseUrl, 'GET', '/api/v1/agents', { token })
        ).body.agents.find((a: { id: string }) => a.id === me.id);
        return { presence: me.presence as string, connected: listed.connected as boolean };
      };
      const inbox = await openInbox(fixture.browser, fixture.server.baseUrl, sam, {
        initScript: BLOCKABLE_SOCKET,
      });
      const { page } = inbox;
      const menu = page.getByLabel('Your status');
      const waiting = page
        .getByRole('status')
        .filter({ hasText: 'Connecting — you will be online when the inbox reconnects.' });
      await eventually(server).toEqual({ presence: 'online', connected: true });
      await menu.selectOption('away');
      await eventually(server).toEqual({ presence: 'away', connected: true });

      // The socket drops and cannot come back for now; the server sees no inbox of Sam's.
      await blockInboxSocket(page);
      await eventually(() => page.locator('.connection').textContent()).not.toBe('Live');
      await eventually(server).toEqual({ presence: 'away', connected: false });
      expect(await waiting.count()).toBe(0);

      // Sam asks for Online: the server keeps him offline, and the inbox says why, as text.
      await menu.selectOption('online');
      await eventually(() => waiting.count()).toBe(1);
      expect(await waiting.evaluate((p) => p.children.length)).toBe(0);
      await eventually(() => menu.inputValue()).toBe('offline');
      expect(await server()).toEqual({ presence: 'offline', connected: false });
      await screenshot(page, 'inbox-online-waits-for-reconnect');

      // The socket is back: the opened inbox makes Sam online, and the line goes.
      await allowInboxSocket(page);
      await page.locator('.connection--open').waitFor({ timeout: 30_000 });
      await eventually(server).toEqual({ presence: 'online', connected: true });
      await eventually(() => menu.inputValue()).toBe('online');
      await eventually(() => waiting.count()).toBe(0);
      await page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
