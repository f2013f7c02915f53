// What safe-regex2 should judge of a pattern. safe-regex2 flags a quantifier inside a
// quantifier (star height above one), but it counts `?` as a quantifier, cannot parse a
// look-behind (it then answers "unsafe"), and flags any pattern with more than 25 quantifiers
// (limit lifted by the caller: a lexicon's size is not nesting). This view keeps what makes
// backtracking multiply and drops what does not:
// - a look-behind becomes a look-ahead: the same nesting, in a form its parser reads;
// - `?`, `{0,1}`, `{n}` and lazy marks go: an optional group is entered at most once where it
//   stands, so it cannot multiply the ways to split the text;
// - a bounded run of words with their delimiter, `(?: \S+){0,3}`, `(?:\w+ ){0,2}`, becomes one
//   word: the word cannot hold its delimiter, so there is one way to split each run.
// Bounded repetitions of anything else stay, and count as nesting.

const WORD_RUN =
  /\(\?:(?: \\S\+| \\w\+| \[\\w'\]\+|\\S\+ |\\w\+ |\[\\w'\]\+ |\\s\+\\S\+|\\s\+\\w\+)\)\{\d+,\d+\}\??/g;

/** The pattern's source as safe-regex2 should judge it (see the module header). */
export function nestingView(source: string): string {
  const s = source.replace(WORD_RUN, 'w');
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === '\\') {
      const end = escapeEnd(s, i);
      out += s.slice(i, end);
      i = end;
    } else if (c === '[') {
      const end = classEnd(s, i);
      out += s.slice(i, end);
      i = end;
    } else if (s.startsWith('(?<=', i) || s.startsWith('(?<!', i)) {
      out += `(?${s[i + 3]}`;
      i += 4;
    } else if (s.startsWith('(?<', i)) {
      const end = s.indexOf('>', i) + 1; // a named group: its name is no quantifier
      out += s.slice(i, end);
      i = end;
    } else if (s.startsWith('(?', i)) {
      out += s.slice(i, i + 3);
      i += 3;
    } else if (c === '?') {
      i += 1;
    } else if (c === '{' && /^\{(?:\d+|0,1)\}/.test(s.slice(i))) {
      i = s.indexOf('}', i) + 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

// `\u{…}`, `\p{…}`, `\k<…>` run to their closing mark; other escapes are two characters.
function escapeEnd(s: string, i: number): number {
  const next = s[i + 1];
  const open = s[i + 2];
  if ((next === 'u' || next === 'p' || next === 'P') && open === '{') return s.indexOf('}', i) + 1;
  if (next === 'k' && open === '<') return s.indexOf('>', i) + 1;
  return i + 2;
}

function classEnd(s: string, i: number): number {
  let j = i + 1;
  while (j < s.length && s[j] !== ']') j += s[j] === '\\' ? 2 : 1;
  return j + 1;
}
