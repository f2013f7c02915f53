/**
 * A server whose build fails after its background work started (src/main/build-app.ts) stops
 * that work before the error reaches the caller: here the inbound SMTP listener, which the
 * background work opens before the routes are registered. The failure is real and late: the
 * log destination refuses the warning the web apps' registration writes when there is no
 * web build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { accepts } from '../helpers/cluster/free-port.ts';
import { startFailingAt } from '../helpers/test-server.ts';

const emptyWebRoot = mkdtempSync(path.join(os.tmpdir(), 'baton-no-web-'));

describe('a build that fails after its background work started', () => {
  afterAll(() => rmSync(emptyWebRoot, { recursive: true, force: true }));

  it('closes the SMTP listener it opened before rethrowing', async () => {
    const { failing, smtpPort } = await startFailingAt('no web build', {
      webRoot: emptyWebRoot,
      env: { LOG_LEVEL: 'warn' },
    });
    await expect(failing).rejects.toThrow('log destination failed');
    expect(await accepts(smtpPort)).toBe(false);
  });
});
