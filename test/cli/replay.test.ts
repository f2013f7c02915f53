import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const SCENARIOS = '../shared/scenarios/public.jsonl';

const line = (id: string, turns: unknown[]) =>
  JSON.stringify({ format: 'baton.transcript/1', id, channel: 'web', turns });

let dir: string;
let fixture: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'baton-replay-'));
  fixture = join(dir, 'small.jsonl');
  writeFileSync(
    fixture,
    [
      line('calm', [
        { from: 'customer', text: 'What time do you open on Saturday?' },
        { from: 'bot', text: 'From 9:00 to 13:00.', confidence: 0.93 },
        { from: 'customer', text: 'perfect, thank you' },
      ]),
      'this is not json',
      line('button', [
        { from: 'customer', text: 'I have a question about my latest invoice' },
        { from: 'bot', text: 'Let me check that.', confidence: 0.8 },
        { from: 'customer', action: 'request_human' },
      ]),
      '',
      JSON.stringify({
        format: 'baton.transcript/1',
        id: 'bad-channel',
        channel: 'fax',
        turns: [],
      }),
      line('refund', [{ from: 'customer', text: 'I want a refund for order #55031, it is €620' }]),
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'strict.yaml'),
    'version: strict-1\nrules:\n  - id: ask\n    reason: explicit_request\n    when: { any: [human_request] }\n',
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('baton replay', () => {
  it('prints one JSON line per valid conversation, in order, and reports bad lines', () => {
    const r = runCli(['replay', fixture, '--json']);
    expect(r.status).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.id)).toEqual(['calm', 'button', 'refund']);
    expect(out[0]).toMatchObject({ handoff: null, fields: {} });
    expect(out[1]).toMatchObject({
      handoff: { at_turn: 2, reasons: ['explicit_request'], queue: 'billing' },
      decisions: [
        { turn: 0, action: 'continue' },
        { turn: 2, action: 'handoff', reasons: ['explicit_request'] },
      ],
    });
    expect(out[2]).toMatchObject({
      handoff: { at_turn: 0, queue: 'billing' },
      fields: { order_id: '55031', amount: { value: 620, currency: 'EUR' } },
    });
    expect(r.stderr).toContain(`${fixture}:2: skipped: invalid JSON`);
    expect(r.stderr).toContain(`${fixture}:5: skipped: must be one of web`);
  });

  it('prints a table and a summary without --json', () => {
    const r = runCli(['replay', fixture]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^id\s+handoff\s+turn\s+queue\s+priority\s+reasons/);
    expect(r.stdout).toMatch(/conversations\s+3/);
    expect(r.stdout).toMatch(/handoffs\s+2/);
    expect(r.stdout).toMatch(/handoff rate\s+66\.7%/);
    expect(r.stdout).toMatch(/bad lines\s+2/);
    expect(r.stdout).toMatch(/queues\s+billing 2/);
  });

  it('shows which conversations change with --compare', () => {
    const r = runCli(['replay', fixture, '--compare', join(dir, 'strict.yaml')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1 conversation(s) change their outcome');
    expect(r.stdout).toMatch(
      /refund\s+handoff at turn 0 → billing \[topic_policy, amount_threshold\]\s+no handoff/,
    );
    expect(r.stdout).toMatch(/summary \(policy strict-1, strict\.yaml\)/);
  });

  it('refuses an invalid policy with file:line:col and exit 2', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      'version: 1\nrules:\n  - id: x\n    reason: vibes\n    when: { any: [human_request] }\n',
    );
    const r = runCli(['replay', fixture, '--policy', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${bad}:4:13: must be one of explicit_request`);
  });

  it('exits 2 on a missing file', () => {
    const r = runCli(['replay', join(dir, 'nope.jsonl')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read/);
  });

  it('passes the shared scorer on the public scenarios', () => {
    const r = runCli(['replay', SCENARIOS, '--json']);
    expect(r.status).toBe(0);
    const out = join(dir, 'public-replay.jsonl');
    writeFileSync(out, r.stdout);
    const score = spawnSync(process.execPath, ['../shared/scenarios/score.mjs', SCENARIOS, out], {
      encoding: 'utf8',
    });
    expect(score.stdout).toMatch(/explicit-request recall: 1\.00/);
    expect(score.status).toBe(0);
  });
});
