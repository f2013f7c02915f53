/**
 * The target of a transfer or reassign body: exactly one of a known queue or an agent id.
 * Checked here rather than with a schema union, whose errors would not say what is wrong.
 */
import { BatonError } from '../../core/errors/baton-error.ts';
import type { QueueCatalog } from '../../app/routing/queue-catalog.ts';

export type TransferTarget = { readonly queue: string } | { readonly agentId: string };

export function transferTarget(
  body: { queue?: string; agentId?: string },
  queues: QueueCatalog,
): TransferTarget {
  if ((body.queue === undefined) === (body.agentId === undefined)) {
    throw new BatonError('VALIDATION_FAILED', 'Give exactly one of `queue` and `agentId`.');
  }
  if (body.agentId !== undefined) return { agentId: body.agentId };
  const queue = body.queue as string;
  if (!queues.has(queue)) {
    throw new BatonError(
      'VALIDATION_FAILED',
      `Unknown queue "${queue}"; the queues are ${queues.list.map((q) => q.id).join(', ')}.`,
    );
  }
  return { queue };
}
