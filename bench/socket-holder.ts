// A child process that opens client WebSockets and holds them idle for the idle_sockets
// bench, commanded over IPC (bench/socket-holder-client.ts): open a list of sockets, ping every
// socket (WebSocket ping → pong, answered by the server's `ws` library), send one frame on a
// sample and wait for any frame back (a round trip through the server's own handler), close.
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket } from 'ws';
import type { HolderCommand, HolderReply, SocketTarget } from './socket-holder-client.ts';

const sockets: WebSocket[] = [];
let closedByPeer = 0;

process.on('message', (command: HolderCommand) => {
  handle(command).then(
    (reply) => process.send?.(reply),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
// The bench went away: so does every socket held here.
process.on('disconnect', () => process.exit(0));

async function handle(command: HolderCommand): Promise<HolderReply> {
  switch (command.type) {
    case 'open':
      return open(command.targets, command.concurrency);
    case 'ping':
      return ping(command.timeoutMs);
    case 'roundTrip':
      return roundTrip(command);
    case 'close':
      for (const socket of sockets) socket.terminate();
      sockets.length = 0;
      return { type: 'closed' };
  }
}

async function open(targets: SocketTarget[], concurrency: number): Promise<HolderReply> {
  let next = 0;
  let opened = 0;
  let failed = 0;
  let firstError: string | null = null;
  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const target = targets[next++] as SocketTarget;
      try {
        sockets.push(await connect(target));
        opened += 1;
      } catch (error) {
        failed += 1;
        firstError ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { type: 'opened', opened, failed, firstError };
}

function connect(target: SocketTarget): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(target.url, ['baton', `baton.token.${target.token}`]);
    socket.once('open', () => {
      socket.off('error', reject);
      // Frames the server sends (catch-up, notices) are read and dropped: the socket is idle.
      socket.on('error', () => undefined);
      socket.once('close', () => (closedByPeer += 1));
      resolve(socket);
    });
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`HTTP ${response.statusCode}`)),
    );
    socket.once('error', reject);
  });
}

/** Pings every open socket; alive = answered with a pong within the time allowed. */
async function ping(timeoutMs: number): Promise<HolderReply> {
  let alive = 0;
  const answered = new Set<WebSocket>();
  for (const socket of sockets) {
    if (socket.readyState !== WebSocket.OPEN) continue;
    socket.once('pong', () => {
      answered.add(socket);
      alive += 1;
    });
    socket.ping();
  }
  const deadline = Date.now() + timeoutMs;
  while (alive < sockets.length && Date.now() < deadline) await sleep(20);
  for (const socket of sockets) if (!answered.has(socket)) socket.removeAllListeners('pong');
  return { type: 'pinged', alive, dead: sockets.length - alive, closedByPeer };
}

/**
 * Sends `frame` on `sample` sockets spread over all of them; counts those answered with a
 * frame that contains `answerContains` in time.
 */
async function roundTrip(
  command: Extract<HolderCommand, { type: 'roundTrip' }>,
): Promise<HolderReply> {
  const { sample, frame, answerContains, timeoutMs } = command;
  const step = Math.max(1, Math.floor(sockets.length / Math.max(1, sample)));
  const chosen = sockets.filter((_, i) => i % step === 0).slice(0, sample);
  const answers = chosen.map(
    (socket) =>
      new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        const onMessage = (raw: Buffer): void => {
          if (!raw.toString().includes(answerContains)) return;
          socket.off('message', onMessage);
          clearTimeout(timer);
          resolve(true);
        };
        socket.on('message', onMessage);
        socket.send(frame);
      }),
  );
  const results = await Promise.all(answers);
  const answered = results.filter(Boolean).length;
  return { type: 'roundTripped', answered, unanswered: results.length - answered };
}
