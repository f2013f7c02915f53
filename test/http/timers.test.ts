/**
 * No dead ends: a waiting conversation always has a timer that moves it on, the timer fires
 * after a restart, and even after the server was killed mid-wait (SIGKILL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/store.ts';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { startTestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

describe('timers', () => {
  it('keeps a timer on every waiting conversation through claim, transfer and resolve', async () => {
    const s = await startTestServer({
      env: { BATON_SLA_SECONDS: '1', BATON_TIMER_INTERVAL_MS: '100' },
    });
    try {
      const store = s.server.store;
      const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
      const c = await startConversation(s.baseUrl);
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { action: 'request_human' },
      });
      expect(await store.timers.deadEnds()).toEqual([]);
      // Nobody takes it: the SLA breach raises its priority and re-arms.
      const breached = await until(async () => {
        const events = await store.conversations.eventsSince(c.id, 0);
        return events.find((e) => e.type === 'conversation.sla_breached');
      });
      expect(breached.data).toMatchObject({ breaches: 1, priorityAfter: expect.any(Number) });
      expect((await store.conversations.get(c.id))?.priority).toBe(breached.data.priorityAfter);
      expect(await store.timers.pendingFor(c.id)).toHaveLength(1);

      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, { token: agent });
      // Taken: the customer now waits on the agent's first reply, with its deadline.
      expect((await store.timers.pendingFor(c.id)).map((t) => t.kind)).toEqual(['agent.reply_due']);
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/transfer`, {
        token: agent,
        body: { queue: 'billing' },
      });
      expect((await store.timers.pendingFor(c.id)).map((t) => t.kind)).toEqual([
        'sla.first_response',
      ]);
      expect(await store.timers.deadEnds()).toEqual([]);
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, { token: agent });
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/resolve`, { token: agent });
      expect(await store.timers.pendingFor(c.id)).toEqual([]);
    } finally {
      await s.close();
    }
  });

  describe('after SIGKILL', () => {
    const children: ChildProcess[] = [];
    afterAll(() => {
      for (const child of children) child.kill('SIGKILL');
    });

    function serve(
      dataDir: string,
      env: Record<string, string>,
    ): Promise<{ child: ChildProcess; url: string }> {
      const child = spawn(process.execPath, [path.resolve('bin/baton.mjs'), 'serve'], {
        env: {
          ...process.env,
          BATON_DATA_DIR: dataDir,
          PORT: '0',
          LOG_LEVEL: 'info',
          DATABASE_URL: '',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      return new Promise((resolve, reject) => {
        let out = '';
        child.stdout?.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) resolve({ child, url: m[1] as string });
        });
        child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
      });
    }

    // A process's boot (tsx, the whole app) takes most of this test: 7–17 s each at a load
    // of 12–14 on 2 cores. So only the server that is killed is a process; the one that comes
    // back runs in this worker (same startServer, same SQLite file) on a clock moved past the
    // SLA, so the timers are due as it starts and no wait is needed. The SLA is long enough
    // that none is due, let alone claimed (a claim's lease is 30 s), before the kill: checked.
    it(
      'fires the pending timers once the server is back, with nothing lost',
      { timeout: 120_000 },
      async () => {
        const dataDir = mkdtempSync(path.join(os.tmpdir(), 'baton-kill-'));
        const slaSeconds = 60;
        const env = {
          BATON_SLA_SECONDS: String(slaSeconds),
          BATON_TIMER_INTERVAL_MS: '100',
          BATON_WEB_ROOT: 'no-web',
        };
        const first = await serve(dataDir, env);
        const waiting: string[] = [];
        for (let i = 0; i < 3; i++) {
          const c = await startConversation(first.url);
          await api(first.url, 'POST', `/api/v1/conversations/${c.id}/messages`, {
            token: c.token,
            body: {
              text: `I want to talk to a human about order ${1000 + i}`,
              clientMessageId: `k${i}`,
            },
          });
          waiting.push(c.id);
        }
        first.child.kill('SIGKILL');
        await new Promise((r) => first.child.once('exit', r));

        const dbFile = path.join(dataDir, 'baton.db');
        const killed = createStore({ url: dbFile });
        try {
          // Killed mid-wait: each one's SLA timer pending, none fired.
          for (const id of waiting) {
            const pending = await killed.timers.pendingFor(id);
            expect(pending.map((t) => [t.kind, t.status])).toEqual([
              ['sla.first_response', 'pending'],
            ]);
            const events = await killed.conversations.eventsSince(id, 0);
            expect(events.some((e) => e.type === 'conversation.sla_breached')).toBe(false);
          }
        } finally {
          await killed.close();
        }

        const ahead = 2 * slaSeconds * 1000;
        const second = await startTestServer({
          database: { url: dbFile },
          env,
          clock: () => new Date(Date.now() + ahead),
        });
        const store = second.server.store;
        try {
          for (const id of waiting) {
            const events = await until(async () => {
              const all = await store.conversations.eventsSince(id, 0);
              return all.some((e) => e.type === 'conversation.sla_breached') ? all : undefined;
            }, 60_000);
            const messages = events.filter(
              (e) => e.type === 'message.created' && e.data.from === 'customer',
            );
            expect(messages).toHaveLength(1);
            expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
          }
          expect(await store.timers.deadEnds()).toEqual([]);
        } finally {
          await second.close();
        }
      },
    );
  });
});
