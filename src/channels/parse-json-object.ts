/** JSON parsing that returns a value instead of throwing, for untrusted webhook bodies. */
export type JsonObject = Record<string, unknown>;

export function parseJsonObject(rawBody: Buffer): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(rawBody.toString('utf8'));
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
  return Number.isFinite(n) && str(value) !== undefined
    ? new Date(n * 1000).toISOString()
    : fallback.toISOString();
}
