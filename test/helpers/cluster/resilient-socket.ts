/**
 * A socket client that behaves like the widget and the inbox: when its socket closes it
 * connects again (through the balancer, so to whichever node is up), resumes every
 * conversation from the last `seq` it saw, and sends again every message not yet
 * acknowledged, with the same clientMessageId (the server stores it once); a frame refused
 * with an error is sent again half a second later. It records what a
 * test needs to prove nothing was lost or duplicated: every seq seen per conversation, the
 * acknowledged ids, the error codes, and the node (`x-baton-node`) of each connection.
 */
import WebSocket from 'ws';

export interface ResilientSocket {
  /** Node names this client was connected to, in order (one per connection). */
  readonly nodes: string[];
  /** seqs received per conversation, in order of arrival (duplicates kept, to be counted). */
  readonly seqs: Map<string, number[]>;
  readonly acked: Set<string>;
  /** Error codes of refused frames (DATABASE_UNAVAILABLE while the database is down …). */
  readonly errors: string[];
  /** clientMessageIds sent and not yet acknowledged. */
  readonly pending: ReadonlyMap<string, unknown>;
  readonly connected: boolean;
  send(conversationId: string, clientMessageId: string, text: string): void;
  close(): void;
}

export interface ResilientSocketOptions {
  /** The URL for the next connection, given the last seq seen per conversation. */
  url(lastSeq: (conversationId: string) => number): string;
  /** The token, offered in the `baton.token.…` sub-protocol as the web clients do (never in the URL). */
  readonly token: string;
  readonly conversations: readonly string[];
  /** Agent sockets subscribe to each conversation after connecting; customer ones need not. */
  readonly kind: 'customer' | 'agent';
  /** Pause between reconnection attempts (ms). */
  readonly retryMs?: number;
}

export function openResilientSocket(options: ResilientSocketOptions): Promise<ResilientSocket> {
  const seqs = new Map<string, number[]>(options.conversations.map((id) => [id, []]));
  const lastSeq = (id: string) => Math.max(0, ...(seqs.get(id) ?? []));
  const acked = new Set<string>();
  const errors: string[] = [];
  const nodes: string[] = [];
  const pending = new Map<string, unknown>();
  let socket: WebSocket | null = null;
  let open = false;
  let closed = false;
  let firstOpen: ((s: ResilientSocket) => void) | null = null;

  const connect = () => {
    if (closed) return;
    const ws = new WebSocket(options.url(lastSeq), ['baton', `baton.token.${options.token}`]);
    socket = ws;
    ws.on('upgrade', (response) => nodes.push(String(response.headers['x-baton-node'] ?? '?')));
    ws.on('open', () => {
      open = true;
      if (options.kind === 'agent') {
        for (const id of options.conversations) {
          ws.send(JSON.stringify({ type: 'subscribe', conversationId: id, since: lastSeq(id) }));
        }
      }
      // What was in flight when the last socket broke: again, under the same ids.
      for (const frame of pending.values()) ws.send(JSON.stringify(frame));
      firstOpen?.(client);
      firstOpen = null;
    });
    ws.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as any;
      if (frame.type === 'event' && seqs.has(frame.event.conversationId)) {
        seqs.get(frame.event.conversationId)?.push(frame.event.seq);
      } else if (frame.type === 'ack' && frame.clientMessageId) {
        acked.add(frame.clientMessageId);
        pending.delete(frame.clientMessageId);
      } else if (frame.type === 'error') {
        errors.push(String(frame.error?.code));
        // Refused (the database down …): the widget tries the same frame again shortly.
        const again = frame.clientMessageId ? pending.get(frame.clientMessageId) : undefined;
        if (again) setTimeout(() => open && socket === ws && ws.send(JSON.stringify(again)), 500);
      }
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      open = false;
      if (!closed) setTimeout(connect, options.retryMs ?? 100);
    });
  };

  const client: ResilientSocket = {
    nodes,
    seqs,
    acked,
    errors,
    pending,
    get connected() {
      return open;
    },
    send(conversationId, clientMessageId, text) {
      const frame =
        options.kind === 'agent'
          ? { type: 'message', conversationId, text, clientMessageId }
          : { type: 'message', text, clientMessageId };
      pending.set(clientMessageId, frame);
      if (open) socket?.send(JSON.stringify(frame));
    },
    close() {
      closed = true;
      socket?.terminate();
    },
  };
  return new Promise((resolve) => {
    firstOpen = resolve;
    connect();
  });
}
