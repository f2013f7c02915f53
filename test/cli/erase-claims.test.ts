/**
 * `baton erase --customer <email>` takes a conversation where the address was only claimed
 * (it carries the address) but does not follow the claimant's verified id from it: Xavier,
 * signed as himself, claimed Vera's email in one conversation; erasing Vera takes that one
 * and Vera's own (found by the signed email, then by her signed id), never Xavier's other
 * conversation. The dry run lists exactly what the real run erases. On both engines,
 * conversations made through the running server's API.
 */
import { spawnSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConversation } from '../helpers/api-client.ts';
import { postgresAdmin, postgresDatabaseUrl, TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const SECRET = 'erase-claims-identity-secret-0123456789';
const VERA_EMAIL = 'vera@example.com';
const userHash = (id: string) => createHmac('sha256', SECRET).update(id).digest('hex');

function erase(args: string[], databaseUrl: string) {
  const r = spawnSync(process.execPath, ['bin/baton.mjs', 'erase', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl, FORCE_COLOR: '0' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The conversation ids the command lists (`<id>  <channel> <status> <updated>`). */
const listed = (stdout: string) =>
  stdout
    .split('\n')
    .map((line) => /^(\S+)\s{2}\S/.exec(line)?.[1])
    .filter((id): id is string => id !== undefined)
    .sort();

describe.each(TEST_DATABASES)(
  'baton erase and claims ($name)',
  { timeout: 120_000 },
  (database) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-erase-claims-'));
    const postgresDatabase = `erase_claims_${randomBytes(5).toString('hex')}`;
    const db =
      database.name === 'sqlite'
        ? path.join(dir, 'baton.db')
        : postgresDatabaseUrl(postgresDatabase);
    let s: TestServer;
    beforeAll(async () => {
      if (database.skipReason) return;
      if (database.name === 'postgres') await postgresAdmin(`create database ${postgresDatabase}`);
      s = await startTestServer({ database: { url: db }, env: { BATON_IDENTITY_SECRET: SECRET } });
    });
    afterAll(async () => {
      await s?.close();
      if (database.name === 'postgres' && !database.skipReason)
        await postgresAdmin(`drop database if exists ${postgresDatabase} with (force)`);
    });

    it.skipIf(database.skipReason)(
      "erases the claim's conversation without following the claimant's signed id",
      async () => {
        const identityToken = await new SignJWT({ name: 'Vera', email: VERA_EMAIL })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('u-vera')
          .setExpirationTime('10m')
          .sign(new TextEncoder().encode(SECRET));
        const veraSigned = (await startConversation(s.baseUrl, { identityToken })).id;
        // Found by Vera's signed id, which her signed email leads to (followed as before).
        const veraById = (
          await startConversation(s.baseUrl, {
            customer: { id: 'u-vera' },
            userHash: userHash('u-vera'),
          })
        ).id;
        const xavierClaim = (
          await startConversation(s.baseUrl, {
            customer: { id: 'u-xavier', email: VERA_EMAIL },
            userHash: userHash('u-xavier'),
          })
        ).id;
        const xavierOwn = (
          await startConversation(s.baseUrl, {
            customer: { id: 'u-xavier', name: 'Xavier' },
            userHash: userHash('u-xavier'),
          })
        ).id;
        const vera = [veraSigned, veraById, xavierClaim].sort();

        const dry = erase(['--customer', VERA_EMAIL, '--include-open'], db);
        expect(dry.status).toBe(0);
        expect(listed(dry.stdout)).toEqual(vera);
        expect(dry.stdout).toMatch(/would erase 3 conversation\(s\)/);
        for (const id of [...vera, xavierOwn])
          expect(await s.server.store.conversations.get(id)).toBeDefined();

        const done = erase(['--customer', VERA_EMAIL, '--include-open', '--yes'], db);
        expect(done.status).toBe(0);
        expect(done.stdout).toMatch(/erased 3 conversation/);
        for (const id of vera) expect(await s.server.store.conversations.get(id)).toBeUndefined();
        expect(await s.server.store.conversations.get(xavierOwn)).toBeDefined();
      },
    );
  },
);
