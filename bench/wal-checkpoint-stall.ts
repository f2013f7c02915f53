// `node bin/run-ts.mjs bench/wal-checkpoint-stall.ts [worker|writer] [commits]`: how long the
// writer's commits take on a store on SQLite, one customer line per commit, when the WAL is
// checkpointed by the worker thread (`worker`) or, the worker killed, by the writer every
// 10,000 pages as before it (`writer`). Prints the commits' wall-time percentiles and the
// number over 10 ms and the slowest ten (docs/bench.md, "The WAL checkpoint in a worker thread").
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createStore } from '../src/store/store.ts';

const mode = process.argv[2] === 'writer' ? 'writer' : 'worker';
const commits = Number(process.argv[3] ?? 20_000);
const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-wal-stall-'));
const store = createStore({ url: path.join(dir, 'baton.db') });
try {
  const migrated = await store.migrate();
  if (migrated.error) throw migrated.error;
  if (mode === 'writer') await store.walCheckpointer?.kill();
  const now = new Date('2026-12-07T05:00:00.000Z');
  const ids = Array.from({ length: 50 }, (_, i) => `c${i}`);
  for (const id of ids) {
    await store.conversations.create({
      id,
      channel: 'web',
      customer: { name: 'Sarah' },
      language: 'en',
      tokenHash: id,
      events: [],
      now,
    });
  }
  const took: number[] = [];
  for (let i = 0; i < commits; i++) {
    const start = performance.now();
    const result = await store.conversations.commit({
      conversationId: ids[i % ids.length]!,
      events: [
        {
          type: 'message.created',
          actor: { type: 'customer' },
          data: { from: 'customer', text: `message ${i} about order ${1000 + i}` },
          clientMessageId: `m${i}`,
        },
      ],
      now,
    });
    took.push(performance.now() - start);
    if (!result.ok) throw new Error(`commit ${i} failed`);
    // A turn of the event loop between commits, as between a server's messages.
    await new Promise((resolve) => setImmediate(resolve));
  }
  took.sort((a, b) => a - b);
  const at = (q: number) =>
    took[Math.min(took.length - 1, Math.floor(q * took.length))]!.toFixed(2);
  console.log(
    `${mode}: ${commits} commits, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, p99.9 ${at(0.999)} ms, ` +
      `over 10 ms: ${took.filter((t) => t > 10).length}, ` +
      `the 10 slowest: ${took
        .slice(-10)
        .map((t) => t.toFixed(0))
        .join(' ')} ms, ` +
      `worker checkpoints: ${store.walCheckpointer?.checkpoints ?? 0}`,
  );
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
