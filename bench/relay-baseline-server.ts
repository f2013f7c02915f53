// The message-path baseline: the least a relay must do per customer message — parse the
// frame, one SQLite insert (WAL, synchronous=NORMAL, like Baton), fan the event out to the
// conversation's sockets and ack. It speaks the subset of Baton's socket protocol that the
// bench uses, so the same client load runs against both. No auth, no policy, no bus.
// Run as its own process: `PORT=… BATON_DATA_DIR=… node bin/run-ts.mjs bench/relay-baseline-server.ts`.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

const port = Number(process.env.PORT ?? 0);
const dataDir = process.env.BATON_DATA_DIR ?? '.';
mkdirSync(dataDir, { recursive: true });
const db = new Database(path.join(dataDir, 'relay-baseline.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`CREATE TABLE IF NOT EXISTS events (
  conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL,
  at TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (conversation_id, seq))`);
const insert = db.prepare(
  'INSERT INTO events (conversation_id, seq, type, at, data) VALUES (?, ?, ?, ?, ?)',
);

const seqs = new Map<string, number>();
const listeners = new Map<string, Set<WebSocket>>();

function listen(conversationId: string, socket: WebSocket): void {
  const set = listeners.get(conversationId) ?? new Set<WebSocket>();
  set.add(socket);
  listeners.set(conversationId, set);
  socket.on('close', () => set.delete(socket));
}

function relay(conversationId: string, socket: WebSocket, raw: string): void {
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
  insert.run(conversationId, seq, event.type, event.at, JSON.stringify(data));
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
      ws.on('message', (raw) => relay(conversationId, ws, raw.toString()));
      return;
    }
    // The agent socket: subscribe frames only, as in Baton's agent stream.
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
  db.close();
  process.exit(0);
});
