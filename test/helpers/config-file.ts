/** A Baton config file with `yaml` in a fresh temporary folder, for a test server's BATON_CONFIG. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes `yaml` to `baton.config.yaml` in a new temporary folder; returns the file's path. */
export function configFile(yaml: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'baton-config-')), 'baton.config.yaml');
  writeFileSync(path, yaml);
  return path;
}
