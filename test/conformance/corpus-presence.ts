// Whether the shared corpus is beside the clone: its suite runs when it is, skips with the
// reason printed when it is not, and fails under CI=true, where CI checks the clone out next
// to it and a missing corpus must not pass silently.
import { existsSync } from 'node:fs';

/** The files the conformance suite reads, under `sharedDir` (ends with a slash). */
export function corpusPaths(sharedDir: string) {
  return {
    channelsDir: `${sharedDir}data/channels/`,
    scenariosFile: `${sharedDir}scenarios/public.jsonl`,
    scorerFile: `${sharedDir}scenarios/score.mjs`,
  };
}

/** Why the conformance suite cannot run, or null when it can; throws under CI. */
export function corpusMissingReason(sharedDir: string, ci: boolean): string | null {
  const missing = Object.values(corpusPaths(sharedDir)).filter((p) => !existsSync(p));
  if (missing.length === 0) return null;
  const reason = `shared corpus not found: ${missing.join(', ')}`;
  if (ci) throw new Error(`${reason} (CI=true: nothing may skip)`);
  return reason;
}
