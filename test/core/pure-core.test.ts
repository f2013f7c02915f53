// src/core is pure (docs/architecture.md, "Layout"): no clock, no timers, no network. The lint
// keeps the store, the bus, HTTP and the application out of it; this keeps the clock out, so
// every decision there takes its `now` from the caller and tests and the simulation can fake it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = path.resolve(import.meta.dirname, '../../src/core');
const IMPURE =
  /\bDate\.now\s*\(|\bnew Date\s*\(\s*\)|\bperformance\.now\s*\(|\bprocess\.hrtime\b|\bset(Timeout|Interval|Immediate)\s*\(|\bfetch\s*\(/;

/** Code lines only: a comment may name what the code must not do. */
const code = (text: string) =>
  text
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
    .join('\n');

describe('a pure core', () => {
  it('no src/core file reads the clock, sets a timer or fetches', () => {
    const files = (readdirSync(CORE, { recursive: true }) as string[]).filter((f) =>
      f.endsWith('.ts'),
    );
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((f) =>
      IMPURE.test(code(readFileSync(path.join(CORE, f), 'utf8'))),
    );
    expect(offenders).toEqual([]);
  });

  it('the check sees a clock read, a timer and a fetch, and not a date built from a value', () => {
    for (const impure of [
      'const t = Date.now();',
      'at: new Date()',
      'setTimeout(f, 5)',
      'await fetch(url)',
    ]) {
      expect(IMPURE.test(code(impure))).toBe(true);
    }
    expect(IMPURE.test(code('new Date(now.getTime() + 1000)'))).toBe(false);
    expect(IMPURE.test(code('// never Date.now(): the caller gives now'))).toBe(false);
  });
});
