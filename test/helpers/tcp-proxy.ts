/**
 * A TCP proxy in front of a shared service (Redis), so a test can make it unreachable for
 * its own servers, and reachable again, without stopping the service others use. `cut`
 * closes every connection and refuses new ones; `refuseNew` refuses new ones and leaves the
 * open ones working (a server at its connection limit); `freeze` keeps them open but holds
 * every byte (a network that silently drops packets) until `restore`.
 */
import net from 'node:net';

export interface TcpProxy {
  readonly port: number;
  cut(): void;
  refuseNew(): void;
  freeze(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  const held: Array<() => void> = [];
  let mode: 'open' | 'cut' | 'refusing' | 'frozen' = 'open';
  const forward = (from: net.Socket, to: net.Socket) =>
    from.on('data', (chunk) => {
      if (mode === 'frozen') held.push(() => to.write(chunk));
      else to.write(chunk);
    });
  const server = net.createServer((client) => {
    if (mode === 'cut' || mode === 'refusing') {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => undefined);
    }
    forward(client, upstream);
    forward(upstream, client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const destroyAll = () => {
    held.length = 0;
    for (const socket of open) socket.destroy();
  };
  return {
    port,
    cut() {
      mode = 'cut';
      destroyAll();
    },
    refuseNew() {
      mode = 'refusing';
    },
    freeze() {
      mode = 'frozen';
    },
    restore() {
      mode = 'open';
      for (const release of held.splice(0)) release();
    },
    close() {
      mode = 'cut';
      destroyAll();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
