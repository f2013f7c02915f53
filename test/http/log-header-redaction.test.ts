/**
 * The server logger's own redaction (src/main/logging/log-options.ts), apart from a running
 * server: a key named as a credential header, in any case, is blanked at any depth of a log
 * object (in objects, arrays and an error's own fields), what is nested past the walk's bound is
 * cut, and `token`/`password` fields are blanked at the top or one level down. The request
 * serializer already leaves headers out of request lines; this holds the other objects the
 * server logs (docs/security.md, "Secrets and the log").
 */
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { loggerOptions } from '../../src/main/logging/log-options.ts';
import {
  MAX_DEPTH,
  MAX_ENTRIES,
  TOO_DEEP,
  TOO_LARGE,
} from '../../src/main/logging/redact-credential-headers.ts';

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
    log.info({ upstream: { headers: CREDENTIAL_HEADERS } }, "an upstream's headers");
    const written = lines.join('');
    expect(lines).toHaveLength(3);
    for (const value of Object.values(CREDENTIAL_HEADERS)) {
      expect(written, value).not.toContain(value.slice(value.indexOf('secret-')));
    }
    const [top, error, response] = lines.map((line) => JSON.parse(line) as Record<string, any>);
    const blanked = Object.fromEntries(
      Object.keys(CREDENTIAL_HEADERS).map((h) => [h, '[redacted]']),
    );
    expect([top?.headers, error?.err.headers, response?.upstream.headers]).toEqual([
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

  it('blanks credential headers in any case, at any depth, in arrays and in errors', () => {
    const lines: string[] = [];
    const log = serverLogger(lines);
    const capitalised = {
      Authorization: 'Bearer secret-capital',
      'X-Hub-Signature-256': 'sha256=secret-mixed',
    };
    const deep = { upstream: { request: { config: { headers: { cookie: 'sid=secret-deep' } } } } };
    const attempts = {
      attempts: [
        { headers: { 'Set-Cookie': ['a=secret-array-1'] } },
        { headers: { AUTHORIZATION: 'Bearer secret-array-2' } },
      ],
    };
    const error = Object.assign(new Error('upstream refused'), {
      response: {
        status: 401,
        headers: { 'WWW-Authenticate': 'Bearer', 'X-Twilio-Signature': 'secret-in-error' },
      },
    });
    log.info(
      { headers: capitalised, author: 'Ada', authors: ['Grace'], cookies: 2 },
      'capitalised',
    );
    log.info(deep, 'three levels down');
    log.info(attempts, 'an array of header objects');
    log.error({ err: error }, 'an error');
    expect(lines.join('')).not.toContain('secret-');
    const [top, nested, listed, failed] = lines.map(
      (line) => JSON.parse(line) as Record<string, any>,
    );
    expect(top).toMatchObject({
      headers: { Authorization: '[redacted]', 'X-Hub-Signature-256': '[redacted]' },
      author: 'Ada',
      authors: ['Grace'],
      cookies: 2,
    });
    expect(nested?.upstream.request.config.headers).toEqual({ cookie: '[redacted]' });
    expect(listed?.attempts).toEqual([
      { headers: { 'Set-Cookie': '[redacted]' } },
      { headers: { AUTHORIZATION: '[redacted]' } },
    ]);
    expect(failed?.err).toMatchObject({
      message: 'upstream refused',
      response: {
        status: 401,
        headers: { 'WWW-Authenticate': 'Bearer', 'X-Twilio-Signature': '[redacted]' },
      },
    });
    // The logged objects themselves are not changed.
    expect(deep.upstream.request.config.headers.cookie).toBe('sid=secret-deep');
    expect(error.response.headers['X-Twilio-Signature']).toBe('secret-in-error');
  });

  it('cuts what is nested past the bound, and a reference back, rather than write it unchecked', () => {
    const lines: string[] = [];
    const log = serverLogger(lines);
    let tooDeep: Record<string, unknown> = { headers: { authorization: 'Bearer secret-too-deep' } };
    for (let level = 0; level < MAX_DEPTH; level++) tooDeep = { next: tooDeep };
    const looped: Record<string, unknown> = { headers: { Cookie: 'sid=secret-looped' } };
    looped['self'] = looped;
    const many = Array.from({ length: MAX_ENTRIES }, (_, i) => ({ i }));
    log.info({ tooDeep }, 'too deep');
    log.info({ looped }, 'a loop');
    log.info({ many, after: { headers: { authorization: 'Bearer secret-after' } } }, 'too many');
    expect(lines.join('')).not.toContain('secret-');
    expect(lines.join('')).toContain(TOO_DEEP);
    const [, loop, large] = lines.map((line) => JSON.parse(line) as Record<string, any>);
    expect(loop?.looped).toEqual({ headers: { Cookie: '[redacted]' }, self: '[Circular]' });
    expect([large?.many[0], large?.many.at(-1), large?.after]).toEqual([
      { i: 0 },
      TOO_LARGE,
      TOO_LARGE,
    ]);
  });
});
