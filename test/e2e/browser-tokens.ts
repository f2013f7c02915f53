// What the browser pages are given that must never reach a log: a log-in's session token, a
// new conversation's token, a Voice access token, a two-factor secret, a generated password,
// a cookie's value, a secret in a socket frame. Every HTTP answer and every WebSocket frame
// Chromium receives is read for them (test/helpers/issued-tokens.ts says what a secret is)
// and each is noted under the answering server's origin, so that server's log sentry looks
// for it by value (test/helpers/log-sentry.ts), as it does for the API client's tokens.

import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import {
  cookieSecrets,
  noteIssuedSecrets,
  noteIssuedTokensWhenRead,
  secretsIn,
} from '../helpers/issued-tokens.ts';

/** From now on, notes every secret the pages of every context of `browser` receive. */
export function noteTokensThePagesReceive(browser: Browser): void {
  browser.on('context', noteTokensTheContextReceives);
  for (const context of browser.contexts()) noteTokensTheContextReceives(context);
}

function noteTokensTheContextReceives(context: BrowserContext): void {
  context.on('response', (response) => noteIssuedTokensWhenRead(tokensIn(response)));
  context.on('page', noteFramesThePageReceives);
  for (const page of context.pages()) noteFramesThePageReceives(page);
}

/** The frames each of the page's sockets receives (the inbox's and the widget's streams). */
function noteFramesThePageReceives(page: Page): void {
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) => {
      try {
        noteIssuedSecrets(socket.url(), JSON.parse(String(payload)) as unknown);
      } catch {
        // Not JSON: no frame Baton sends, and nothing keyed to read.
      }
    });
  });
}

async function tokensIn(response: Response): Promise<{ baseUrl: string; token: string }[]> {
  const url = new URL(response.url());
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [];
  const headers = await response.allHeaders();
  const secrets = cookieSecrets((headers['set-cookie'] ?? '').split('\n'));
  // A redirect's body cannot be read; a JSON answer's can.
  if (response.status() < 300 && /\bjson\b/.test(headers['content-type'] ?? ''))
    secrets.push(...secretsIn(JSON.parse((await response.body()).toString('utf8')) as unknown));
  return secrets.map((token) => ({ baseUrl: url.origin, token }));
}
