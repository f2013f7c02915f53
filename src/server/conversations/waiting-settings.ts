/**
 * Per-queue settings of what the customer hears while waiting: the team name, the long-queue
 * threshold (`routing.longQueueMinutes`, else the queue's default) and template overrides
 * (`routing.queueMessages`, per language). Built once from the config at boot.
 */
import { defaultQueueMap } from '../../core/routing/default-queues.ts';
import type { TemplateOverrides } from '../../core/sla/message-templates.ts';

export interface WaitingSettings {
  teamName(queue: string | null): string;
  longQueueMinutes(queue: string | null): number;
  overrides(queue: string | null): TemplateOverrides;
}

export interface WaitingSettingsConfig {
  readonly longQueueMinutes?: Readonly<Record<string, number>> | undefined;
  readonly queueMessages?: TemplateOverridesByQueue | undefined;
}

export type TemplateOverridesByQueue = Readonly<Record<string, TemplateOverrides>>;

const QUEUES = defaultQueueMap();
const DEFAULT_LONG_QUEUE_MINUTES = 15;

export function waitingSettings(routing: WaitingSettingsConfig): WaitingSettings {
  return {
    teamName: (queue) => (queue && QUEUES.get(queue)?.name) || queue || 'our team',
    longQueueMinutes: (queue) =>
      (queue && routing.longQueueMinutes?.[queue]) ||
      (queue && QUEUES.get(queue)?.sla.longQueueMinutes) ||
      DEFAULT_LONG_QUEUE_MINUTES,
    overrides: (queue) =>
      (queue && (routing.queueMessages?.[queue] ?? QUEUES.get(queue)?.messages)) || {},
  };
}
