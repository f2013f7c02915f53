// Scores the held-out conversations (eval/heldout/*.jsonl) with the shared scorer, overall and
// per language, so a change that helps one language and hurts another shows.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scoreScenarios } from './score-scenarios.ts';

const DIR = 'eval/heldout';

function scoreLine(output: string): string {
  return output.split('\n').find((l) => l.startsWith('score:')) ?? output.trim();
}

/** The scorer's summary line for each held-out file, and for each language within it. */
export function scoreHeldout(policyFile?: string): string {
  const tmp = mkdtempSync(join(tmpdir(), 'baton-heldout-'));
  const lines: string[] = [];
  try {
    for (const file of readdirSync(DIR).filter((f) => f.endsWith('.jsonl'))) {
      const path = join(DIR, file);
      lines.push(`${file}: ${scoreLine(scoreScenarios(path, policyFile))}`);
      const byLanguage = new Map<string, string[]>();
      for (const line of readFileSync(path, 'utf8').split('\n').filter(Boolean)) {
        const language = String((JSON.parse(line) as { language?: string }).language ?? 'en');
        const primary = language.split('-')[0]!.toLowerCase();
        byLanguage.set(primary, [...(byLanguage.get(primary) ?? []), line]);
      }
      for (const [language, rows] of [...byLanguage].sort()) {
        const part = join(tmp, `${file}.${language}.jsonl`);
        writeFileSync(part, `${rows.join('\n')}\n`);
        lines.push(
          `  ${language} (${rows.length}): ${scoreLine(scoreScenarios(part, policyFile))}`,
        );
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return lines.join('\n');
}
