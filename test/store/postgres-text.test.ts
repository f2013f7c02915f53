/**
 * What the PostgreSQL pool makes of text it cannot store (src/store/postgres-text.ts): NUL
 * and lone surrogates become U+FFFD, in plain text and as JSON escapes; a pair, an escape
 * that is itself escaped, and plain text that spells an escape are kept.
 */
import { describe, expect, it } from 'vitest';
import { postgresSafeText } from '../../src/store/postgres-text.ts';

describe('postgresSafeText', () => {
  it('replaces NUL and lone surrogates with U+FFFD and keeps a pair', () => {
    expect(postgresSafeText('a\u0000b')).toBe('a\uFFFDb');
    expect(postgresSafeText('a\ud800b\udc00')).toBe('a\uFFFDb\uFFFD');
    expect(postgresSafeText('ok 😀 é')).toBe('ok 😀 é');
  });

  it('rewrites a lone surrogate escape in JSON text, not a pair or an escaped backslash', () => {
    expect(postgresSafeText(JSON.stringify({ text: 'a\ud800b' }))).toBe('{"text":"a\\ufffdb"}');
    expect(postgresSafeText(JSON.stringify({ text: '\udc00' }))).toBe('{"text":"\\ufffd"}');
    expect(JSON.parse(postgresSafeText(JSON.stringify({ text: '😀' })))).toEqual({ text: '😀' });
    const typed = JSON.stringify({ text: 'I typed \\ud800' });
    expect(postgresSafeText(typed)).toBe(typed);
    expect(postgresSafeText('plain \\ud800')).toBe('plain \\ud800');
  });
});
