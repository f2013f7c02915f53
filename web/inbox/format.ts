// Labels and numbers as agents read them: reason codes in words, waits as "4m 10s",
// priority as a level. Kept pure so components stay declarative.

import type { Conversation } from '../shared/api-types.ts';

const REASONS: Record<string, string> = {
  explicit_request: 'Asked for a person',
  topic_policy: 'Sensitive topic',
  security: 'Security',
  amount_threshold: 'High amount',
  negative_sentiment: 'Frustrated',
  repeated_failure: 'Bot failed',
  out_of_scope: 'Out of scope',
  high_value: 'Sales opportunity',
  session_timeout: 'Long session',
  bot_error: 'Bot error',
  approval_required: 'Needs approval',
};

export function reasonLabel(code: string): string {
  return REASONS[code] ?? code.replace(/_/g, ' ');
}

const CHANNELS: Record<string, string> = {
  web: 'Web chat',
  api: 'API',
  whatsapp: 'WhatsApp',
  messenger: 'Messenger',
  instagram: 'Instagram',
  telegram: 'Telegram',
  sms: 'SMS',
  email: 'Email',
  voice: 'Phone call',
};

/** The channels an agent may filter the history by, in the order the filter lists them. */
export const CHANNEL_IDS: readonly string[] = Object.keys(CHANNELS);

export function channelLabel(channel: string): string {
  return CHANNELS[channel] ?? channel;
}

/** A queue's display name from the server (queue-names.ts); its id until the names load. */
export function queueLabel(
  queue: string | null | undefined,
  names: ReadonlyMap<string, string>,
): string {
  if (!queue) return 'No queue';
  return names.get(queue) ?? queue;
}

export type PriorityLevel = 'urgent' | 'high' | 'normal' | 'low';

export function priorityLevel(priority: number | null | undefined): PriorityLevel {
  const p = priority ?? 0;
  if (p >= 80) return 'urgent';
  if (p >= 60) return 'high';
  if (p >= 30) return 'normal';
  return 'low';
}

/** When the customer started waiting for a person. */
export function waitingSince(conversation: Conversation): string {
  return (
    conversation.handoff?.at ??
    conversation.handedOverAt ??
    conversation.updatedAt ??
    conversation.createdAt
  );
}

export function duration(fromIso: string, now: number): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 1000));
  if (Number.isNaN(seconds)) return '';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${minutes % 60}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

export function clockTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** "3 Dec, 14:05": when something happened in the history, beyond today. */
export function dayAndTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleString([], {
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
      });
}

export function customerName(conversation: Conversation): string {
  return conversation.customer?.name || conversation.customer?.email || 'Website visitor';
}

export const STATUS_LABELS: Record<Conversation['status'], string> = {
  bot: 'With bot',
  intake: 'Intake',
  queued: 'Waiting',
  offered: 'Offered',
  assigned: 'Assigned',
  deferred: 'Deferred',
  resolved: 'Resolved',
  abandoned: 'Abandoned',
};

const FIELDS: Record<string, string> = {
  order_id: 'order number',
  email: 'email address',
  phone: 'phone number',
  account_id: 'account number',
  amount: 'amount',
  goal: 'problem',
  name: 'name',
};

/** A packet field's name as words ("order_id" → "order number"). */
export function fieldLabel(field: string): string {
  return FIELDS[field] ?? field.replace(/_/g, ' ');
}

/** A packet field's value as text: amounts with their currency. */
export function fieldText(value: string | { value: number; currency: string }): string {
  if (typeof value === 'string') return value;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: value.currency }).format(
      value.value,
    );
  } catch {
    return `${value.value} ${value.currency}`;
  }
}

export const SENTIMENT_LABELS: Record<string, string> = {
  positive: 'Positive',
  neutral: 'Neutral',
  frustrated: 'Frustrated',
  angry: 'Angry',
};

export const TREND_LABELS: Record<string, string> = {
  improving: '↗ improving',
  steady: '→ steady',
  worsening: '↘ worsening',
};

/** "rule:sensitive-topic" → "sensitive topic"; "base" stays. */
export function contributionLabel(source: string): string {
  return source.replace(/^rule:/, '').replace(/[-_]/g, ' ');
}

export function languageLabel(code: string | null | undefined): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code.toUpperCase();
  } catch {
    return code.toUpperCase();
  }
}
