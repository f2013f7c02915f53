/**
 * `baton policy check <file>`: validate an escalation policy; every problem is printed as
 * `file:line:col: message` and the command exits 1. `baton policy default` prints the built-in
 * policy, a starting point for your own.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  DEFAULT_POLICY_YAML,
  loadPolicy,
  type LoadPolicyResult,
  type Policy,
} from '../../core/policy/index.ts';

/** Reads and loads a policy file; IO failures become a single problem at 1:1. */
export async function loadPolicyFile(file: string): Promise<LoadPolicyResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return {
      ok: false,
      source: file,
      errors: [
        { line: 1, column: 1, path: '', message: `cannot read file: ${(err as Error).message}` },
      ],
    };
  }
  return loadPolicy(text, file);
}

/** Prints each problem as `file:line:col: message` on stderr. */
export function printPolicyProblems(result: Exclude<LoadPolicyResult, { ok: true }>): void {
  for (const e of result.errors) {
    const where = e.path ? ` (at ${e.path})` : '';
    process.stderr.write(`${result.source}:${e.line}:${e.column}: ${e.message}${where}\n`);
  }
}

/** Loads a policy file or prints its problems and returns null. */
export async function loadPolicyOrReport(file: string): Promise<Policy | null> {
  const result = await loadPolicyFile(file);
  if (result.ok) return result.policy;
  printPolicyProblems(result);
  return null;
}

export function registerPolicyCommand(program: Command): void {
  const policy = program.command('policy').description('escalation policy tools');
  policy
    .command('check')
    .description('validate a policy file; exit 1 with file:line:col for each problem')
    .argument('<file>', 'policy YAML file')
    .action(async (file: string) => {
      const result = await loadPolicyFile(file);
      if (!result.ok) {
        printPolicyProblems(result);
        process.exitCode = 1;
        return;
      }
      const p = result.policy;
      process.stdout.write(`${file}: ok (version ${p.version}, ${p.rules.length} rules)\n`);
    });
  policy
    .command('default')
    .description('print the built-in default policy')
    .action(() => {
      process.stdout.write(DEFAULT_POLICY_YAML);
    });
}
