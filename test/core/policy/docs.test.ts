// docs/escalation.md documents every reason code, signal and threshold: a new one fails here
// until it is written down.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getDefaultPolicy, REASON_CODES, SIGNAL_NAMES } from '../../../src/core/policy/index.ts';

const doc = readFileSync('docs/escalation.md', 'utf8');

describe('docs/escalation.md', () => {
  it.each([...REASON_CODES])('documents the reason code %s', (code) => {
    expect(doc).toContain(`\`${code}\``);
  });

  it.each([...SIGNAL_NAMES])('documents the signal %s', (name) => {
    expect(doc).toContain(`\`${name}\``);
  });

  it.each(Object.keys(getDefaultPolicy().thresholds))('documents thresholds.%s', (key) => {
    expect(doc).toContain(`\`thresholds.${key}\``);
  });
});
