/**
 * The first-response target of a queue: `routing.queueSlaSeconds[queue]` when the operator
 * set one, else the queue's own `sla.firstResponseSeconds` when the operator configured the
 * queues (`routing.queues`), else the team-wide `routing.firstResponseSlaSeconds`. Every place that (re)arms an
 * SLA timer asks this, so a conversation that moves queue is measured by its new team's SLA.
 */

export type SlaMsFor = (queue: string | null) => number;

export interface QueueSlaSettings {
  readonly firstResponseSlaSeconds: number;
  readonly queueSlaSeconds?: Readonly<Record<string, number>> | undefined;
  readonly queues?:
    | readonly { readonly id: string; readonly sla: { readonly firstResponseSeconds: number } }[]
    | undefined;
}

export function queueSlaMs(routing: QueueSlaSettings): SlaMsFor {
  const configured = new Map(routing.queues?.map((q) => [q.id, q.sla.firstResponseSeconds]));
  return (queue) =>
    1000 *
    ((queue && (routing.queueSlaSeconds?.[queue] ?? configured.get(queue))) ||
      routing.firstResponseSlaSeconds);
}
