/** JSON parsing that returns a value instead of throwing, for untrusted webhook bodies. */
import { isObject, parseJsonObjectText, type JsonObject } from '../core/json/parse-json-object.ts';

export { isObject, type JsonObject };

/** The body's object, or undefined when it is not one (or nests absurdly deep). */
export function parseJsonObject(rawBody: Buffer): JsonObject | undefined {
  return parseJsonObjectText(rawBody.toString('utf8'));
}

/** Reads a string or number field as a string (Meta sends some ids as numbers). */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function obj(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

/** Unix seconds (number or numeric string) to ISO time. */
export function unixSecondsToIso(value: unknown, fallback: Date): string {
  const n = Number(str(value));
  return str(value) !== undefined
    ? isoTime(n * 1000, fallback.toISOString())
    : fallback.toISOString();
}

/** Milliseconds since the epoch as ISO text, or `fallback` when they are no date `Date` can hold. */
export function isoTime(ms: number, fallback: string): string {
  // ±8.64e15 ms is the range of a Date; beyond it toISOString throws.
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : fallback;
}
