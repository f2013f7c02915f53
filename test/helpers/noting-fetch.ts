/**
 * A `fetch` that notes the secrets a running test server answers with (issued-tokens.ts), so
 * that a test calling `fetch` itself, not through the API client, still has the secrets it
 * received looked for in that server's log (log-sentry.ts), the secrets in a redirect's
 * `Location` too. Installed for every test file
 * (test/setup/note-fetched-secrets.ts); the answer the test reads is untouched, a copy of a
 * JSON body is read beside it.
 */
import {
  cookieSecrets,
  isTestServer,
  locationSecrets,
  noteIssuedToken,
  noteIssuedTokensWhenRead,
  secretsIn,
} from './issued-tokens.ts';

const NOTING = Symbol.for('baton.test.notingFetch');

type Fetch = typeof globalThis.fetch;

/** `inner`, with each answer from a running test server noted. */
export function notingFetch(inner: Fetch): Fetch {
  const wrapped: Fetch = async (input, init) => {
    const response = await inner(input, init);
    const url = response.url || requestUrl(input);
    if (!isTestServer(url)) return response;
    for (const cookie of cookieSecrets(response.headers.getSetCookie()))
      noteIssuedToken(url, cookie);
    // A redirect's `Location` (seen when redirects are not followed: the sign-in browser's).
    for (const secret of locationSecrets(response.headers.get('location') ?? ''))
      noteIssuedToken(url, secret);
    // JSON only: an event stream's copy would not end while its test reads it.
    if (/\bjson\b/i.test(response.headers.get('content-type') ?? '')) {
      noteIssuedTokensWhenRead(
        response
          .clone()
          .text()
          .then((text) =>
            text ? secretsIn(JSON.parse(text)).map((token) => ({ baseUrl: url, token })) : [],
          ),
      );
    }
    return response;
  };
  return Object.assign(wrapped, { [NOTING]: inner });
}

/** Wraps the global `fetch` once (setup files may run again in the same worker). */
export function installNotingFetch(): void {
  if (NOTING in globalThis.fetch) return;
  globalThis.fetch = notingFetch(globalThis.fetch);
}

/** The `fetch` before the wrap: for a test that must see a secret reach it by another path. */
export function unnotedFetch(): Fetch {
  const current = globalThis.fetch as Fetch & { [NOTING]?: Fetch };
  return current[NOTING] ?? current;
}

function requestUrl(input: Parameters<Fetch>[0]): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}
