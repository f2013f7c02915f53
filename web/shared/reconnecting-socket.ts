// A WebSocket that comes back. Baton's streams are resumable (each reconnect says where
// it left off), so the socket itself only needs to retry with capped, jittered backoff
// and tell its owner when it is (re)connected; the owner builds the URL each time so
// that it carries the latest seq.

import type { ServerFrame } from './api-types.ts';

/** Matches src/http/realtime/agent-stream.ts: retrying would only be refused. */
const SESSION_ENDED_CLOSE_CODE = 4401;

export type SocketState = 'connecting' | 'open' | 'closed';

/** `E`: the events the stream carries (the agent's, or the customer's redacted ones). */
export interface ReconnectingSocketOptions<E> {
  /** Called before every attempt: the URL must carry the current resume point. */
  url: () => string;
  /** The session or conversation token: sent as a sub-protocol, never in the URL. */
  token?: () => string;
  onFrame: (frame: ServerFrame<E>) => void;
  onState?: (state: SocketState, failedAttempts: number) => void;
  /** The server closed with 4401: the session ended; the socket stops retrying. */
  onSessionEnded?: () => void;
  minDelayMs?: number;
  maxDelayMs?: number;
}

/** `E`: the events it receives; `F`: the frames it may send (the server's frame schemas). */
export class ReconnectingSocket<E, F> {
  readonly #options: ReconnectingSocketOptions<E>;
  #socket: WebSocket | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #failures = 0;
  #stopped = true;

  constructor(options: ReconnectingSocketOptions<E>) {
    this.#options = options;
  }

  get isOpen(): boolean {
    return this.#socket?.readyState === WebSocket.OPEN;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#connect();
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const socket = this.#socket;
    this.#socket = null;
    socket?.close(1000);
  }

  /** Sends a JSON frame; false when the socket is not open (the caller falls back). */
  send(frame: F): boolean {
    if (!this.#socket || this.#socket.readyState !== WebSocket.OPEN) return false;
    this.#socket.send(JSON.stringify(frame));
    return true;
  }

  #connect(): void {
    this.#options.onState?.('connecting', this.#failures);
    const token = this.#options.token?.();
    const socket = new WebSocket(this.#options.url(), token ? streamProtocols(token) : undefined);
    this.#socket = socket;
    let opened = false;
    socket.addEventListener('open', () => {
      opened = true;
      this.#failures = 0;
      this.#options.onState?.('open', 0);
    });
    socket.addEventListener('message', (message) => {
      if (typeof message.data !== 'string') return;
      let frame: ServerFrame<E>;
      try {
        frame = JSON.parse(message.data) as ServerFrame<E>;
      } catch {
        return; // a malformed frame is the server's bug; never crash the page over it
      }
      this.#options.onFrame(frame);
    });
    socket.addEventListener('close', (event) => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      if (event.code === SESSION_ENDED_CLOSE_CODE && this.#options.onSessionEnded) {
        this.#stopped = true;
        this.#options.onSessionEnded();
        return;
      }
      if (!opened) this.#failures += 1;
      this.#options.onState?.('closed', this.#failures);
      if (!this.#stopped) this.#schedule();
    });
  }

  #schedule(): void {
    const min = this.#options.minDelayMs ?? 500;
    const max = this.#options.maxDelayMs ?? 15_000;
    const delay = Math.min(max, min * 2 ** Math.min(this.#failures, 8));
    // Jitter spreads the reconnects of many clients after a server restart.
    this.#timer = setTimeout(() => this.#connect(), delay * (0.75 + Math.random() * 0.5));
  }
}

/**
 * Browsers cannot set headers on a WebSocket: the token goes in the sub-protocol offer, which
 * the server reads and answers with `baton` alone (src/app/auth/tokens.ts), so it never
 * appears in a URL, an access log or the browser's history.
 */
export function streamProtocols(token: string): string[] {
  return ['baton', `baton.token.${token}`];
}
