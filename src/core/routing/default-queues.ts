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

/**
 * Each default team's name in the customer's language (English is `name`), looked up like the
 * catalogue (core/i18n/customer-text.ts `byLanguage`): "pt-PT" first, then "pt".
 */
const NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  billing: {
    es: 'Facturación',
    de: 'Abrechnung',
    fr: 'Facturation',
    pt: 'Faturamento',
    'pt-PT': 'Faturação',
  },
  technical: {
    es: 'Soporte técnico',
    de: 'Technischer Support',
    fr: 'Support technique',
    pt: 'Suporte técnico',
    'pt-PT': 'Apoio técnico',
  },
  retention: {
    es: 'Atención al cliente',
    de: 'Kundenbetreuung',
    fr: 'Service client',
    pt: 'Atendimento ao cliente',
    'pt-PT': 'Apoio ao cliente',
  },
  sales: { es: 'Ventas', de: 'Vertrieb', fr: 'Ventes', pt: 'Vendas' },
  trust_safety: {
    es: 'Confianza y seguridad',
    de: 'Vertrauen & Sicherheit',
    fr: 'Confiance et sécurité',
    pt: 'Confiança e segurança',
  },
  general: { es: 'Soporte', de: 'Support', fr: 'Support', pt: 'Suporte', 'pt-PT': 'Apoio' },
};

export const DEFAULT_QUEUES: readonly QueueConfig[] = Object.freeze(
  [
    queue('billing', 'Billing', 300),
    queue('technical', 'Technical support', 600),
    queue('retention', 'Customer care', 180),
    queue('sales', 'Sales', 300, { fallback: [], assignment: { type: 'pull' } }),
    // Security incidents do not wait for office hours.
    queue('trust_safety', 'Trust & Safety', 120, { calendarId: 'always' }),
    queue('general', 'Support', 300, { fallback: [] }),
  ].map((q) => ({ ...q, names: NAMES[q.id] })),
);

/** The default queues by id. */
export function defaultQueueMap(): ReadonlyMap<string, QueueConfig> {
  return new Map(DEFAULT_QUEUES.map((q) => [q.id, q]));
}

/** Calendars every config has: `business` (routing.businessHours) and `always`. */
export const BUILT_IN_CALENDARS = ['business', 'always'] as const;
