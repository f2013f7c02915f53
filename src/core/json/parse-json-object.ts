/**
 * The fields of a JSON object, or undefined for anything else (not JSON, an array, a string…):
 * for payloads from another process (NOTIFY, the bus) that are read and checked field by
 * field, where a malformed one is dropped rather than thrown on.
 */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return value as Record<string, unknown>;
}
