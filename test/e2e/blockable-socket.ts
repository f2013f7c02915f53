// The inbox's WebSocket made unavailable on demand, for tests of the reconnecting state: pass
// BLOCKABLE_SOCKET as openInbox's `initScript`, then `blockInboxSocket(page)` closes the open
// sockets and sends new ones to a path the server has no socket on (a 404, as a failed
// reconnect); `allowInboxSocket(page)` lets the next reconnect through.

import type { Page } from 'playwright-core';

export const BLOCKABLE_SOCKET = `(() => {
  const Real = WebSocket;
  const sockets = [];
  let blocked = false;
  globalThis.__inboxSocket = {
    block() { blocked = true; for (const s of sockets) s.close(); },
    allow() { blocked = false; },
  };
  globalThis.WebSocket = class extends Real {
    constructor(url, protocols) {
      super(blocked ? String(url).replace('/agent/stream', '/agent/unavailable') : url, protocols);
      sockets.push(this);
    }
  };
})();`;

type SocketSwitch = { __inboxSocket: { block(): void; allow(): void } };

/** Drops the inbox's socket and keeps it from reconnecting until `allowInboxSocket`. */
export function blockInboxSocket(page: Page): Promise<void> {
  return page.evaluate(() => (globalThis as unknown as SocketSwitch).__inboxSocket.block());
}

/** Lets the inbox's next reconnect through. */
export function allowInboxSocket(page: Page): Promise<void> {
  return page.evaluate(() => (globalThis as unknown as SocketSwitch).__inboxSocket.allow());
}
