/**
 * The SMTP listener fuzzed, on both engines: random RFC 5322 messages (headers of any name
 * and value, any charset, encodings, multipart with attachments, delivery reports) and random
 * bytes, each through the real listener, its parse and the store. Whatever comes in, the
 * answer is a 250 or a permanent refusal with its reason (550 `5.6.0 Message refused: …`):
 * never the 451 of a failure of Baton's own, and the listener keeps answering. A message the
 * parser reads as a customer's is answered "Stored" and is in its conversation; nothing
 * accepted is lost.
 */
import fc from 'fast-check';
import nodemailer, { type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMimeEmail } from '../../src/channels/email/parse-mime-email.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { anyText } from '../helpers/fuzz-values.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const RUNS = 150;
const SUPPORT = 'help@acme.test';

/** A header value on one line: any text but CR and LF (folding is tried apart). */
const oneLine = anyText.map((t) => t.replace(/[\r\n]/g, ' '));
const headerName = fc.oneof(
  fc.constantFrom(
    'From',
    'To',
    'Cc',
    'Subject',
    'In-Reply-To',
    'References',
    'Date',
    'Reply-To',
    'Sender',
    'Auto-Submitted',
    'Precedence',
    'Content-Type',
    'Content-Transfer-Encoding',
    'Content-Disposition',
  ),
  fc.stringMatching(/^X-[A-Za-z0-9-]{1,12}$/),
);
const headerValue = fc.oneof(
  oneLine,
  fc.constantFrom(
    'Sarah <sarah@customer.test>',
    '=?utf-8?B?U2FyYWg=?= <sarah@customer.test>',
    '=?x-unknown?Q?=FF=00?= <a@b>',
    '<a@b> <c@d>',
    'undisclosed-recipients:;',
    'group: a@b, c@d;',
    'auto-replied',
    'text/html; charset=iso-8859-1',
    'multipart/mixed; boundary=',
    'Thu, 99 Foo 99999 99:99:99 +9999',
    '',
  ),
  // A folded value.
  fc.tuple(oneLine, oneLine).map(([a, b]) => `${a}\r\n\t${b}`),
);
const body = fc.oneof(
  oneLine,
  fc.array(oneLine, { maxLength: 6 }).map((lines) => lines.join('\r\n')),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('base64')),
  fc.constantFrom('.', '..\r\n.', '=\r\n=ZZ=', '<html><body><p>Hi</p><script>x</script>', ''),
);
const part = fc
  .record({
    type: fc.constantFrom(
      'text/plain; charset=utf-8',
      'text/html; charset=utf-8',
      'text/plain; charset=nonsense',
      'image/png; name="a.png"',
      'application/pdf; name="../../etc/passwd"',
      'message/delivery-status',
      'message/rfc822',
    ),
    encoding: fc.constantFrom('7bit', '8bit', 'base64', 'quoted-printable', 'x-unknown'),
    disposition: fc.constantFrom('', 'attachment; filename="f\u0000.txt"', 'inline'),
    content: body,
  })
  .map(
    (p) =>
      `Content-Type: ${p.type}\r\nContent-Transfer-Encoding: ${p.encoding}\r\n` +
      `${p.disposition ? `Content-Disposition: ${p.disposition}\r\n` : ''}\r\n${p.content}`,
  );
const multipart = fc
  .tuple(fc.constantFrom('b1', 'weird boundary', '=_x'), fc.array(part, { maxLength: 3 }))
  .map(([boundary, parts]) => ({
    header: `Content-Type: multipart/mixed; boundary="${boundary}"`,
    content: [...parts.map((p) => `--${boundary}\r\n${p}`), `--${boundary}--`].join('\r\n'),
  }));

/** A message with a Message-ID of its own, so that what was stored can be found. */
const message = (n: number) =>
  fc
    .record({
      headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 8 }),
      from: fc.oneof(
        fc.constant('From: Sarah <sarah@customer.test>'),
        headerValue.map((v) => `From: ${v}`),
      ),
      content: fc.oneof(
        body.map((content) => ({ header: '', content })),
        multipart,
      ),
    })
    .map(({ headers, from, content }) =>
      [
        from,
        `Message-ID: <fuzz-${n}@customer.test>`,
        ...headers.map(([name, value]) => `${name}: ${value}`),
        ...(content.header ? ['MIME-Version: 1.0', content.header] : []),
        '',
        content.content,
      ].join('\r\n'),
    );

describe.each(TEST_DATABASES)('the SMTP listener, fuzzed ($name)', (database) => {
  let s: TestServer;
  let client: Transporter;
  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({
      engine: database.name,
      env: {
        BATON_EMAIL_FROM: `Acme Support <${SUPPORT}>`,
        BATON_SMTP_HOST: '127.0.0.1',
        BATON_SMTP_PORT: '0',
        BATON_SMTP_ACCEPT_FOR: SUPPORT,
        BATON_SMTP_MAX_BYTES: '20000',
        // Replies would go nowhere; the fuzz is about what comes in.
        LOG_LEVEL: 'fatal',
      },
    });
    client = nodemailer.createTransport({
      host: '127.0.0.1',
      port: s.server.app.smtpPort,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: 1,
      maxMessages: Infinity,
    });
  });
  afterAll(async () => {
    client?.close();
    await s?.close();
  });

  /** The SMTP reply: code and text, accepted or not. */
  async function send(raw: string | Buffer): Promise<{ code: number; text: string }> {
    try {
      const info = await client.sendMail({
        envelope: { from: 'sarah@customer.test', to: [SUPPORT] },
        raw,
      });
      const response = String(info.response);
      return { code: Number(response.slice(0, 3)), text: response };
    } catch (error) {
      const { responseCode, response } = error as { responseCode?: number; response?: string };
      return { code: responseCode ?? 0, text: response ?? String(error) };
    }
  }

  it.skipIf(database.skipReason)(
    `answers ${RUNS} random messages with 250 or a reasoned 550, and stores each customer message`,
    async () => {
      let n = 0;
      let stored = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.integer().chain(() => message(++n)),
          async (raw) => {
            const answer = await send(raw);
            const parsed = await parseMimeEmail(Buffer.from(raw), new Date());
            const what = `${JSON.stringify(raw).slice(0, 300)} → ${answer.text}`;
            if (parsed.kind === 'invalid') {
              expect(answer.code, what).toBe(550);
              expect(answer.text, what).toContain('5.6.0 Message refused: ');
              return;
            }
            if (parsed.kind === 'automatic') {
              expect(answer.text, what).toMatch(/^250 2\.0\.0 Accepted, ignored/);
              return;
            }
            expect(answer.text, what).toMatch(/^250 2\.0\.0 Stored/);
            if (parsed.kind !== 'message') return;
            // Mail from an unverified sender starts a conversation of its own, named by it.
            const id = parsed.event.providerMessageId;
            const conversation = await s.server.store.conversations.findLatestByThread('email', id);
            expect(conversation, what).toBeDefined();
            const events = await s.server.store.conversations.eventsSince(conversation!.id, 0);
            expect(
              events.some((e) => e.data['clientMessageId'] === `email:${id}`),
              what,
            ).toBe(true);
            stored += 1;
          },
        ),
        { numRuns: RUNS },
      );
      // The fuzz reached the store, not only the refusals.
      expect(stored).toBeGreaterThan(RUNS / 4);
    },
    300_000,
  );

  it.skipIf(database.skipReason)(
    `answers ${RUNS} random byte strings without a failure of its own`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
          const answer = await send(Buffer.from(bytes));
          expect(answer.code, answer.text).not.toBe(451);
          expect([250, 550], answer.text).toContain(answer.code);
        }),
        { numRuns: RUNS },
      );
      const health = await fetch(`${s.baseUrl}/healthz`);
      expect(health.status).toBe(200);
    },
    300_000,
  );
});
