/** Loads the configuration for a CLI command, or prints every problem and exits with 2. */
import { loadConfig, type ResolvedConfig } from '../config/load-config.ts';

export function resolveConfigOrExit(): ResolvedConfig {
  const result = loadConfig({ env: process.env, cwd: process.cwd() });
  if (!result.ok) {
    console.error('baton: the configuration is invalid:');
    for (const error of result.errors) console.error(`  - ${error}`);
    process.exit(2);
  }
  return result.config;
}
