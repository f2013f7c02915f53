// Minimal JSON-over-fetch helper. Every Baton error has the shape
// { error: { code, message } }; it becomes an ApiRequestError so callers can branch on
// the code (ALREADY_CLAIMED, MESSAGE_TOO_LONG …) instead of parsing text.

import type { ApiError } from './api-types.ts';

export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  /** With RATE_LIMITED and LOGIN_LOCKED: how long to wait before trying again. */
  readonly retryAfterMs: number | undefined;
  /** With PRE_CHAT_INVALID: the form fields at fault and why. */
  readonly fields: { key: string; problem: string }[];

  constructor(status: number, error: ApiError & { retryAfterMs?: number }) {
    super(error.message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = error.code;
    // Sockets say it in ms (`retryAfterMs`), HTTP in seconds (`retryAfter`).
    this.retryAfterMs =
      error.retryAfterMs ?? (error.retryAfter !== undefined ? error.retryAfter * 1000 : undefined);
    this.fields = error.fields ?? [];
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  token?: string | null;
  body?: unknown;
}

/** Sends a request to `url` and returns the parsed JSON body (undefined for 204). */
export async function requestJson<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  // A form (a file upload) sets its own multipart content type, boundary included.
  const form = options.body instanceof FormData ? options.body : null;
  if (options.body !== undefined && !form) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      body: form ?? (options.body === undefined ? null : JSON.stringify(options.body)),
    });
  } catch {
    throw new ApiRequestError(0, { code: 'NETWORK', message: 'Cannot reach the server.' });
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as { error?: ApiError } | null)?.error;
    throw new ApiRequestError(
      response.status,
      error ?? {
        code: `HTTP_${response.status}`,
        message: response.statusText || 'Request failed',
      },
    );
  }
  return payload as T;
}

/** Turns an http(s) base URL into the ws(s) URL of `path`. */
export function wsUrl(base: string, path: string, query: Record<string, string>): string {
  const url = new URL(path, base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}
