/**
 * A server whose build fails after its background work started (src/main/build-app.ts) stops
 * that work before the error reaches the caller: here the inbound SMTP listener, which the
 * background work opens before the routes are registered. The failure is real and late: the
 * log destination refuses the warning the web apps' registration writes when there is no
 * web build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/cluster/free-port.ts';
import { startTestServer } from '../helpers/test-server.ts';

const emptyWebRoot = mkdtempSync(path.join(os.tmpdir(), 'baton-no-web-'));

describe('a build that fails after its background work started', () => {
  afterAll(() => rmSync(emptyWebRoot, { recursive: true, force: true }));

  it('closes the SMTP listener it opened before rethrowing', async () => {
    const smtpPort = await freePort();
    const failing = startTestServer({
      webRoot: emptyWebRoot,
      logStream: {
        write(line: string) {
          if (line.includes('no web build')) throw new Error('log destination failed');
        },
      },
      env: {
        LOG_LEVEL: 'warn',
        BATON_EMAIL_FROM: 'Acme Support <help@acme.test>',
        BATON_EMAIL_SMTP_URL: 'smtp://127.0.0.1:9',
        BATON_SMTP_HOST: '127.0.0.1',
        BATON_SMTP_PORT: String(smtpPort),
        BATON_SMTP_ACCEPT_FOR: 'help@acme.test',
      },
    });
    await expect(failing).rejects.toThrow('log destination failed');
    expect(await accepts(smtpPort)).toBe(false);
  });
});

/** Whether something listens on the loopback port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
