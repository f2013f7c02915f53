/**
 * Bearer tokens: 32 random bytes, shown once; only their SHA-256 is stored, so a database
 * leak does not hand out working tokens.
 */
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What a session is named by in the API and the audit log: never the token nor its hash. */
export function newSessionId(): string {
  return `s_${randomBytes(12).toString('hex')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The WebSocket sub-protocol Baton's streams speak. Browsers cannot set headers on a
 * WebSocket, so a client offers `baton` and `baton.token.<token>`: the token travels in the
 * `Sec-WebSocket-Protocol` header, out of the URL (and so out of access logs and history),
 * and the server answers with `baton` only, never echoing the token.
 */
export const STREAM_PROTOCOL = 'baton';
const TOKEN_PROTOCOL_PREFIX = `${STREAM_PROTOCOL}.token.`;

/** The protocol the server picks from a client's offer: `baton` when offered, else none. */
export function pickStreamProtocol(offered: ReadonlySet<string>): string | false {
  return offered.has(STREAM_PROTOCOL) ? STREAM_PROTOCOL : false;
}

/**
 * Whether a request's query names a `token` (`?token=…`, even empty or repeated). HTTP routes
 * and socket upgrades refuse it (TOKEN_IN_URL): a URL lands in proxies' access logs and
 * browser history.
 */
export function tokenInQuery(query: unknown): boolean {
  return typeof query === 'object' && query !== null && 'token' in query;
}

/** The token from `Authorization: Bearer …` or from the `baton.token.…` WebSocket sub-protocol. */
export function tokenFrom(headers: {
  authorization?: string | undefined;
  'sec-websocket-protocol'?: string | undefined;
}): string | null {
  const header = headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1] ?? null;
  }
  const offered = headers['sec-websocket-protocol']
    ?.split(',')
    .map((p) => p.trim())
    .find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX));
  return offered && offered.length > TOKEN_PROTOCOL_PREFIX.length
    ? offered.slice(TOKEN_PROTOCOL_PREFIX.length)
    : null;
}
