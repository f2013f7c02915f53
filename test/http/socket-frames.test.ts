/**
 * sendFrame's corking: frames sent to one socket within a turn of the event loop leave in one
 * write, in order, and the socket is uncorked on the next tick (a real `ws` pair, no mocks).
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { sendFrame } from '../../src/http/realtime/socket-frames.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function pair(): Promise<{ server: WebSocket; client: WebSocket }> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await once(wss, 'listening');
  const port = (wss.address() as AddressInfo).port;
  const accepted = once(wss, 'connection') as Promise<[WebSocket]>;
  const client = new WebSocket(`ws://127.0.0.1:${port}`);
  const [server] = await accepted;
  await once(client, 'open');
  cleanups.push(async () => {
    client.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  });
  return { server, client };
}

const rawOf = (socket: WebSocket) =>
  (socket as unknown as { _socket: { writableCorked: number } })._socket;

describe('sendFrame', () => {
  it('corks the socket for the rest of the turn and sends every frame in order', async () => {
    const { server, client } = await pair();
    const received: unknown[] = [];
    client.on('message', (data) => received.push(JSON.parse(String(data))));
    for (let n = 1; n <= 3; n++) sendFrame(server, { type: 'event', n });
    expect(rawOf(server).writableCorked).toBe(1);
    await new Promise((resolve) => process.nextTick(resolve));
    expect(rawOf(server).writableCorked).toBe(0);
    await expect.poll(() => received.length).toBe(3);
    expect(received).toEqual([1, 2, 3].map((n) => ({ type: 'event', n })));
  });

  it('sends as before to a socket without a raw stream to cork', async () => {
    const { server, client } = await pair();
    const received: unknown[] = [];
    client.on('message', (data) => received.push(JSON.parse(String(data))));
    const plain = Object.create(server, { _socket: { value: undefined } }) as WebSocket;
    sendFrame(plain, { type: 'ack' });
    expect(rawOf(server).writableCorked).toBe(0);
    await expect.poll(() => received.length).toBe(1);
  });
});
