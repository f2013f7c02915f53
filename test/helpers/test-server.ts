/**
 * Starts a real Baton server on a free port, on a fresh database of the chosen engine, with
 * the demo agents and knowledge base: what `npm start` runs, isolated per test file.
 */
import { loadConfig } from '../../src/config/load-config.ts';
import { startServer, type RunningServer } from '../../src/main/main.ts';
import { TEST_DATABASES } from './databases.ts';
import type { DnsResolver } from '../../src/channels/email/email-authenticity.ts';
import { standInDns } from './stand-in-dns.ts';
import { LogSentry } from './log-sentry.ts';
import { takeIssuedTokens, watchTestServer } from './issued-tokens.ts';
import { freePort } from './cluster/free-port.ts';

export interface TestServerOptions {
  readonly engine?: 'sqlite' | 'postgres';
  readonly webRoot?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly clock?: () => Date;
  /** Receives the server's log lines (set LOG_LEVEL in env to see requests). */
  readonly logStream?: { write(line: string): void };
  /**
   * DNS for inbound email's SPF, DKIM and DMARC checks (test/helpers/stand-in-dns.ts); by
   * default one that knows no name, so no test asks the real DNS.
   */
  readonly dnsResolver?: DnsResolver;
  /** Run on an existing database (a second node of a cluster); the caller cleans it up. */
  readonly database?: { readonly url: string; readonly schema?: string };
}

export interface TestServer {
  readonly baseUrl: string;
  readonly wsUrl: string;
  readonly server: RunningServer;
  readonly demoAgent: { readonly email: string; readonly password: string };
  /** Reads the server's log for secrets (none when the test gave its own `logStream`). */
  readonly logSentry: LogSentry;
  /** Stops the server; fails when its log held a token, a password or a customer's email. */
  close(): Promise<void>;
}

export const DEMO_PASSWORD = 'baton-demo';

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const opened = options.database
    ? { ...options.database, cleanup: () => Promise.resolve() }
    : await openDatabase(options.engine ?? 'sqlite');
  const loaded = loadConfig({
    cwd: process.cwd(),
    env: {
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: opened.url,
      // Every request logged, so the log sentry reads every URL and header it could leak.
      LOG_LEVEL: options.logStream ? 'error' : 'info',
      BATON_DEMO: 'true',
      BATON_DEMO_PASSWORD: DEMO_PASSWORD,
      BATON_WEB_ROOT: options.webRoot ?? 'dist/web',
      // Conversation ids are random, so a sampled bot-only survey would come and go between
      // runs of tests that move the clock: off unless a test asks for it (bot-survey.test.ts).
      BATON_CSAT_BOT_ONLY_SAMPLE: '0',
      // On PostgreSQL the compaction window (VACUUM FULL at 03:30 UTC) would rewrite the tables
      // of whichever tests run as a CI run crosses 03:30, and of tests that move the clock: off
      // unless a test asks for it (compaction-window.test.ts).
      BATON_COMPACT_WINDOW: 'false',
      ...options.env,
    },
  });
  const sentry = new LogSentry(DEMO_PASSWORD);
  let server: RunningServer;
  try {
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    server = await startServer({
      config: loaded.config,
      ...(opened.schema ? { databaseSchema: opened.schema } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      logStream: options.logStream ?? sentry.stream,
      dnsResolver: options.dnsResolver ?? standInDns({}),
    });
  } catch (error) {
    // A server that does not start must not leave its database (or schema) behind.
    await opened.cleanup();
    throw error;
  }
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  watchTestServer(baseUrl);
  return {
    baseUrl,
    wsUrl: `ws://127.0.0.1:${port}`,
    server,
    demoAgent: { email: 'alex@example.com', password: DEMO_PASSWORD },
    logSentry: sentry,
    async close() {
      // A test may have taken the database away (ops-health's "without its database"): then
      // the team is not known, and only tokens and the password are looked for.
      const team = await server.store.agents.list({ includeDisabled: true }).then(
        (agents) => agents.map((a) => a.email),
        () => null,
      );
      await server.close();
      await opened.cleanup();
      const issued = await takeIssuedTokens(baseUrl);
      if (options.logStream) return;
      // Secrets in the log fail the test file that started this server (log-sentry.ts).
      const findings = sentry.check(team, issued);
      if (findings.length > 0)
        throw new Error(
          `secrets in the server's log (test/helpers/log-sentry.ts):\n${findings
            .map((f) => `${f.kind}: ${f.excerpt}`)
            .join('\n')}`,
        );
    },
  };
}

/**
 * Starts a server that must fail: its log destination throws 'log destination failed' at the
 * first line holding `failAt` (a real failure, as late in the start as that line), and it
 * listens for inbound email on a free port, so the caller can check that the failed start
 * closed that listener (build-failure*.test.ts).
 */
export async function startFailingAt(
  failAt: string,
  options: TestServerOptions = {},
): Promise<{ failing: Promise<TestServer>; smtpPort: number }> {
  const smtpPort = await freePort();
  const failing = startTestServer({
    ...options,
    logStream: {
      write(line: string) {
        if (line.includes(failAt)) throw new Error('log destination failed');
      },
    },
    env: {
      ...options.env,
      BATON_EMAIL_FROM: 'Acme Support <help@acme.test>',
      BATON_EMAIL_SMTP_URL: 'smtp://127.0.0.1:9',
      BATON_SMTP_HOST: '127.0.0.1',
      BATON_SMTP_PORT: String(smtpPort),
      BATON_SMTP_ACCEPT_FOR: 'help@acme.test',
    },
  });
  return { failing, smtpPort };
}

async function openDatabase(engine: 'sqlite' | 'postgres') {
  const database = TEST_DATABASES.find((d) => d.name === engine);
  if (!database) throw new Error(`unknown engine ${engine}`);
  if (database.skipReason) throw new Error(database.skipReason);
  return database.open();
}
