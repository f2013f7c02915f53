/**
 * The fields of a JSON object, or undefined for anything else (not JSON, an array, a string,
 * or nesting absurdly deep): for text from outside the process — webhook bodies, NOTIFY
 * payloads from other nodes — that is read and checked field by field, where a malformed one
 * is dropped rather than thrown on.
 */
import { nestsDeeperThan } from './json-depth.ts';

export type JsonObject = Record<string, unknown>;

export function parseJsonObjectText(text: string): JsonObject | undefined {
  if (nestsDeeperThan(text)) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
