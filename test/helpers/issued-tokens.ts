/**
 * The tokens each test server has issued, by the server's origin, so that the log sentry can
 * look for each one's value in that server's log, wherever a line put it
 * (test/helpers/log-sentry.ts): what the test helpers' API client was answered (a log-in's
 * session, a new conversation's token: any `token` in an answer), and what the browser pages
 * received (test/e2e/browser-tokens.ts), which is read from Chromium after the fact.
 */
const issued = new Map<string, Set<string>>();
/** Reads of what the browser received, still running: a server's tokens wait for them. */
const pending = new Set<Promise<void>>();

/** Notes a token the server at `baseUrl` answered with. */
export function noteIssuedToken(baseUrl: string, token: string): void {
  const origin = new URL(baseUrl).origin;
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
  const origin = new URL(baseUrl).origin;
  const tokens = [...(issued.get(origin) ?? [])];
  issued.delete(origin);
  return tokens;
}
