// What the browser pages are given that must never reach a log: a log-in's session token, a
// new conversation's token, a Voice access token, a two-factor secret, a generated password,
// a cookie's value. Every answer Chromium receives is read for them and each is noted with
// the issued-token registry under the answering server's origin, so that server's log sentry
// looks for it by value (test/helpers/log-sentry.ts), as it does for the API client's tokens.

import type { Browser, BrowserContext, Response } from 'playwright-core';
import { noteIssuedTokensWhenRead } from '../helpers/issued-tokens.ts';

/** The keys of a JSON answer whose string values are secrets (`token`, `accessToken`, …). */
const SECRET_KEY = /^(?:token|ticket|secret|password)$|(?:Token|Ticket|Secret|Password)$/;
/** Shorter values are no credential the server makes (its shortest, a password, is 16). */
const MIN_SECRET_LENGTH = 16;

/** From now on, notes every secret the pages of every context of `browser` receive. */
export function noteTokensThePagesReceive(browser: Browser): void {
  browser.on('context', noteTokensTheContextReceives);
  for (const context of browser.contexts()) noteTokensTheContextReceives(context);
}

function noteTokensTheContextReceives(context: BrowserContext): void {
  context.on('response', (response) => noteIssuedTokensWhenRead(tokensIn(response)));
}

async function tokensIn(response: Response): Promise<{ baseUrl: string; token: string }[]> {
  const url = new URL(response.url());
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [];
  const headers = await response.allHeaders();
  const secrets = cookieValues(headers['set-cookie']);
  // A redirect's body cannot be read; a JSON answer's can.
  if (response.status() < 300 && /\bjson\b/.test(headers['content-type'] ?? ''))
    secrets.push(...secretsIn(JSON.parse((await response.body()).toString('utf8')) as unknown));
  return secrets
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .map((token) => ({ baseUrl: url.origin, token }));
}

/** The value of each cookie a `Set-Cookie` header (lines joined by `\n`) sets. */
function cookieValues(header: string | undefined): string[] {
  if (!header) return [];
  return header.split('\n').map((line) => {
    const value = (line.split(';')[0] ?? '').split('=').slice(1).join('=');
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  });
}

/** The string values under a secret's key, anywhere in a JSON value. */
function secretsIn(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return SECRET_KEY.test(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => secretsIn(item, key));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => secretsIn(v, k));
  return [];
}
