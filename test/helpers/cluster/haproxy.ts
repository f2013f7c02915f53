/**
 * HAProxy (Debian's) in front of the Baton nodes, on loopback: round robin, no sticky
 * sessions, WebSockets passed through (HTTP mode handles the Upgrade; `timeout tunnel` keeps
 * idle sockets open), a node that fails `GET /healthz` three times taken out of rotation. Each
 * response says which server answered (`x-baton-node`), so a test can see where a socket
 * landed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port.ts';

export const HAPROXY_BIN = process.env.HAPROXY_BIN ?? '/usr/sbin/haproxy';

export interface Balancer {
  readonly port: number;
  readonly baseUrl: string;
  readonly wsUrl: string;
  close(): Promise<void>;
}

export function haproxyConfig(port: number, nodes: readonly { name: string; port: number }[]) {
  return [
    'global',
    '  maxconn 4000',
    'defaults',
    '  mode http',
    '  timeout connect 1s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  timeout tunnel 1h',
    // A connection refused by a dead node is tried again on another one.
    '  retries 3',
    '  option redispatch 1',
    'frontend baton',
    `  bind 127.0.0.1:${port}`,
    '  default_backend nodes',
    'backend nodes',
    '  balance roundrobin',
    '  option httpchk GET /healthz',
    '  http-check expect status 200',
    '  http-response set-header x-baton-node %s',
    // Tolerant of a slow answer on a busy machine (a refused connection fails at once).
    '  timeout check 5s',
    '  default-server check inter 500ms fall 3 rise 2',
    ...nodes.map((n) => `  server ${n.name} 127.0.0.1:${n.port}`),
    '',
  ].join('\n');
}

export async function startHaproxy(
  nodes: readonly { name: string; port: number }[],
): Promise<Balancer> {
  if (!existsSync(HAPROXY_BIN)) throw new Error(`no haproxy at ${HAPROXY_BIN}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-haproxy-'));
  const port = await freePort();
  const file = path.join(dir, 'haproxy.cfg');
  writeFileSync(file, haproxyConfig(port, nodes));
  // -db: stay in the foreground, so the test owns the process and its end.
  const child: ChildProcess = spawn(HAPROXY_BIN, ['-db', '-f', file], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited: ${stderr}`);
    const ok = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`haproxy not serving after 20 s: ${stderr}`);
    await sleep(100);
  }
  return {
    port,
    baseUrl,
    wsUrl: `ws://127.0.0.1:${port}`,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, sleep(3000)]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
