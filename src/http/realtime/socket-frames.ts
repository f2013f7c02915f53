/** Client → server WebSocket frames, validated with the same schema library as HTTP. */
import type { Static, TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import type { WebSocket } from 'ws';
import { retryAfterMsOf, toBatonError } from '../error-handler.ts';
import { AgentFrameSchema, CustomerFrameSchema } from './socket-frame-schemas.ts';

export type CustomerFrameValue = Static<typeof CustomerFrameSchema>;
export type AgentFrameValue = Static<typeof AgentFrameSchema>;

// Compiled once: every frame on the message path is checked.
export const CustomerFrame = TypeCompiler.Compile(CustomerFrameSchema);
export const AgentFrame = TypeCompiler.Compile(AgentFrameSchema);

/** Parses a frame; sends an error frame and returns undefined when it is not valid. */
export function parseFrame<T>(
  check: TypeCheck<TSchema>,
  raw: unknown,
  socket: WebSocket,
): T | undefined {
  let value: unknown;
  try {
    value = JSON.parse(String(raw));
  } catch {
    sendFrame(socket, {
      type: 'error',
      error: { code: 'MALFORMED_JSON', message: 'The frame is not valid JSON.' },
    });
    return undefined;
  }
  if (!check.Check(value)) {
    const first = check.Errors(value).First();
    const message = first ? `${first.path || '(frame)'}: ${first.message}` : 'Invalid frame.';
    sendFrame(socket, { type: 'error', error: { code: 'VALIDATION_FAILED', message } });
    return undefined;
  }
  return value as T;
}

export function sendFrame(socket: WebSocket, frame: unknown): void {
  if (socket.readyState !== socket.OPEN) return;
  corkForThisTurn(socket);
  socket.send(JSON.stringify(frame));
}

/** The part of `ws`'s underlying `net.Socket` that corking needs. */
interface Corkable {
  cork(): void;
  uncork(): void;
}

/** The sockets corked in this turn of the event loop; uncorked together on the next tick. */
const corked = new Set<Corkable>();

/**
 * One TCP write per socket per turn: a message's event, its ack and the conversation's update
 * are sent from the same turn, and without corking each frame is its own write (and packet).
 * The raw socket is `ws`'s private `_socket`; without it (another implementation) frames go
 * out one by one, as before.
 */
function corkForThisTurn(socket: WebSocket): void {
  const raw = (socket as unknown as { _socket?: Partial<Corkable> })._socket;
  if (typeof raw?.cork !== 'function' || typeof raw.uncork !== 'function') return;
  const stream = raw as Corkable;
  if (corked.has(stream)) return;
  if (corked.size === 0) process.nextTick(uncorkAll);
  stream.cork();
  corked.add(stream);
}

function uncorkAll(): void {
  const streams = [...corked];
  corked.clear();
  for (const stream of streams) stream.uncork();
}

/** The answer to a message frame: stored (with its seq), or a duplicate of one stored before. */
export function sendAck(
  socket: WebSocket,
  clientMessageId: string | undefined,
  result: { readonly events: readonly { readonly seq: number }[]; readonly duplicate: boolean },
): void {
  sendFrame(socket, {
    type: 'ack',
    clientMessageId: clientMessageId ?? null,
    seq: result.events[0]?.seq ?? null,
    duplicate: result.duplicate,
  });
}

export function sendError(socket: WebSocket, error: unknown, clientMessageId?: string): void {
  const e = toBatonError(error);
  const retryAfterMs = retryAfterMsOf(e);
  sendFrame(socket, {
    type: 'error',
    ...(clientMessageId ? { clientMessageId } : {}),
    error: {
      code: e.code,
      message: e.message,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    },
  });
}
