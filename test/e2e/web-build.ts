// Makes sure dist/web is there and not older than web/ before a browser test serves it:
// a stale bundle would test yesterday's widget. Building takes about a second.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const outputs = [
  'dist/web/index.html',
  'dist/web/inbox/index.html',
  'dist/web/dashboard/index.html',
  'dist/web/widget.js',
];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Runs `npm run build:web` when an output is missing or a source is newer than it. */
export function ensureWebBuild(): void {
  const paths = outputs.map((p) => join(repoRoot, p));
  const built = paths.every((p) => existsSync(p))
    ? Math.min(...paths.map((p) => statSync(p).mtimeMs))
    : 0;
  // The widget bundles its English words from src/core/i18n.
  const sources = Math.max(
    newestSource(join(repoRoot, 'web')),
    newestSource(join(repoRoot, 'src/core/i18n')),
  );
  if (built > sources) return;
  execFileSync('npm', ['run', '--silent', 'build:web'], { cwd: repoRoot, stdio: 'inherit' });
}
