// The one-writer rule (docs/architecture.md): only the conversation writer creates and commits
// conversations in the store and publishes their changes on the bus. Reads the sources, so a
// new call elsewhere fails here before it can skip the derived timers.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONVERSATION_STATES } from '../../src/core/conversation/conversation-state.ts';

const SRC = path.resolve(import.meta.dirname, '../../src');
const WRITER = path.join('app', 'conversations', 'conversation-writer.ts');
/** The store defines `commit`, the bus defines `publish`: their own files are not callers. */
const DEFINERS = [`store${path.sep}`, `bus${path.sep}`];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

const WRITES = [/\bconversations\s*\.\s*(commit|create)\s*\(/, /\bbus\s*\.\s*publish\s*\(/];

describe('one writer of conversations', () => {
  it('no file but the writer commits, creates or publishes conversations', () => {
    const offenders = sources(SRC)
      .map((file) => path.relative(SRC, file))
      .filter((file) => file !== WRITER && !DEFINERS.some((d) => file.startsWith(d)))
      .flatMap((file) => {
        const text = readFileSync(path.join(SRC, file), 'utf8');
        return WRITES.some((w) => w.test(text)) ? [file] : [];
      });
    expect(offenders).toEqual([]);
  });

  it('the check sees a call when there is one (the writer itself)', () => {
    const text = readFileSync(path.join(SRC, WRITER), 'utf8');
    expect(WRITES.every((w) => w.test(text))).toBe(true);
  });
});

// Every status change goes through the state machine (docs/architecture.md, "The state
// machine"): a commit's new status is `transition`'s answer, never a status written out.
const STATUS_WRITE = new RegExp(`\\bstatus:\\s*['"](${CONVERSATION_STATES.join('|')})['"]`);

describe('one state machine', () => {
  it('no application or HTTP file writes a conversation status literally', () => {
    const offenders = ['app', 'http'].flatMap((layer) =>
      sources(path.join(SRC, layer))
        .filter((file) => STATUS_WRITE.test(readFileSync(file, 'utf8')))
        .map((file) => path.relative(SRC, file)),
    );
    expect(offenders).toEqual([]);
  });

  it('the check sees a status written out when there is one', () => {
    expect(STATUS_WRITE.test("changes: { status: 'offered', offeredTo }")).toBe(true);
    expect(STATUS_WRITE.test('changes: { status: next.state.state }')).toBe(false);
  });
});

// Every stored message is built by the core's `messageCreated` / `messageEvent`
// (docs/architecture.md, "The state machine"), not written out by hand, so each has the
// fields its type requires.
const HAND_BUILT_MESSAGE = /\btype:\s*['"]message\.created['"]/;

describe('one builder of stored messages', () => {
  it('no application, HTTP or channel file writes a message.created event by hand', () => {
    const offenders = ['app', 'http', 'channels'].flatMap((layer) =>
      sources(path.join(SRC, layer))
        .filter((file) => HAND_BUILT_MESSAGE.test(readFileSync(file, 'utf8')))
        .map((file) => path.relative(SRC, file)),
    );
    expect(offenders).toEqual([]);
  });

  it('the check sees one written out, and not a type test', () => {
    expect(HAND_BUILT_MESSAGE.test("events: [{ type: 'message.created', actor, data }]")).toBe(
      true,
    );
    expect(HAND_BUILT_MESSAGE.test("e.type === 'message.created'")).toBe(false);
  });
});
