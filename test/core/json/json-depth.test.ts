/** The nesting limit measured before parsing (docs/security.md, "Bad input"): 64 levels. */
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../../src/core/json/json-depth.ts';
import { parseJsonObjectText } from '../../../src/core/json/parse-json-object.ts';

/** An object `levels` deep: `{"a":{"a":…1…}}`. */
const nested = (levels: number) => '{"a":'.repeat(levels - 1) + '{"a":1' + '}'.repeat(levels);

describe('JSON nesting depth', () => {
  it('takes 64 levels of objects or arrays and refuses 65', () => {
    expect(MAX_JSON_DEPTH).toBe(64);
    expect(nestsDeeperThan(nested(64))).toBe(false);
    expect(nestsDeeperThan(nested(65))).toBe(true);
    expect(nestsDeeperThan('['.repeat(64) + ']'.repeat(64))).toBe(false);
    expect(nestsDeeperThan('['.repeat(65) + ']'.repeat(65))).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = `{"text":"${'{['.repeat(100)}\\"${'['.repeat(100)}"}`;
    expect(JSON.parse(text)).toBeTruthy();
    expect(nestsDeeperThan(text)).toBe(false);
  });

  it('drops a webhook body nested past the limit before parsing it; one at the limit is read', () => {
    expect(parseJsonObjectText(nested(64))).toEqual(JSON.parse(nested(64)));
    expect(parseJsonObjectText(nested(65))).toBeUndefined();
  });
});
