/**
 * Holds the escalation policy in force. It starts from the configured file (or the built-in
 * default) and reloads on request or when the file changes; an invalid new version is
 * refused with its problems, and the last good policy stays in force.
 */
import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import {
  getDefaultPolicy,
  loadPolicy,
  type Policy,
  type PolicyProblem,
} from '../../core/policy/index.ts';

export interface PolicyStatus {
  readonly version: string;
  readonly file: string | null;
  readonly loadedAt: string;
  /** The problems of the last refused reload, if the newest file is not the one in force. */
  readonly lastRejected: { readonly at: string; readonly problems: string[] } | null;
}

export type ReloadResult =
  | { readonly ok: true; readonly version: string }
  | { readonly ok: false; readonly problems: string[] };

export interface PolicySource {
  current(): Policy;
  status(): PolicyStatus;
  reload(): ReloadResult;
  close(): void;
}

export function formatProblems(file: string, problems: readonly PolicyProblem[]): string[] {
  return problems.map((p) => `${file}:${p.line}:${p.column}: ${p.path || '(root)'}: ${p.message}`);
}

/**
 * The queues a policy sends conversations to must exist (`routing.queues`), or those
 * conversations would wait in a queue nobody serves.
 */
export function unknownQueueProblems(
  policy: Policy,
  knownQueues: readonly string[] | undefined,
  where: string,
): string[] {
  if (!knownQueues) return [];
  const known = new Set(knownQueues);
  const named: [string, string][] = [
    ['queues.default', policy.queues.default],
    ...Object.entries(policy.queues.topics).map(([topic, queue]): [string, string] => [
      `queues.topics.${topic}`,
      queue,
    ]),
    ...policy.rules.flatMap((rule): [string, string][] =>
      rule.queue ? [[`rules.${rule.id}.queue`, rule.queue]] : [],
    ),
  ];
  return named
    .filter(([, queue]) => !known.has(queue))
    .map(
      ([path, queue]) =>
        `${where}: ${path}: unknown queue "${queue}" (the queues are ${[...known].join(', ')})`,
    );
}

function readPolicy(
  file: string,
  knownQueues?: readonly string[],
): { ok: true; policy: Policy } | { ok: false; problems: string[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, problems: [`${file}: ${(error as Error).message}`] };
  }
  const result = loadPolicy(text, file);
  if (!result.ok) return { ok: false, problems: formatProblems(file, result.errors) };
  const problems = unknownQueueProblems(result.policy, knownQueues, file);
  return problems.length ? { ok: false, problems } : result;
}

export interface PolicySourceOptions {
  readonly file?: string;
  readonly clock: () => Date;
  /** Reload when the file changes (polling, so it also works on network and container mounts). */
  readonly watch?: boolean;
  readonly onReload?: (result: ReloadResult) => void;
  /** The queues in force; a policy naming another is refused. */
  readonly knownQueues?: readonly string[];
}

/** Throws with every problem listed when the initial policy is invalid: Baton does not start on it. */
export function createPolicySource(options: PolicySourceOptions): PolicySource {
  const file = options.file ?? null;
  let policy: Policy;
  if (file) {
    const first = readPolicy(file, options.knownQueues);
    if (!first.ok)
      throw new Error(`the escalation policy is invalid:\n  - ${first.problems.join('\n  - ')}`);
    policy = first.policy;
  } else {
    policy = getDefaultPolicy();
    const problems = unknownQueueProblems(policy, options.knownQueues, 'the built-in policy');
    if (problems.length)
      throw new Error(
        `the built-in escalation policy sends conversations to queues routing.queues does not have; set policy.file:\n  - ${problems.join('\n  - ')}`,
      );
  }
  let loadedAt = options.clock().toISOString();
  let lastRejected: PolicyStatus['lastRejected'] = null;

  const reload = (): ReloadResult => {
    if (!file) {
      policy = getDefaultPolicy();
      return { ok: true, version: policy.version };
    }
    const next = readPolicy(file, options.knownQueues);
    if (!next.ok) {
      lastRejected = { at: options.clock().toISOString(), problems: next.problems };
      return { ok: false, problems: next.problems };
    }
    policy = next.policy;
    loadedAt = options.clock().toISOString();
    lastRejected = null;
    return { ok: true, version: policy.version };
  };

  if (file && options.watch) {
    watchFile(file, { interval: 1000 }, () => options.onReload?.(reload()));
  }
  return {
    current: () => policy,
    status: () => ({ version: policy.version, file, loadedAt, lastRejected }),
    reload,
    close: () => {
      if (file && options.watch) unwatchFile(file);
    },
  };
}
