/**
 * The default queues of ../shared/spec/transcripts.md. Every queue but `sales` falls back to
 * `general`; `sales` waits for sales people, because a quote from the wrong team costs more
 * than a short wait.
 */
import type { QueueConfig } from './queue-config.ts';

const LANGUAGES = ['en', 'es', 'de', 'fr', 'pt'];
const OFFER_30S = { type: 'offer', timeoutSeconds: 30 } as const;

function queue(
  id: string,
  name: string,
  firstResponseSeconds: number,
  extra: Partial<QueueConfig> = {},
): QueueConfig {
  return {
    id,
    name,
    requiredSkills: [id],
    languages: LANGUAGES,
    fallback: ['general'],
    calendarId: 'business',
    sla: { firstResponseSeconds, longQueueMinutes: 15 },
    assignment: OFFER_30S,
    ...extra,
  };
}

export const DEFAULT_QUEUES: readonly QueueConfig[] = Object.freeze([
  queue('billing', 'Billing', 300),
  queue('technical', 'Technical support', 600),
  queue('retention', 'Customer care', 180),
  queue('sales', 'Sales', 300, { fallback: [], assignment: { type: 'pull' } }),
  // Security incidents do not wait for office hours.
  queue('trust_safety', 'Trust & Safety', 120, { calendarId: 'always' }),
  queue('general', 'Support', 300, { fallback: [] }),
]);

/** The default queues by id. */
export function defaultQueueMap(): ReadonlyMap<string, QueueConfig> {
  return new Map(DEFAULT_QUEUES.map((q) => [q.id, q]));
}

/** Calendars every config has: `business` (routing.businessHours) and `always`. */
export const BUILT_IN_CALENDARS = ['business', 'always'] as const;
