/** The one error class. Carries a registry code; never an HTTP status. */
import { ERROR_CODES, type ErrorCode } from './error-codes.ts';

export class BatonError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? ERROR_CODES[code]);
    this.name = 'BatonError';
    this.code = code;
    this.details = details;
  }
}

export function isBatonError(value: unknown): value is BatonError {
  return value instanceof BatonError;
}
