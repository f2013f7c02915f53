/** The only place error codes become HTTP statuses. Keyed by the code union: a new code must be mapped. */
import type { ErrorCode } from '../core/errors/error-codes.ts';

export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  MESSAGE_TOO_LARGE: 413,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONVERSATION_NOT_FOUND: 404,
  CONVERSATION_CLOSED: 409,
  INVALID_TRANSITION: 409,
  ALREADY_CLAIMED: 409,
  NOT_ASSIGNEE: 403,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};
