/**
 * Parses queue configuration (already decoded from YAML or JSON) into frozen `QueueConfig`s.
 * Every problem is reported with its path, all together, as the config loader expects; a
 * fallback naming an unknown queue or the queue itself is a problem, not a silent no-op.
 */
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { QueueConfigSchema, type QueueConfig } from './queue-config.ts';

export interface QueueConfigProblem {
  /** JSON pointer into the input, e.g. "/2/fallback/0". */
  readonly path: string;
  readonly message: string;
}

export type ParseQueuesResult =
  | { readonly ok: true; readonly queues: readonly QueueConfig[] }
  | { readonly ok: false; readonly problems: readonly QueueConfigProblem[] };

const QueueListSchema = Type.Array(QueueConfigSchema, { minItems: 1 });

/** Validates a list of queues; `calendarIds`, when given, must contain every calendar named. */
export function parseQueues(raw: unknown, calendarIds?: readonly string[]): ParseQueuesResult {
  const value: unknown = Value.Default(QueueListSchema, Value.Clone(raw));
  const problems: QueueConfigProblem[] = [...Value.Errors(QueueListSchema, value)].map((e) => ({
    path: e.path,
    message: e.message,
  }));
  if (problems.length > 0) return { ok: false, problems };
  const queues = value as QueueConfig[];
  const ids = new Set<string>();
  queues.forEach((q, i) => {
    if (ids.has(q.id)) problems.push({ path: `/${i}/id`, message: `duplicate queue "${q.id}"` });
    ids.add(q.id);
  });
  queues.forEach((q, i) => {
    q.fallback.forEach((f, j) => {
      const path = `/${i}/fallback/${j}`;
      if (f === q.id) problems.push({ path, message: 'a queue cannot fall back to itself' });
      else if (!ids.has(f)) problems.push({ path, message: `unknown queue "${f}"` });
    });
    if (calendarIds !== undefined && !calendarIds.includes(q.calendarId)) {
      problems.push({ path: `/${i}/calendarId`, message: `unknown calendar "${q.calendarId}"` });
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, queues: Object.freeze(queues.map((q) => Object.freeze(q))) };
}
