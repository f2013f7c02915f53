/**
 * What each team needs to start without asking ("Share details first" offers to collect it).
 * The same fields the default policy's rules collect for those queues.
 */
import type { FieldValue } from '../../core/handoff/handoff-packet.ts';
import { MAX_INTAKE_QUESTIONS } from './intake-questions.ts';

export const QUEUE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  billing: ['order_id', 'email'],
  technical: ['account_id', 'email'],
  retention: ['account_id'],
  trust_safety: ['email', 'account_id'],
  sales: [],
  general: [],
};

/** Fields the queue needs that neither the conversation nor the customer profile holds. */
export function missingQueueFields(
  queue: string,
  fields: Readonly<Record<string, unknown>>,
  customer: Readonly<Record<string, unknown>>,
): string[] {
  return (QUEUE_FIELDS[queue] ?? [])
    .filter((f) => fields[f] === undefined && typeof customer[f] !== 'string')
    .slice(0, MAX_INTAKE_QUESTIONS);
}

/** The handoff summary with fields added both beside it and in the packet the agent reads. */
export function withCollected<T extends { readonly [key: string]: unknown }>(
  handoff: T,
  added: Readonly<Record<string, FieldValue>>,
): T {
  const fields = { ...((handoff.fields as Record<string, unknown> | undefined) ?? {}), ...added };
  const packet = handoff.packet as { fields?: Record<string, unknown> } | undefined;
  return {
    ...handoff,
    fields,
    ...(packet ? { packet: { ...packet, fields: { ...(packet.fields ?? {}), ...added } } } : {}),
  };
}
