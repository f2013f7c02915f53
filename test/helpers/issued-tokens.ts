/**
 * The tokens each test server has issued to the test helpers' API client (a log-in's session,
 * a new conversation's token: any `token` in an answer), by the server's origin, so that the
 * log sentry can look for each one's value in that server's log, wherever a line put it
 * (test/helpers/log-sentry.ts).
 */
const issued = new Map<string, Set<string>>();

/** Notes a token the server at `baseUrl` answered with. */
export function noteIssuedToken(baseUrl: string, token: string): void {
  const origin = new URL(baseUrl).origin;
  const tokens = issued.get(origin) ?? new Set<string>();
  tokens.add(token);
  issued.set(origin, tokens);
}

/** The tokens the server at `baseUrl` issued, forgotten once read (its port may be reused). */
export function takeIssuedTokens(baseUrl: string): string[] {
  const origin = new URL(baseUrl).origin;
  const tokens = [...(issued.get(origin) ?? [])];
  issued.delete(origin);
  return tokens;
}
