/**
 * Migration 023 on every engine: sessions opened before it keep working and get an id to be
 * listed and revoked by, with no origin (there was none to keep).
 */
import { describe, expect, it } from 'vitest';
import { createMigrator } from '../../src/store/migrate.ts';
import { TEST_DATABASES, useFreshStore } from '../helpers/databases.ts';

const now = new Date(Date.UTC(2026, 11, 3, 10, 0));
const later = new Date(now.getTime() + 3_600_000);

describe.each(TEST_DATABASES)('session details on $name', (database) => {
  const fresh = useFreshStore(database);

  it('gives sessions from before the migration an id each, and keeps them valid', async () => {
    const { store } = fresh;
    await store.agents.create({
      id: 'a1',
      email: 'kim@example.com',
      name: 'Kim',
      passwordHash: 'x',
      role: 'agent',
      skills: ['general'],
      now,
    });
    const migrator = await createMigrator(store.db, store.engine);
    const down = await migrator.migrateTo('022-audit-origin');
    expect(down.error).toBeUndefined();
    // Written as the code before 023 did: the four columns there were.
    for (const hash of ['h1', 'h2'])
      await store.db
        .insertInto('sessions')
        .values({
          token_hash: hash,
          agent_id: 'a1',
          created_at: now.toISOString(),
          expires_at: later.toISOString(),
        } as never)
        .execute();

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const sessions = await store.sessions.list('a1', now);
    expect(sessions).toHaveLength(2);
    expect(new Set(sessions.map((s) => s.id)).size).toBe(2);
    for (const s of sessions) {
      expect(s.id).toMatch(/^s_[0-9a-f]{24}$/);
      expect([s.ip, s.userAgent, s.lastSeenAt]).toEqual([null, null, null]);
    }
    expect((await store.agents.findBySession('h1', now))?.id).toBe('a1');
  });
});
