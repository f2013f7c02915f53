/**
 * The server logger's own redaction (src/main/logging/log-options.ts), apart from a running
 * server: headers that carry credentials are blanked in a `headers` object at the top of a
 * log object or one level down (an error's), and `token`/`password` fields likewise. The
 * request serializer already leaves headers out of request lines; this holds the other
 * objects the server logs (docs/security.md, "Secrets and the log").
 */
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { loggerOptions } from '../../src/main/logging/log-options.ts';

/** A logger built from the server's options, writing its lines into `lines`. */
function serverLogger(lines: string[]) {
  const stream = { write: (line: string) => void lines.push(line) };
  return pino(loggerOptions('info', stream) as pino.LoggerOptions, stream);
}

const CREDENTIAL_HEADERS = {
  authorization: 'Bearer secret-authorization-value',
  cookie: 'sid=secret-cookie-value',
  'set-cookie': 'sid=secret-set-cookie-value',
  'sec-websocket-protocol': 'baton, baton.token.secret-subprotocol-value',
  'x-hub-signature-256': 'sha256=secret-meta-signature',
  'x-twilio-signature': 'secret-twilio-signature',
  'x-telegram-bot-api-secret-token': 'secret-telegram-token',
  'webhook-signature': 'v1,secret-standard-webhooks-signature',
  'x-api-key': 'secret-api-key',
};

describe('the server logger', () => {
  it('blanks credential headers at the top of a log object and one level down', () => {
    const lines: string[] = [];
    const log = serverLogger(lines);
    log.info({ headers: CREDENTIAL_HEADERS }, 'headers at the top');
    log.warn({ err: { headers: CREDENTIAL_HEADERS } }, "an error's headers");
    log.info({ res: { headers: CREDENTIAL_HEADERS } }, "a response's headers");
    const written = lines.join('');
    expect(lines).toHaveLength(3);
    for (const value of Object.values(CREDENTIAL_HEADERS)) {
      expect(written, value).not.toContain(value.slice(value.indexOf('secret-')));
    }
    const [top, error, response] = lines.map((line) => JSON.parse(line) as Record<string, any>);
    const blanked = Object.fromEntries(
      Object.keys(CREDENTIAL_HEADERS).map((h) => [h, '[redacted]']),
    );
    expect([top?.headers, error?.err.headers, response?.res.headers]).toEqual([
      blanked,
      blanked,
      blanked,
    ]);
  });

  it('keeps other headers, and blanks token and password fields', () => {
    const lines: string[] = [];
    const log = serverLogger(lines);
    log.info(
      {
        headers: { 'content-type': 'application/json', 'user-agent': 'probe/1' },
        token: 'secret-token-field',
        password: 'secret-password-field',
        session: { token: 'secret-nested-token' },
      },
      'fields',
    );
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, any>;
    expect(line.headers).toEqual({ 'content-type': 'application/json', 'user-agent': 'probe/1' });
    expect([line.token, line.password, line.session.token]).toEqual([
      '[redacted]',
      '[redacted]',
      '[redacted]',
    ]);
  });
});
