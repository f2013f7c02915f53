/**
 * Turns every failure into `{ error: { code, message } }` with the status from HTTP_STATUS.
 * Fastify's own errors (bad JSON, body too large, schema validation, rate limit) are mapped
 * to registry codes so clients see one vocabulary.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BatonError } from '../core/errors/baton-error.ts';
import { ERROR_CODES, type ErrorCode } from '../core/errors/error-codes.ts';
import { HTTP_STATUS } from './http-status.ts';

export function errorBody(
  code: ErrorCode,
  message?: string,
  retryAfterMs?: number,
  fields?: unknown,
) {
  return {
    error: {
      code,
      message: message ?? ERROR_CODES[code],
      ...(retryAfterMs !== undefined ? { retryAfter: retryAfterSeconds(retryAfterMs) } : {}),
      ...(Array.isArray(fields) ? { fields } : {}),
    },
  };
}

/** How long a refused client should wait (RATE_LIMITED, LOGIN_LOCKED), when the error says. */
export function retryAfterMsOf(error: BatonError): number | undefined {
  const ms = error.details?.['retryAfterMs'];
  return typeof ms === 'number' ? ms : undefined;
}

const retryAfterSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

const FASTIFY_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'VALIDATION_FAILED',
};

export function toBatonError(error: unknown): BatonError {
  if (error instanceof BatonError) return error;
  const e = error as Partial<FastifyError> & { validation?: unknown };
  if (e.validation) return new BatonError('VALIDATION_FAILED', e.message);
  const mapped = e.code ? FASTIFY_CODES[e.code] : undefined;
  if (mapped) return new BatonError(mapped, mapped === 'PAYLOAD_TOO_LARGE' ? undefined : e.message);
  if (e.statusCode === 429) return new BatonError('RATE_LIMITED', e.message);
  if (e.statusCode === 400 && e instanceof SyntaxError)
    return new BatonError('MALFORMED_JSON', e.message);
  if (isDatabaseUnavailable(error)) return new BatonError('DATABASE_UNAVAILABLE');
  return clientError(e.statusCode) ?? new BatonError('INTERNAL');
}

/**
 * The database server is down or restarting (connection refused or cut, PostgreSQL shutting
 * down or starting up): the client may retry, nothing is wrong with its request. pg reports
 * a cut connection without a code, by its message.
 */
function isDatabaseUnavailable(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code)) return true;
    // SQLSTATE class 08 (connection exception), 57P01-57P03 (shutdown, cannot connect now).
    if (/^08...$/.test(code) || /^57P0[123]$/.test(code)) return true;
  }
  // A statement on a connection that broke while it was checked out (mid-transaction).
  return (
    typeof message === 'string' &&
    (/^Connection terminated/.test(message) || /is not queryable$/.test(message))
  );
}

/**
 * Any other error a plugin marks as the client's (static files' path traversal is a 403,
 * a malformed path a 400): a 4xx in the registry's words, never a 500. A refused path is
 * "not found", so a probe learns nothing about the file tree.
 */
function clientError(status: number | undefined): BatonError | undefined {
  if (status === undefined || status < 400 || status > 499) return undefined;
  if (status === 401) return new BatonError('UNAUTHENTICATED');
  if (status === 403 || status === 404 || status === 405) return new BatonError('NOT_FOUND');
  if (status === 413) return new BatonError('PAYLOAD_TOO_LARGE');
  return new BatonError('VALIDATION_FAILED', 'The request is not one Baton can serve.');
}

/** Fastify's errors before routing (a URL that does not decode): the usual error body. */
export function frameworkErrors(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const mapped = toBatonError(error);
  void reply.status(HTTP_STATUS[mapped.code]).send(errorBody(mapped.code, mapped.message));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const mapped = toBatonError(error);
    if (mapped.code === 'INTERNAL') request.log.error({ err: error }, 'unhandled error');
    const retryAfterMs = retryAfterMsOf(mapped);
    if (retryAfterMs !== undefined)
      void reply.header('retry-after', String(retryAfterSeconds(retryAfterMs)));
    void reply
      .status(HTTP_STATUS[mapped.code])
      .send(errorBody(mapped.code, mapped.message, retryAfterMs, mapped.details?.['fields']));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .send(errorBody('NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}.`));
  });
}
