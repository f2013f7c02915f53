// The cluster bench's baseline: the least a relay on PostgreSQL must do per customer
// message — parse the frame, one INSERT (a pooled connection, like Baton's), fan the event out
// to the conversation's sockets and ack. The same socket protocol subset as
// relay-baseline-server.ts (its SQLite twin). No auth, no policy, no bus, one process.
// Run as its own process: `PORT=… DATABASE_URL=postgres://… node bin/run-ts.mjs bench/relay-baseline-pg-server.ts`.
import { createServer } from 'node:http';
import pg from 'pg';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

const port = Number(process.env.PORT ?? 0);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
pool.on('error', () => undefined);
await pool.query(`CREATE TABLE IF NOT EXISTS events (
  conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL,
  at TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (conversation_id, seq))`);

const seqs = new Map<string, number>();
const listeners = new Map<string, Set<WebSocket>>();

function listen(conversationId: string, socket: WebSocket): void {
  const set = listeners.get(conversationId) ?? new Set<WebSocket>();
  set.add(socket);
  listeners.set(conversationId, set);
  socket.on('close', () => set.delete(socket));
}

async function relay(conversationId: string, socket: WebSocket, raw: string): Promise<void> {
  let frame: { type?: unknown; text?: unknown; clientMessageId?: unknown };
  try {
    frame = JSON.parse(raw) as typeof frame;
  } catch {
    socket.send(JSON.stringify({ type: 'error', error: { code: 'BAD_FRAME', message: 'JSON' } }));
    return;
  }
  if (frame.type !== 'message' || typeof frame.text !== 'string') return;
  const seq = (seqs.get(conversationId) ?? 0) + 1;
  seqs.set(conversationId, seq);
  const data = { from: 'customer', text: frame.text, clientMessageId: frame.clientMessageId };
  const event = {
    conversationId,
    seq,
    type: 'message.created',
    at: new Date().toISOString(),
    actor: { type: 'customer' },
    data,
  };
  await pool.query(
    'INSERT INTO events (conversation_id, seq, type, at, data) VALUES ($1, $2, $3, $4, $5)',
    [conversationId, seq, event.type, event.at, JSON.stringify(data)],
  );
  const out = JSON.stringify({ type: 'event', event });
  for (const listener of listeners.get(conversationId) ?? []) listener.send(out);
  socket.send(
    JSON.stringify({ type: 'ack', clientMessageId: frame.clientMessageId, seq, duplicate: false }),
  );
}

const wss = new WebSocketServer({ noServer: true });
const server = createServer((request, response) => {
  response.writeHead(request.url === '/healthz' ? 200 : 404).end();
});
server.on('upgrade', (request, socket, head) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const customer = /^\/api\/v1\/conversations\/([^/]+)\/stream$/.exec(url.pathname);
  if (url.pathname !== '/api/v1/agent/stream' && !customer) {
    socket.destroy();
    return;
  }
  wss.handleUpgrade(request, socket, head, (ws) => {
    const conversationId = customer?.[1];
    if (conversationId !== undefined) {
      listen(conversationId, ws);
      ws.on('message', (raw) => void relay(conversationId, ws, raw.toString()));
      return;
    }
    ws.on('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as { type?: string; conversationId?: string };
      if (frame.type === 'subscribe' && typeof frame.conversationId === 'string') {
        listen(frame.conversationId, ws);
      }
    });
  });
});
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void pool.end().finally(() => process.exit(0));
});
