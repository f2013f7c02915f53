/**
 * Every test server's log, read for secrets as it is written (issue 14: "a log scan for
 * tokens, passwords and customer emails after the e2e run"). The servers log at `info`, so
 * every request line is read: a session or conversation token in a URL, a header or a
 * socket's sub-protocol, the demo password, or any email address that is not a team
 * member's (a customer's, then) is a finding, and the server's `close()` fails with them.
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
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

export class LogSentry {
  readonly findings: LogFinding[] = [];
  private readonly emails = new Map<string, string>();
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
      for (const found of line.matchAll(EMAIL)) {
        const email = found[0].toLowerCase();
        if (!this.emails.has(email)) this.emails.set(email, around(line, found.index));
      }
    },
  };

  /**
   * The findings, once the team's addresses (which may be logged) are known; with `null`
   * (the team could not be read) only tokens and the password.
   */
  check(teamEmails: readonly string[] | null): LogFinding[] {
    if (teamEmails === null) return [...this.findings];
    const team = new Set(teamEmails.map((e) => e.toLowerCase()));
    const customers = [...this.emails]
      .filter(([email]) => !team.has(email))
      .map(([, excerpt]) => ({ kind: 'customer_email' as const, excerpt }));
    return [...this.findings, ...customers];
  }
}

function around(line: string, index: number): string {
  return line.slice(Math.max(0, index - 80), index + 80).trim();
}
