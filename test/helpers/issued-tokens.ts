/**
 * The secrets each test server has issued, by the server's origin, so that the log sentry can
 * look for each one's value in that server's log, wherever a line put it
 * (test/helpers/log-sentry.ts). This is the one place that says what a secret is
 * (`secretsIn`, `cookieSecrets`) and where every path a test receives one from notes it:
 * the API client's answers and cookies (api-client.ts), the frames the test socket client
 * receives (socket-client.ts), the sign-in browser's answers and cookies (browser-client.ts),
 * and what Chromium's pages receive over HTTP and WebSocket (test/e2e/browser-tokens.ts);
 * the answers of a plain `fetch` to a running test server are noted too (noting-fetch.ts), and
 * the secrets in the `Location` of its redirects (`locationSecrets`).
 * A socket's `ws://` origin is its server's `http://` one.
 */

/** The keys whose string values are secrets (`token`, `accessToken`, `ticket`, …). */
const SECRET_KEY = /^(?:token|ticket|secret|password)$|(?:Token|Ticket|Secret|Password)$/;
/** Shorter values are no credential the server makes (its shortest, a password, is 16). */
const MIN_SECRET_LENGTH = 16;
/**
 * Two-factor recovery codes (`recoveryCodes`): shorter than the rest, 12 base32 characters
 * in three groups (`k7q2-m3xd-4hfa`, 60 random bits), and as good as a password's second
 * half until used, so secrets too.
 */
const RECOVERY_CODE_KEY = /^recoveryCodes?$|RecoveryCodes?$/;
const MIN_RECOVERY_CODE_LENGTH = 12;
/**
 * A redirect's query or fragment parameters whose values are secrets: credentials by name, and
 * the OpenID Connect sign-in's `state` and `nonce` (and its `code`, on the way back).
 */
const LOCATION_SECRET_PARAM = /token|ticket|secret|password|session|code|^state$|^nonce$/i;

const issued = new Map<string, Set<string>>();
/** The origins of the test servers running in this process (test-server.ts). */
const running = new Set<string>();
/** Reads of what the browser received, still running: a server's tokens wait for them. */
const pending = new Set<Promise<void>>();

/** Marks a test server as running: a plain `fetch` to it has its answers noted. */
export function watchTestServer(baseUrl: string): void {
  running.add(serverOrigin(baseUrl));
}

/** Whether `url` is on a running test server (not a stand-in provider nor a closed one). */
export function isTestServer(url: string): boolean {
  return URL.canParse(url) && running.has(serverOrigin(url));
}

/** Notes a token the server at `baseUrl` (or its socket's `ws://` address) answered with. */
export function noteIssuedToken(baseUrl: string, token: string): void {
  const origin = serverOrigin(baseUrl);
  const tokens = issued.get(origin) ?? new Set<string>();
  tokens.add(token);
  issued.set(origin, tokens);
}

/** Notes the tokens a read finds once it ends (a response body Chromium still has to give). */
export function noteIssuedTokensWhenRead(
  read: Promise<readonly { readonly baseUrl: string; readonly token: string }[]>,
): void {
  const noted = read.then(
    (found) => {
      for (const { baseUrl, token } of found) noteIssuedToken(baseUrl, token);
    },
    // A page closed before its answer was read: that answer's tokens are not known.
    () => undefined,
  );
  pending.add(noted);
  void noted.finally(() => pending.delete(noted));
}

/**
 * The tokens the server at `baseUrl` issued, once every read still running has ended,
 * forgotten once taken (its port may be reused).
 */
export async function takeIssuedTokens(baseUrl: string): Promise<string[]> {
  await Promise.all([...pending]);
  const origin = serverOrigin(baseUrl);
  const tokens = [...(issued.get(origin) ?? [])];
  issued.delete(origin);
  running.delete(origin);
  return tokens;
}

/** Notes every secret in a JSON value (an answer, a socket frame) the server at `url` sent. */
export function noteIssuedSecrets(url: string, value: unknown): void {
  for (const secret of secretsIn(value)) noteIssuedToken(url, secret);
}

/** The secrets (long enough to be one) under a secret's key, anywhere in a JSON value. */
export function secretsIn(value: unknown, key = ''): string[] {
  if (typeof value === 'string') {
    if (RECOVERY_CODE_KEY.test(key)) return value.length >= MIN_RECOVERY_CODE_LENGTH ? [value] : [];
    return SECRET_KEY.test(key) && value.length >= MIN_SECRET_LENGTH ? [value] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item) => secretsIn(item, key));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => secretsIn(v, k));
  return [];
}

/** The value of each cookie `Set-Cookie` lines set (long enough to be a secret). */
export function cookieSecrets(lines: readonly string[]): string[] {
  return lines
    .map((line) => {
      const value = (line.split(';')[0] ?? '').split('=').slice(1).join('=');
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    })
    .filter((value) => value.length >= MIN_SECRET_LENGTH);
}

/** The secrets a redirect's `Location` carries in its query or fragment (long enough to be one). */
export function locationSecrets(location: string): string[] {
  if (!URL.canParse(location, 'http://location.invalid')) return [];
  const url = new URL(location, 'http://location.invalid');
  const params = [...url.searchParams, ...new URLSearchParams(url.hash.slice(1))];
  return params
    .filter(
      ([name, value]) => LOCATION_SECRET_PARAM.test(name) && value.length >= MIN_SECRET_LENGTH,
    )
    .map(([, value]) => value);
}

/** A server's origin from its HTTP or WebSocket address. */
function serverOrigin(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol === 'ws:') parsed.protocol = 'http:';
  if (parsed.protocol === 'wss:') parsed.protocol = 'https:';
  return parsed.origin;
}
