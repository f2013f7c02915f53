/**
 * Turns every failure into `{ error: { code, message } }` with the status from HTTP_STATUS.
 * Fastify's own errors (bad JSON, body too large, schema validation, rate limit) are mapped
 * to registry codes so clients see one vocabulary.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { BatonError } from '../core/errors/baton-error.ts';
import { ERROR_CODES, type ErrorCode } from '../core/errors/error-codes.ts';
import { HTTP_STATUS } from './http-status.ts';

export function errorBody(code: ErrorCode, message?: string) {
  return { error: { code, message: message ?? ERROR_CODES[code] } };
}

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
  return new BatonError('INTERNAL');
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const mapped = toBatonError(error);
    if (mapped.code === 'INTERNAL') request.log.error({ err: error }, 'unhandled error');
    void reply.status(HTTP_STATUS[mapped.code]).send(errorBody(mapped.code, mapped.message));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .send(errorBody('NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}.`));
  });
}
