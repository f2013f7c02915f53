/**
 * Every test server's log, read for secrets as it is written (issue 14: "a log scan for
 * tokens, passwords and customer emails after the e2e run"). The servers log at `info`, so
 * every request line is read: a session or conversation token in a URL, a header or a
 * socket's sub-protocol, the demo password, or any email address that is not a team
 * member's (a customer's, then) is a finding, and the server's `close()` fails with them.
 * Tokens are also looked for by value: every token the server issued to the tests' API client
 * or to the browser pages (issued-tokens.ts) is a finding wherever a line holds it, or only its
 * first 12 characters (a cut token is still a lead), under any key or in any text.
 */

export interface LogFinding {
  readonly kind: 'token' | 'password' | 'customer_email';
  /** The line, cut around what was found. */
  readonly excerpt: string;
}

const TOKEN_PATTERNS: readonly RegExp[] = [
  // A query parameter the redactor must have replaced (src/main/logging/log-options.ts).
  /[?&](?:token|access_token|ticket)=(?!\[redacted\])[^&\s"]+/i,
  /bearer\s+[A-Za-z0-9_-]{16,}/i,
  /baton\.token\.[A-Za-z0-9_-]{8,}/,
];
/** Runs of token characters long enough to hold the 12 characters an issued token is known by. */
const TOKEN_LIKE = /[A-Za-z0-9_-]{12,}/g;
/** How many of a token's first characters are enough to find it. */
export const TOKEN_PREFIX = 12;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

export class LogSentry {
  readonly findings: LogFinding[] = [];
  private readonly emails = new Map<string, string>();
  /** Each run of token characters seen, with where: issued tokens are sought in them. */
  private readonly tokenLike = new Map<string, string>();
  lines = 0;

  constructor(private readonly password: string) {}

  /** A pino destination: each line is checked when written. */
  readonly stream = {
    write: (line: string): void => {
      this.lines += 1;
      for (const pattern of TOKEN_PATTERNS) {
        const found = pattern.exec(line);
        if (found) this.findings.push({ kind: 'token', excerpt: around(line, found.index) });
      }
      const at = line.indexOf(this.password);
      if (at >= 0 && !/[A-Za-z0-9-]/.test(line[at + this.password.length] ?? ''))
        this.findings.push({ kind: 'password', excerpt: around(line, at) });
      for (const found of line.matchAll(TOKEN_LIKE)) {
        if (!this.tokenLike.has(found[0])) this.tokenLike.set(found[0], around(line, found.index));
      }
      for (const found of line.matchAll(EMAIL)) {
        const email = found[0].toLowerCase();
        if (!this.emails.has(email)) this.emails.set(email, around(line, found.index));
      }
    },
  };

  /**
   * The findings, once the team's addresses (which may be logged) and the tokens the server
   * issued are known; with `null` for the team (it could not be read), no customer emails.
   */
  check(teamEmails: readonly string[] | null, issuedTokens: readonly string[] = []): LogFinding[] {
    const issued = issuedTokens.flatMap((token) => {
      const leads = tokenLeads(token);
      const seen = [...this.tokenLike].find(([run]) => leads.some((lead) => run.includes(lead)));
      return seen ? [{ kind: 'token' as const, excerpt: seen[1] }] : [];
    });
    if (teamEmails === null) return [...this.findings, ...issued];
    const team = new Set(teamEmails.map((e) => e.toLowerCase()));
    const customers = [...this.emails]
      .filter(([email]) => !team.has(email))
      .map(([, excerpt]) => ({ kind: 'customer_email' as const, excerpt }));
    return [...this.findings, ...issued, ...customers];
  }
}

/**
 * What finds a token in a line: the first 12 characters of each of its runs of token
 * characters (one, for Baton's base64url tokens), leaving out a JWT's header and claims
 * (base64url JSON, `eyJ…`, alike from one token to the next) but not its signature.
 */
export function tokenLeads(token: string): string[] {
  const runs = [...token.matchAll(TOKEN_LIKE)].map((run) => run[0]);
  const secret = runs.length > 1 ? runs.filter((run) => !run.startsWith('eyJ')) : runs;
  return secret.map((run) => run.slice(0, TOKEN_PREFIX));
}

function around(line: string, index: number): string {
  return line.slice(Math.max(0, index - 80), index + 80).trim();
}
