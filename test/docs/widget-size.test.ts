/**
 * docs/web.md states the built widget's size: the figure must be the build's, within 1 %
 * (a change that grows or shrinks the widget more than that updates the sentence too).
 */
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { ensureWebBuild } from '../e2e/web-build.ts';

const TOLERANCE = 0.01;

/** The two figures after "Built size" in docs/web.md: bytes, then gzipped bytes. */
function statedSize(): { bytes: number; gzipped: number } {
  const doc = readFileSync('docs/web.md', 'utf8').replace(/\s+/g, ' ');
  const match = /Built size \([^)]*\): ([\d,]+) bytes, ([\d,]+) gzipped/.exec(doc);
  if (!match) throw new Error('docs/web.md no longer states "Built size (…): N bytes, M gzipped"');
  const number = (text: string | undefined) => Number((text ?? '').replaceAll(',', ''));
  return { bytes: number(match[1]), gzipped: number(match[2]) };
}

it('docs/web.md states the size of dist/web/widget.js as built', () => {
  ensureWebBuild();
  const built = readFileSync('dist/web/widget.js');
  const stated = statedSize();
  expect(Math.abs(statSync('dist/web/widget.js').size / stated.bytes - 1)).toBeLessThan(TOLERANCE);
  expect(Math.abs(gzipSync(built).length / stated.gzipped - 1)).toBeLessThan(TOLERANCE);
}, 120_000);
