/**
 * Per-queue settings of what the customer hears while waiting: the team name, the long-queue
 * threshold (`routing.longQueueMinutes`, else the queue's default) and template overrides
 * (`routing.queueMessages`, per language). Built once from the config at boot.
 */
import type { CustomerTextOverrides } from '../../core/i18n/customer-text.ts';
import { queueCatalog, type QueueCatalog } from '../routing/queue-catalog.ts';

export interface WaitingSettings {
  /** The queue's team name in the customer's language (QueueCatalog.teamName). */
  teamName(queue: string | null, language?: string | null): string;
  longQueueMinutes(queue: string | null): number;
  overrides(queue: string | null): CustomerTextOverrides;
}

export interface WaitingSettingsConfig {
  readonly longQueueMinutes?: Readonly<Record<string, number>> | undefined;
  readonly queueMessages?: TemplateOverridesByQueue | undefined;
}

export type TemplateOverridesByQueue = Readonly<Record<string, CustomerTextOverrides>>;

const DEFAULT_LONG_QUEUE_MINUTES = 15;

export function waitingSettings(
  routing: WaitingSettingsConfig,
  queues: QueueCatalog = queueCatalog(),
): WaitingSettings {
  return {
    teamName: (queue, language) => queues.teamName(queue, language),
    longQueueMinutes: (queue) =>
      (queue && routing.longQueueMinutes?.[queue]) ||
      queues.get(queue)?.sla.longQueueMinutes ||
      DEFAULT_LONG_QUEUE_MINUTES,
    overrides: (queue) =>
      (queue && (routing.queueMessages?.[queue] ?? queues.get(queue)?.messages)) || {},
  };
}
