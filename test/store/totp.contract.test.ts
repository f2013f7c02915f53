/**
 * Two-factor state on every engine: migration 024 leaves existing accounts without it, and a
 * time step or a recovery code is taken once even when two requests (two nodes) ask at once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMigrator } from '../../src/store/migrate.ts';
import { TEST_DATABASES, type OpenedTestStore } from '../helpers/databases.ts';

const now = new Date(Date.UTC(2026, 11, 4, 10, 0));
const entry = (action: 'totp.enabled' | 'totp.recovery_code_used') => ({
  at: now,
  actorId: 'a1',
  agentId: 'a1',
  action,
  changes: {},
});

describe.each(TEST_DATABASES)('two-factor state on $name', (database) => {
  let opened: OpenedTestStore;
  beforeEach(async (ctx) => {
    if (database.skipReason) ctx.skip();
    opened = await database.open();
  });
  afterEach(async () => {
    await opened?.cleanup();
  });

  const kim = () =>
    opened.store.agents.create({
      id: 'a1',
      email: 'kim@example.com',
      name: 'Kim',
      passwordHash: 'x',
      role: 'agent',
      skills: ['general'],
      now,
    });

  it('leaves accounts from before migration 024 without two-factor', async () => {
    const { store } = opened;
    const migrator = await createMigrator(store.db, store.engine);
    expect((await migrator.migrateTo('023-session-details')).error).toBeUndefined();
    await store.db
      .insertInto('agents')
      .values({
        id: 'a1',
        email: 'kim@example.com',
        name: 'Kim',
        password_hash: 'x',
        role: 'agent',
        skills: '["general"]',
        created_at: now.toISOString(),
        presence: 'offline',
        max_concurrent: 3,
        languages: '["en"]',
      } as never)
      .execute();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect((await store.agents.findByEmail('kim@example.com'))?.totpEnabled).toBe(false);
    expect(await store.totp.state('a1')).toEqual({ secret: null, enabledAt: null });
  });

  it('takes a step and a recovery code once, whoever asks at the same time', async () => {
    const { store } = opened;
    await kim();
    expect(await store.totp.setPending('a1', 'JBSWY3DPEHPK3PXP', entry('totp.enabled'))).toBe(true);
    expect(
      await store.totp.enable('a1', 'JBSWY3DPEHPK3PXP', 100, ['h1', 'h2'], entry('totp.enabled')),
    ).toBe(true);
    expect((await store.agents.get('a1'))?.totpEnabled).toBe(true);

    expect(await store.totp.takeStep('a1', 100)).toBe(false);
    const sameStep = await Promise.all([
      store.totp.takeStep('a1', 101),
      store.totp.takeStep('a1', 101),
    ]);
    expect(sameStep.filter(Boolean)).toHaveLength(1);
    expect(await store.totp.takeStep('a1', 100)).toBe(false);

    const sameCode = await Promise.all([
      store.totp.takeRecoveryCode('a1', 'h1', entry('totp.recovery_code_used')),
      store.totp.takeRecoveryCode('a1', 'h1', entry('totp.recovery_code_used')),
    ]);
    expect(sameCode.filter(Boolean)).toHaveLength(1);
    expect(await store.totp.takeRecoveryCode('a1', 'h2', entry('totp.recovery_code_used'))).toBe(
      true,
    );
  });
});
