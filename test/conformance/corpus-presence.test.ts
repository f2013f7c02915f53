// When the conformance suite runs, skips or fails (checked on temporary folders, so this
// file runs with or without ../shared), and that nothing else depends on the shared corpus.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusMissingReason, corpusPaths } from './corpus-presence.ts';

const root = mkdtempSync(join(tmpdir(), 'baton-corpus-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the shared corpus beside the clone', () => {
  it('absent: a reason naming what is missing, or a failure under CI', () => {
    const dir = `${join(root, 'absent')}/`;
    expect(corpusMissingReason(dir, false)).toMatch(/shared corpus not found: .*public\.jsonl/);
    expect(() => corpusMissingReason(dir, true)).toThrow(/CI=true: nothing may skip/);
  });

  it('incomplete (no scorer): still missing', () => {
    const dir = `${join(root, 'incomplete')}/`;
    const paths = corpusPaths(dir);
    mkdirSync(paths.channelsDir, { recursive: true });
    mkdirSync(join(dir, 'scenarios'));
    writeFileSync(paths.scenariosFile, '');
    expect(corpusMissingReason(dir, false)).toBe(`shared corpus not found: ${paths.scorerFile}`);
  });

  it('present: the suite runs, under CI or not', () => {
    const dir = `${join(root, 'present')}/`;
    const paths = corpusPaths(dir);
    mkdirSync(paths.channelsDir, { recursive: true });
    mkdirSync(join(dir, 'scenarios'));
    writeFileSync(paths.scenariosFile, '');
    writeFileSync(paths.scorerFile, '');
    expect(corpusMissingReason(dir, false)).toBeNull();
    expect(corpusMissingReason(dir, true)).toBeNull();
  });
});

describe('outside test/conformance', () => {
  it('no test or source file reads ../shared', () => {
    const files = [
      ...(readdirSync('test', { recursive: true }) as string[]).map((f) => join('test', f)),
      ...(readdirSync('src', { recursive: true }) as string[]).map((f) => join('src', f)),
    ].filter((f) => /\.(ts|tsx|mjs|js)$/.test(f) && !f.startsWith(join('test', 'conformance')));
    expect(files.length).toBeGreaterThan(100);
    // Code, not comments: a path into the shared folder in a string or URL.
    const reference = /['"`][^'"`]*\.\.\/shared\/|new URL\([^)]*\/shared\//;
    const readers = files.filter((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .some((line) => !/^\s*(\/\/|\*|\/\*)/.test(line) && reference.test(line)),
    );
    expect(readers).toEqual([]);
  });
});
