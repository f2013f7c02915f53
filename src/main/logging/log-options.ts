/**
 * The server's pino options: every request line goes through a serializer that cuts
 * credentials out of the URL (a refused request, HTTP or socket upgrade, may carry a
 * `?token=`: TOKEN_IN_URL), and pino's redaction blanks the
 * headers that carry them (Authorization, cookies, provider signatures) in a `headers` object
 * at the top of a log object or one level down (redaction paths name their depth). A token read
 * from the log would otherwise work on `/api/v1/me`.
 * A response is logged by its status code only (Fastify's default serializer, kept), so a
 * redirect's `Location` (the sign-in's `state` and `nonce`) never reaches the log.
 */
import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';

const CENSOR = '[redacted]';

/**
 * Query parameters whose value is a credential, by name (case-insensitive substring), and the
 * OpenID Connect sign-in's `state` and `nonce` by exact name: the provider sends the browser
 * back to `/auth/oidc/callback?code=…&state=…`, and the `state` of a flow still open is half
 * of what finishing it takes.
 */
const SECRET_PARAM =
  /token|ticket|secret|signature|password|passwd|auth|key|session|code|^state$|^nonce$/i;

/** Headers that carry credentials or provider signatures. */
const SECRET_HEADERS = [
  'authorization',
  'cookie',
  'set-cookie',
  'proxy-authorization',
  'x-hub-signature',
  'x-hub-signature-256',
  'x-twilio-signature',
  'x-telegram-bot-api-secret-token',
  'webhook-signature',
  'x-api-key',
  // Streams' tokens travel here (`baton.token.…`, src/app/auth/tokens.ts).
  'sec-websocket-protocol',
];

/** The URL with every credential-like query value replaced; path and other params kept. */
export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const params = url
    .slice(query + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // A malformed name is logged as sent; its value is still judged by the raw name.
      }
      return eq >= 0 && SECRET_PARAM.test(decoded) ? `${name}=${CENSOR}` : pair;
    });
  return `${url.slice(0, query)}?${params.join('&')}`;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  hostname?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Fastify's default request fields, with the URL redacted. */
function serializeRequest(request: LoggedRequest) {
  return {
    method: request.method,
    url: typeof request.url === 'string' ? redactUrl(request.url) : request.url,
    host: request.hostname,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

export function loggerOptions(
  level: string,
  stream?: DestinationStream,
): NonNullable<FastifyServerOptions['logger']> {
  const headerPaths = SECRET_HEADERS.flatMap((h) => [
    `req.headers["${h}"]`,
    `res.headers["${h}"]`,
    `headers["${h}"]`,
    `*.headers["${h}"]`,
  ]);
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: { req: serializeRequest },
    redact: {
      paths: [...headerPaths, '*.token', '*.password', 'token', 'password'],
      censor: CENSOR,
    },
  };
}
