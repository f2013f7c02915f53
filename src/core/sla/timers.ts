/**
 * Timer kinds that keep waiting conversations moving. The server stores them in the database so
 * they survive a restart; the core only says which timers a conversation needs and checks that
 * none is missing.
 */

export const TIMER_KINDS = [
  'offer_timeout',
  'sla_breach',
  'follow_up_due',
  'customer_inactivity',
] as const;

export type TimerKind = (typeof TIMER_KINDS)[number];

/** What a first-response SLA breach does, in escalating order. */
export type SlaAction = 'priority_bump' | 'overflow' | 'supervisor_alert';

interface TimerBase {
  readonly conversationId: string;
  readonly dueAt: Date;
  /** Absent means pending. */
  readonly status?: 'pending' | 'fired' | 'cancelled';
}

export type Timer =
  | (TimerBase & { readonly kind: 'offer_timeout'; readonly agentId: string })
  | (TimerBase & {
      readonly kind: 'sla_breach';
      readonly action: SlaAction;
      readonly stage: number;
    })
  | (TimerBase & { readonly kind: 'follow_up_due' })
  | (TimerBase & { readonly kind: 'customer_inactivity' });

/** The timer that must be pending for each waiting state: the one that moves it on. */
export const MOVING_TIMER: Readonly<Record<'queued' | 'offered' | 'deferred', TimerKind>> = {
  queued: 'sla_breach',
  offered: 'offer_timeout',
  deferred: 'follow_up_due',
};
