// Every package the server imports at run time is in `dependencies` (issue 13: wink-nlp was a
// devDependency while src/core used it), so `npm ci --omit=dev` in a deployment has it.
// Read from the sources' text: a value import (not `import type`), a re-export, a side-effect
// import or a dynamic `import()` of a bare specifier, in any .ts or .mjs file under src/.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const VALUE_IMPORT =
  /^\s*(?:import|export)\s+(?!type\b)[^;'"]*?\bfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`; relative and built-ins → null. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) {
    return null;
  }
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return builtinModules.includes(name) ? null : name;
}

function runtimePackages(sources: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const text of sources) {
    for (const match of text.matchAll(VALUE_IMPORT)) {
      const name = packageOf(match[1] ?? match[2] ?? match[3]!);
      if (name) found.add(name);
    }
  }
  return found;
}

describe('runtime dependencies', () => {
  it('every package src/ imports at run time is a dependency, not a devDependency', () => {
    const files = (readdirSync('src', { recursive: true }) as string[])
      .filter((f) => /\.(ts|mjs)$/.test(f) && !/\.test\.ts$/.test(f))
      .map((f) => readFileSync(join('src', f), 'utf8'));
    const used = runtimePackages(files);
    expect(used.has('wink-nlp')).toBe(true);
    const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect([...used].filter((name) => !(name in dependencies)).sort()).toEqual([]);
  });

  it('the check reads multi-line, re-exported, side-effect and dynamic imports, not types', () => {
    const text = [
      "import {\n  a,\n  b,\n} from 'wink-nlp';",
      "export { c } from '@scope/pkg/sub';",
      "import 'side-effect';",
      "const m = await import('dynamic');",
      "import type { T } from 'types-only';",
      "import { x } from './relative.ts';",
      "import { readFileSync } from 'node:fs';",
      "import { join } from 'path';",
    ].join('\n');
    expect([...runtimePackages([text])].sort()).toEqual([
      '@scope/pkg',
      'dynamic',
      'side-effect',
      'wink-nlp',
    ]);
  });
});
