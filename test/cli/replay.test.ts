import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

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

  it('scores the labels carried in the transcripts (our own labelled conversations)', () => {
    const file = 'test/core/policy/fixtures/generalisation.jsonl';
    const labelled = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { id: string; expect: Record<string, any> });
    const r = runCli(['replay', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`labelled\\s+${labelled.length}\\b`));
    const [, right, total] = /right decision\s+[\d.]+% \((\d+)\/(\d+)\)/.exec(r.stdout) ?? [];
    expect(Number(total)).toBe(labelled.length);
    expect(Number(right) / labelled.length).toBeGreaterThanOrEqual(0.9);

    // Every explicit request is handed over inside its window, as the shared scorer demands.
    const json = runCli(['replay', file, '--json']);
    const byId = new Map(
      json.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string; handoff: { at_turn: number } | null })
        .map((o) => [o.id, o]),
    );
    const explicit = labelled.filter((l) => l.expect.reasons_any?.includes('explicit_request'));
    expect(explicit.length).toBeGreaterThanOrEqual(5);
    for (const { id, expect: want } of explicit) {
      const at = byId.get(id)?.handoff?.at_turn ?? -1;
      expect(at, id).toBeGreaterThanOrEqual(want.at_turn[0]);
      expect(at, id).toBeLessThanOrEqual(want.at_turn[1]);
    }
  });
});
