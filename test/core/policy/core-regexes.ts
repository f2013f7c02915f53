// Every regular expression in src/core, for checks that must see all of them. Literals are read
// from the source (a private constant is not reachable by import); those built with
// `new RegExp(…)` are recorded as they are built, while every module of src/core is loaded afresh
// and the decision path runs over a few messages (some are built inside functions, or from the
// policy's own field patterns). Each `new RegExp` in the source must have been seen built, so a
// new one that these runs do not reach fails the check instead of escaping it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { vi } from 'vitest';
import type * as PolicyModule from '../../../src/core/policy/index.ts';

const ROOT = join(import.meta.dirname, '../../..');
const CORE = join(ROOT, 'src/core');

export interface CoreRegex {
  re: RegExp;
  /** Where it is written or built: `src/core/signals/topic-lexicon.ts:139`. */
  site: string;
}

export interface CoreRegexes {
  found: CoreRegex[];
  /** `new RegExp` sites in the source that no run reached. */
  unreached: string[];
}

/** Messages that walk the decision path through its function-local patterns. */
const EXERCISE = [
  'I want to talk to a human agent please',
  "un vrai humain, s'il vous plaît !",
  'echte Person bitte',
  'alguien real por favor',
  'jemand echtes',
  'someone real',
  'quelqu un reel',
  'My order never arrived so please cancel the payment, I was charged $40 twice',
  'quiero hablar con una persona, me cobraron 30,00 € dos veces',
  'Ich möchte mit einem Mitarbeiter sprechen, Bestellnummer AB-12345',
  'quero falar com um atendente, meu email é ana@example.com',
];

function coreFiles(dir = CORE): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return coreFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

interface SourceScan {
  literals: CoreRegex[];
  constructionSites: string[];
}

function scanSource(files: string[]): SourceScan {
  const literals: CoreRegex[] = [];
  const constructionSites: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const siteOf = (node: ts.Node) =>
      `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.text;
        const end = text.lastIndexOf('/');
        literals.push({
          re: new RegExp(text.slice(1, end), text.slice(end + 1)),
          site: siteOf(node),
        });
      } else if (
        ts.isNewExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        constructionSites.push(siteOf(node));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, constructionSites };
}

// The caller of the constructor, as `src/core/…:line` when it is in src/core (Vitest maps the
// stack back to the TypeScript source); a library's own patterns, built on import, are not ours.
function constructionSite(stack: string): string | undefined {
  const caller = stack.split('\n')[2] ?? '';
  const frame = /(src\/core\/[^\s:()]+\.ts):(\d+):\d+/.exec(caller);
  return frame ? `${frame[1]}:${frame[2]}` : undefined;
}

async function recordConstructed(files: string[]): Promise<CoreRegex[]> {
  const Native = globalThis.RegExp;
  const built: CoreRegex[] = [];
  globalThis.RegExp = new Proxy(Native, {
    construct(target, args, newTarget) {
      const re = Reflect.construct(target, args, newTarget) as RegExp;
      const site = constructionSite(new Error().stack ?? '');
      if (site) built.push({ re, site });
      return re;
    },
  });
  try {
    // Afresh: a worker keeps modules loaded by earlier files, whose patterns are already built.
    vi.resetModules();
    for (const file of files) await import(file);
    const policy = (await import(join(CORE, 'policy/index.ts'))) as typeof PolicyModule;
    const rules = policy.getDefaultPolicy();
    for (const text of EXERCISE) {
      policy.evaluatePolicy({ channel: 'web', turns: [{ from: 'customer', text }] }, rules);
    }
  } finally {
    globalThis.RegExp = Native;
    vi.resetModules();
  }
  return built;
}

export async function collectCoreRegexes(): Promise<CoreRegexes> {
  const files = coreFiles();
  const { literals, constructionSites } = scanSource(files);
  const built = await recordConstructed(files);
  const reached = new Set(built.map((b) => b.site));
  const found = new Map<string, CoreRegex>();
  for (const r of [...literals, ...built]) found.set(`${r.re.source}/${r.re.flags}`, r);
  return {
    found: [...found.values()],
    unreached: constructionSites.filter((s) => !reached.has(s)),
  };
}
