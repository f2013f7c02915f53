/**
 * Two-factor state on every engine: migration 024 leaves existing accounts without it, and a
 * time step or a recovery code is taken once even when two requests (two nodes) ask at once;
 * turning it on or off ends the account's other sessions (a reset, all), no one else's.
 */
import { describe, expect, it } from 'vitest';
import { createMigrator } from '../../src/store/migrate.ts';
import { TEST_DATABASES, useFreshStore } from '../helpers/databases.ts';

const now = new Date(Date.UTC(2026, 11, 4, 10, 0));
const entry = (action: 'totp.enabled' | 'totp.recovery_code_used') => ({
  at: now,
  actorId: 'a1',
  agentId: 'a1',
  action,
  changes: {},
});

describe.each(TEST_DATABASES)('two-factor state on $name', (database) => {
  const fresh = useFreshStore(database);

  const kim = () =>
    fresh.store.agents.create({
      id: 'a1',
      email: 'kim@example.com',
      name: 'Kim',
      passwordHash: 'x',
      role: 'agent',
      skills: ['general'],
      now,
    });

  it('leaves accounts from before migration 024 without two-factor', async () => {
    const { store } = fresh;
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
    const { store } = fresh;
    await kim();
    expect(await store.totp.setPending('a1', 'JBSWY3DPEHPK3PXP', entry('totp.enabled'))).toBe(true);
    expect(
      await store.totp.enable(
        'a1',
        'JBSWY3DPEHPK3PXP',
        100,
        ['h1', 'h2'],
        entry('totp.enabled'),
        null,
      ),
    ).toEqual([]);
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

  it('ends the other sessions when it turns on or off, and every one on a reset', async () => {
    const { store } = fresh;
    await kim();
    await store.agents.create({
      id: 'a2',
      email: 'lee@example.com',
      name: 'Lee',
      passwordHash: 'x',
      role: 'agent',
      skills: ['general'],
      now,
    });
    const later = new Date(now.getTime() + 3_600_000);
    const open = async (...hashes: string[]) => {
      for (const hash of hashes) await store.agents.createSession(hash, 'a1', now, later);
    };
    const alive = async (hash: string) => (await store.agents.findSession(hash, now)) !== undefined;
    await open('kim-laptop', 'kim-phone', 'kim-tablet');
    await store.agents.createSession('lee-laptop', 'a2', now, later);

    await store.totp.setPending('a1', 'JBSWY3DPEHPK3PXP', entry('totp.enabled'));
    const onEnded = await store.totp.enable(
      'a1',
      'JBSWY3DPEHPK3PXP',
      100,
      ['h1'],
      entry('totp.enabled'),
      'kim-laptop',
    );
    expect(onEnded?.sort()).toEqual(['kim-phone', 'kim-tablet']);
    expect(await alive('kim-laptop')).toBe(true);
    expect(await alive('kim-phone')).toBe(false);
    // Confirmed already: nothing more ends.
    expect(
      await store.totp.enable('a1', 'JBSWY3DPEHPK3PXP', 101, ['h2'], entry('totp.enabled'), null),
    ).toBeNull();
    expect(await alive('kim-laptop')).toBe(true);

    await open('kim-phone');
    expect(await store.totp.clear('a1', entry('totp.enabled'), 'kim-phone')).toEqual([
      'kim-laptop',
    ]);
    await open('kim-laptop');
    expect((await store.totp.clear('a1', entry('totp.enabled'), null))?.sort()).toEqual([
      'kim-laptop',
      'kim-phone',
    ]);
    expect(await store.totp.clear('nobody', entry('totp.enabled'), null)).toBeNull();
    expect(await alive('lee-laptop')).toBe(true);
    const [row] = (await store.teamAudit.page({ limit: 1, agentId: 'a1' })).entries;
    expect(row?.changes).toEqual({ endedSessions: 2 });
  });
});
