// Runs once before the suite, in one process: the web apps are built here (when a source is
// newer than the bundle), not by each browser test file, because several files building
// dist/web at the same time delete each other's output.
import { ensureWebBuild } from './e2e/web-build.ts';

export default async function globalSetup(): Promise<void> {
  ensureWebBuild();
}
