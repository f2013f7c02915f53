/**
 * Bearer tokens: 32 random bytes, shown once; only their SHA-256 is stored, so a database
 * leak does not hand out working tokens.
 */
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The token from `Authorization: Bearer …`, or from `?token=` (browsers cannot set WebSocket headers). */
export function tokenFrom(
  headers: { authorization?: string | undefined },
  query: unknown,
): string | null {
  const header = headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1] ?? null;
  }
  const fromQuery = (query as { token?: unknown } | undefined)?.token;
  return typeof fromQuery === 'string' && fromQuery.length > 0 ? fromQuery : null;
}
