/**
 * Blanks credential headers wherever they stand in a value about to be logged: any key whose
 * lower-cased name is a credential header's, at any depth, in objects and arrays alike. Pino's
 * own `redact` names fixed paths, so a header nested deeper than its paths, or sent as
 * `Authorization`, would pass it. The walk is bounded (depth and entries) and fails closed: an
 * object past a bound is replaced, not written unchecked. A child logger's bindings are not
 * walked (pino applies no formatter to them); the server binds only a request id.
 */

export const CENSOR = '[redacted]';
/** What replaces an object nested deeper than {@link MAX_DEPTH}, or met past {@link MAX_ENTRIES}. */
export const TOO_DEEP = '[redacted: nested too deep to check]';
export const TOO_LARGE = '[redacted: too large to check]';
/** What replaces a reference back to an object being walked (pino would write it otherwise). */
export const CIRCULAR = '[Circular]';

/** Levels of objects walked below the log object; a log object's own values are level 1. */
export const MAX_DEPTH = 16;
/**
 * Keys and array items visited per log line, past which objects and arrays are no longer
 * walked but cut (keys are still checked: a flat object costs no more than writing it).
 */
export const MAX_ENTRIES = 10_000;

/** Headers that carry credentials or provider signatures, lower-cased. */
export const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set([
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
]);

interface Walk {
  entries: number;
  readonly ancestors: object[];
}

/**
 * `value` with every credential header blanked. Nothing is mutated: an object or array is
 * copied only when something in it changed, so the common case (nothing to blank) allocates
 * nothing.
 */
export function redactCredentialHeaders<T>(value: T): T {
  // Same shape, but a blanked or cut value is a string wherever it stands.
  return walk(value, 1, { entries: 0, ancestors: [] }) as T;
}

/**
 * A log object with every credential header blanked, as {@link redactCredentialHeaders}; keys in
 * `skip` are left to their serializers, whose output is walked apart.
 */
export function redactLogObject(
  object: Record<string, unknown>,
  skip: ReadonlySet<string>,
): Record<string, unknown> {
  return walkObject(object, 0, { entries: 0, ancestors: [] }, skip);
}

function walk(value: unknown, depth: number, state: Walk): unknown {
  if (value === null || typeof value !== 'object') return value;
  // Date, Buffer, URL…: JSON.stringify writes what toJSON returns, not their keys.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  if (depth > MAX_DEPTH) return TOO_DEEP;
  if (state.entries >= MAX_ENTRIES) return TOO_LARGE;
  if (state.ancestors.includes(value)) return CIRCULAR;
  return Array.isArray(value) ? walkArray(value, depth, state) : walkObject(value, depth, state);
}

function walkArray(items: unknown[], depth: number, state: Walk): unknown {
  state.ancestors.push(items);
  let copy: unknown[] | undefined;
  for (let i = 0; i < items.length; i++) {
    state.entries++;
    const item = items[i];
    const next = walk(item, depth + 1, state);
    if (next !== item) {
      copy ??= items.slice();
      copy[i] = next;
    }
  }
  state.ancestors.pop();
  return copy ?? items;
}

function walkObject(
  object: object,
  depth: number,
  state: Walk,
  skip?: ReadonlySet<string>,
): Record<string, unknown> {
  state.ancestors.push(object);
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(object)) {
    state.entries++;
    if (skip?.has(key)) continue;
    const value = (object as Record<string, unknown>)[key];
    const next = CREDENTIAL_HEADERS.has(key.toLowerCase())
      ? value === undefined
        ? value
        : CENSOR
      : walk(value, depth + 1, state);
    if (next !== value) {
      copy ??= { ...object };
      copy[key] = next;
    }
  }
  state.ancestors.pop();
  return copy ?? (object as Record<string, unknown>);
}
