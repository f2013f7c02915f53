/**
 * A conversation's timers and webhook delivery log as a person's export shows them: what is
 * about the person (what waits to be sent to them, where and when their events were delivered),
 * never the operator's secrets. Timer data is copied without any key that names a credential
 * (a provider token, a signature, a webhook secret); a delivery names its receiver by origin
 * only, since a webhook URL may carry a token in its path, query or user part.
 */
import { isLifecycleTimer } from '../../core/conversation/timer-kinds.ts';
import type { StoredTimer } from '../../store/timer-repository.ts';
import type { WebhookDelivery } from '../../store/webhook-delivery-repository.ts';

export interface ExportedTimer {
  readonly kind: string;
  readonly status: string;
  readonly dueAt: string;
  readonly createdAt: string;
  readonly firedAt: string | null;
  readonly attempts: number;
  readonly data: Record<string, unknown>;
}

export interface ExportedWebhookDelivery {
  readonly id: string;
  readonly seq: number;
  readonly type: string;
  /** The receiving site's origin (`https://hooks.example.com`), never its path or query. */
  readonly receiver: string;
  readonly status: string;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

// Key names of credentials; such a key is dropped at any depth of a timer's data.
const SECRET_KEY =
  /token|secret|signature|password|passwd|authori[sz]ation|api_?key|credential|cookie|bearer/i;
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s'"<>]+/gi;

/** A conversation's timers, split: `timers` (its lifecycle) and `outbox` (sends waiting or done). */
export function exportedTimers(timers: readonly StoredTimer[]): {
  timers: ExportedTimer[];
  outbox: ExportedTimer[];
} {
  const lifecycle: ExportedTimer[] = [];
  const outbox: ExportedTimer[] = [];
  for (const t of timers) {
    const row: ExportedTimer = {
      kind: t.kind,
      status: t.status,
      dueAt: t.dueAt,
      createdAt: t.createdAt,
      firedAt: t.firedAt,
      attempts: t.attempts,
      data: withoutSecrets(t.data) as Record<string, unknown>,
    };
    (isLifecycleTimer(t.kind) ? lifecycle : outbox).push(row);
  }
  return { timers: lifecycle, outbox };
}

export function exportedWebhookDeliveries(
  deliveries: readonly WebhookDelivery[],
): ExportedWebhookDelivery[] {
  return deliveries.map((d) => ({
    id: d.id,
    seq: d.seq,
    type: d.type,
    receiver: originOf(d.url),
    status: d.status,
    attempts: d.attempts,
    // A fetch error can quote the URL it was given, credentials and all.
    lastError: d.lastError === null ? null : d.lastError.replace(URL_IN_TEXT, originOf),
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  }));
}

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !SECRET_KEY.test(key))
      .map(([key, inner]) => [key, withoutSecrets(inner)]),
  );
}

function originOf(url: string): string {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? '(not a web address)' : origin;
  } catch {
    return '(not a web address)';
  }
}
