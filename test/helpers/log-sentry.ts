/**
 * Every test server's log, read for secrets as it is written (issue 14: "a log scan for
 * tokens, passwords and customer emails after the e2e run"). The servers log at `info`, so
 * every request line is read: a session or conversation token in a URL, a header or a
 * socket's sub-protocol, the demo password, or any email address that is not a team
 * member's (a customer's, then) is a finding, and the server's `close()` fails with them.
 * Tokens are also looked for by value: every token the server issued to the tests' API client
 * or to the browser pages (issued-tokens.ts) is a finding wherever a line holds it, or only its
 * first 12 characters (a cut token is still a lead), under any key or in any text, and in any
 * case with dashes, underscores or spaces put in or left out (a recovery code `k7q2-m3xd-4hfa`
 * is typed, and could be logged, as `K7Q2 M3XD 4HFA` or `k7q2m3xd4hfa`).
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
/** Runs long enough to hold a secret's 12 first letters and digits, once compacted. */
const COMPACT_RUN = /[a-z0-9]{12,}/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

export class LogSentry {
  readonly findings: LogFinding[] = [];
  private readonly emails = new Map<string, string>();
  /** Each run of token characters seen, with where: issued tokens are sought in them. */
  private readonly tokenLike = new Map<string, string>();
  /** The same, compacted (`compact`): a secret rewritten in another case or grouping. */
  private readonly compactRuns = new Map<string, string>();
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
      const compacted = compact(line);
      for (const found of compacted.text.matchAll(COMPACT_RUN)) {
        if (!this.compactRuns.has(found[0]))
          this.compactRuns.set(found[0], around(line, compacted.at[found.index] ?? 0));
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
      const compactLeads = compactTokenLeads(token);
      const seen =
        [...this.tokenLike].find(([run]) => leads.some((lead) => run.includes(lead))) ??
        [...this.compactRuns].find(([run]) => compactLeads.some((lead) => run.includes(lead)));
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
  return secretRuns(token).map((run) => run.slice(0, TOKEN_PREFIX));
}

/**
 * The same leads compacted (lower case, letters and digits only), so that the secret is found
 * however it was re-cased or regrouped; for a secret with no run of 12 (`k7q2 m3xd 4hfa`),
 * its first 12 letters and digits.
 */
export function compactTokenLeads(token: string): string[] {
  const runs = secretRuns(token);
  return (runs.length > 0 ? runs : [token])
    .map((run) =>
      compact(run)
        .text.replace(/[^a-z0-9]/g, '')
        .slice(0, TOKEN_PREFIX),
    )
    .filter((lead) => lead.length === TOKEN_PREFIX);
}

/** A token's runs of token characters, a JWT's header and claims left out. */
function secretRuns(token: string): string[] {
  const runs = [...token.matchAll(TOKEN_LIKE)].map((run) => run[0]);
  return runs.length > 1 ? runs.filter((run) => !run.startsWith('eyJ')) : runs;
}

/**
 * The text in lower case without dashes, underscores or white space, with where each of its
 * characters was in the original (for the finding's excerpt).
 */
function compact(text: string): { text: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] ?? '';
    if (c === '-' || c === '_' || c.trim() === '') continue;
    out += c.toLowerCase();
    at.push(i);
  }
  return { text: out, at };
}

function around(line: string, index: number): string {
  return line.slice(Math.max(0, index - 80), index + 80).trim();
}
