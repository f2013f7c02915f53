/**
 * The server's pino options: every request line goes through a serializer that cuts
 * credentials out of the URL (a refused request, HTTP or socket upgrade, may carry a
 * `?token=`: TOKEN_IN_URL), and every log object and serialized error is walked so that a key named as a credential header (Authorization, cookies, provider
 * signatures), in any case, is blanked at any depth, in objects and arrays; past the walk's
 * bounds an object is cut, not written (redact-credential-headers.ts). pino's `redact` blanks
 * `token` and `password` fields at the top of a log object or one level down. A token read
 * from the log would otherwise work on `/api/v1/me`.
 * A response is logged by its status code only (as Fastify's default serializer), so a
 * redirect's `Location` (the sign-in's `state` and `nonce`) never reaches the log.
 */
import type { FastifyServerOptions } from 'fastify';
import { stdSerializers, type DestinationStream } from 'pino';
import { CENSOR, redactCredentialHeaders, redactLogObject } from './redact-credential-headers.ts';

/**
 * Query parameters whose value is a credential, by name (case-insensitive substring), and the
 * OpenID Connect sign-in's `state` and `nonce` by exact name: the provider sends the browser
 * back to `/auth/oidc/callback?code=…&state=…`, and the `state` of a flow still open is half
 * of what finishing it takes.
 */
const SECRET_PARAM =
  /token|ticket|secret|signature|password|passwd|auth|key|session|code|^state$|^nonce$/i;

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

interface LoggedReply {
  statusCode?: number;
}

/**
 * The fields written for each key that has a serializer: a request and a reply by fixed fields
 * only (the reply's as Fastify's default), an error by pino's, walked for credential headers
 * since it copies the error's own fields.
 */
const serializers = {
  req: serializeRequest,
  res: (reply: LoggedReply) => ({ statusCode: reply.statusCode }),
  err: (error: Error) => redactCredentialHeaders(stdSerializers.err(error)),
};

/** Left out of the log object's walk: their serializers decide what is written. */
const SERIALIZED_KEYS: ReadonlySet<string> = new Set(Object.keys(serializers));

export function loggerOptions(
  level: string,
  stream?: DestinationStream,
): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers,
    formatters: {
      log: (object) => redactLogObject(object, SERIALIZED_KEYS),
    },
    redact: {
      paths: ['*.token', '*.password', 'token', 'password'],
      censor: CENSOR,
    },
  };
}
