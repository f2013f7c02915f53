// No regular expression in src/core nests one unbounded quantifier in another, the shape whose
// backtracking grows exponentially with the text (safe-regex2's star-height check, over the view
// nesting-view.ts gives of each pattern). The patterns that have that shape but still match in
// linear time are named below, each with why. safe-regex2 does not see a look-around run at
// every position (the 4,000-character stall): long-messages.property.test.ts does.
import safeRegex from 'safe-regex2';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectCoreRegexes, type CoreRegexes } from './core-regexes.ts';
import { nestingView } from './nesting-view.ts';

interface Allowed {
  file: string;
  /** The start of the pattern's source, enough to tell it from the file's others. */
  startsWith: string;
  why: string;
}

// Each repeats "whitespace, then one word of a closed list": a word holds no whitespace and
// begins none, so each repetition starts at the next run of whitespace and the text splits one
// way (a word that is the start of another, "un"/"una", fails at once on the next letter).
const CLOSED_WORD_LIST = 'repeats whitespace then one word of a closed list: one way to split';

const ALLOWED: readonly Allowed[] = [
  {
    file: 'src/core/customer/customer-identity.ts',
    startsWith: '^[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+$',
    why: 'each repetition starts with a dot, which no part of the address it repeats can hold',
  },
  {
    file: 'src/core/signals/human-request-lexicon.ts',
    startsWith: '\\b(?:talk|speak',
    why: CLOSED_WORD_LIST,
  },
  {
    file: 'src/core/signals/human-request-lexicon.ts',
    startsWith: '\\b(?:hablar|',
    why: CLOSED_WORD_LIST,
  },
  {
    file: 'src/core/signals/human-request-lexicon.ts',
    startsWith: '\\b(?:falar|',
    why: CLOSED_WORD_LIST,
  },
  {
    file: 'src/core/signals/human-request-lexicon.ts',
    startsWith: '\\b(?:parler|',
    why: CLOSED_WORD_LIST,
  },
  // `(?:\s+${GAP}){0,6}` and `{0,3}` between a frame and a person word (person-request-vocabulary).
  {
    file: 'src/core/signals/person-request-grammar.ts',
    startsWith: "\\b(?:i'd|i would",
    why: CLOSED_WORD_LIST,
  },
  {
    file: 'src/core/signals/person-request-grammar.ts',
    startsWith: '\\b(?:get me|send me',
    why: CLOSED_WORD_LIST,
  },
];

// Sites that compile the operator's policy (`fields.*.pattern`), not patterns of src/core: the
// default policy has none, so no run here builds one.
const POLICY_PATTERN_FILES = [
  'src/core/policy/collect-fields.ts',
  'src/core/policy/load-policy.ts',
];

const isAllowed = (a: Allowed, file: string, source: string) =>
  file === a.file && source.startsWith(a.startsWith);

describe('regular expressions in src/core', () => {
  let regexes: CoreRegexes;
  beforeAll(async () => {
    regexes = await collectCoreRegexes();
  }, 60_000);

  it('are all found: every `new RegExp` in the source was seen built', () => {
    const unreached = regexes.unreached.filter(
      (site) => !POLICY_PATTERN_FILES.some((f) => site.startsWith(`${f}:`)),
    );
    expect(unreached).toEqual([]);
    // The lexicons alone hold well over a hundred; a collection that lost them would pass below.
    expect(regexes.found.length).toBeGreaterThan(200);
  });

  it('nest no unbounded quantifier in another, but for the patterns allowed with a reason', () => {
    const flagged = regexes.found
      .filter(({ re }) => !safeRegex(nestingView(re.source), { limit: Infinity }))
      .map(({ re, site }) => ({ file: site.replace(/:\d+$/, ''), site, source: re.source }));
    const unexplained = flagged
      .filter((f) => !ALLOWED.some((a) => isAllowed(a, f.file, f.source)))
      .map((f) => `${f.site}: ${f.source.slice(0, 120)}`);
    expect(unexplained).toEqual([]);
    // An entry whose pattern is gone or no longer flagged goes too.
    const stale = ALLOWED.filter((a) => !flagged.some((f) => isAllowed(a, f.file, f.source)));
    expect(stale).toEqual([]);
  });
});

describe('the view safe-regex2 judges', () => {
  const flags = (source: string) => !safeRegex(nestingView(source), { limit: Infinity });

  it.each([
    ['(?:a+)+', true],
    ['(?:\\S+){0,3}x', true], // no delimiter: "abc" splits many ways
    ['(\\w+\\s?)*$', true],
    ['(?:\\s+\\S+)+$', true],
    ['(?: \\S+){0,3} x', false],
    ['(?:\\w+ ){0,2}?x', false],
    ['(?:a\\s+b)?c+', false],
    ['(?<=(?:ab)+)c', false],
    ['(?<=(?:a+)+)c', true],
    ['[(?+]+\\?{2}', false],
  ])('%s nests unbounded quantifiers: %s', (source, nested) => {
    expect(flags(source)).toBe(nested);
  });
});
