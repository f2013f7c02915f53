// The idle_sockets baseline: a bare `ws` server that accepts any WebSocket and holds it,
// and answers GET /healthz. It stores nothing and checks nothing; any frame it receives is
// answered with an error frame, so the bench's round trip works against it as against Baton.
// Run as its own process: `PORT=… node bin/run-ts.mjs bench/idle-ws-server.ts`.
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const port = Number(process.env.PORT ?? 0);
const ANSWER = JSON.stringify({ type: 'error', error: { code: 'VALIDATION_FAILED' } });

const wss = new WebSocketServer({ noServer: true });
const server = createServer((request, response) => {
  if (request.url !== '/healthz') {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
});
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => {
    ws.on('message', () => ws.send(ANSWER));
  });
});
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
