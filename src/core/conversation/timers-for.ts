/**
 * `timersFor(state, policy)`: the lifecycle timers that must be pending for a conversation
 * in this state, and nothing else. Pure. The conversation writer applies it on every commit
 * (cancels what is no longer due, schedules what is missing), so every open conversation
 * always has a connected owner within the reply deadline or a pending timer that moves it
 * on: the no-dead-ends invariant holds by construction.
 */
import type { ConversationState } from './conversation-state.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { LifecycleTimerKind } from './timer-kinds.ts';

export interface TimerPolicy {
  /** First-response target of a queue, in seconds. */
  slaSeconds(queue: string | null): number;
  /** How long an agent has to accept an offer of this queue. */
  offerSeconds(queue: string | null): number;
  /** Silent assigned agent: nudge, then alert the supervisor, then re-queue (seconds after the customer's message). */
  readonly replyDeadline: {
    readonly nudgeSeconds: number;
    readonly alertSeconds: number;
    readonly requeueSeconds: number;
  };
  /** A web customer away this long while waiting has left. */
  readonly abandonAfterSeconds: number;
  /**
   * The satisfaction survey of conversations the bot handles alone: asked of the sampled ones
   * (`sampled`, by conversation id) this long after the bot's last answer, or at once when
   * that answer was to a goodbye or a thank-you. Absent: bot-only conversations are not asked.
   */
  readonly botSurvey?: {
    readonly quietSeconds: number;
    sampled(conversationId: string, channel: string | null): boolean;
  };
}

export interface TimerState {
  /** The conversation's id and channel: the bot-only survey's sample is decided by them. */
  readonly id?: string;
  readonly channel?: string;
  readonly status: ConversationState;
  readonly queue: string | null;
  readonly offeredTo: string | null;
  readonly lifecycle: Lifecycle;
}

export interface DueTimer {
  readonly kind: LifecycleTimerKind;
  readonly dueAt: Date;
  readonly data: Readonly<Record<string, unknown>>;
}

const after = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000);

export function timersFor(s: TimerState, policy: TimerPolicy): DueTimer[] {
  const l = s.lifecycle;
  const out: DueTimer[] = [];
  const waiting = s.status === 'queued' || s.status === 'offered';
  if (waiting && l.slaFrom) {
    out.push({
      kind: 'sla.first_response',
      dueAt: after(l.slaFrom, policy.slaSeconds(s.queue)),
      data: { stage: l.slaStage },
    });
  }
  if (s.status === 'offered' && l.offeredAt && s.offeredTo) {
    out.push({
      kind: 'offer.expire',
      dueAt: after(l.offeredAt, policy.offerSeconds(s.queue)),
      data: { agentId: s.offeredTo },
    });
  }
  if (waiting && l.promisedBy) {
    out.push({ kind: 'promise.due', dueAt: new Date(l.promisedBy), data: {} });
  }
  if (s.status === 'deferred' && l.followUp) {
    const { at, ...rest } = l.followUp;
    out.push({ kind: 'follow_up.due', dueAt: new Date(at), data: rest });
  }
  if ((waiting || s.status === 'deferred') && l.customerAwaySince) {
    out.push({
      kind: 'customer.inactivity',
      dueAt: after(l.customerAwaySince, policy.abandonAfterSeconds),
      data: {},
    });
  }
  if (s.status === 'assigned' && l.awaitingAgentSince && l.replyStage < 3) {
    const d = policy.replyDeadline;
    const seconds = [d.nudgeSeconds, d.alertSeconds, d.requeueSeconds][l.replyStage] as number;
    out.push({
      kind: 'agent.reply_due',
      dueAt: after(l.awaitingAgentSince, seconds),
      data: { stage: l.replyStage },
    });
  }
  const survey = botSurveyDue(s, policy);
  if (survey) out.push({ kind: 'bot_survey.due', dueAt: survey, data: {} });
  return out;
}

/** Only with the bot, never out of its hands, never asked yet, answered, and in the sample. */
function botSurveyDue(s: TimerState, policy: TimerPolicy): Date | null {
  const l = s.lifecycle;
  const survey = policy.botSurvey;
  if (!survey || s.id === undefined || s.status !== 'bot') return null;
  if (l.leftBot === true || l.surveyed === true || !l.botAnsweredAt) return null;
  if (!survey.sampled(s.id, s.channel ?? null)) return null;
  return after(l.botAnsweredAt, l.botClosing === true ? 0 : survey.quietSeconds);
}

/** The same timer (kind, due time and data), so an unchanged one is left in place. */
export function timerKey(t: {
  readonly kind: string;
  readonly dueAt: Date | string;
  readonly data: Readonly<Record<string, unknown>>;
}): string {
  const due = typeof t.dueAt === 'string' ? t.dueAt : t.dueAt.toISOString();
  return `${t.kind}|${due}|${JSON.stringify(t.data)}`;
}

/** What a commit must do to the pending lifecycle timers to match `wanted`. */
export function reconcileTimers<
  P extends {
    readonly id: string;
    readonly kind: string;
    readonly dueAt: string | Date;
    readonly data: Readonly<Record<string, unknown>>;
  },
>(
  pending: readonly P[],
  wanted: readonly DueTimer[],
): { cancelIds: string[]; schedule: DueTimer[] } {
  // Each key made once: a key formats a date and serialises data, on every commit.
  const keys = wanted.map(timerKey);
  const wantedKeys = new Set(keys);
  const kept = new Set<string>();
  const cancelIds: string[] = [];
  for (const p of pending) {
    const key = timerKey(p);
    if (wantedKeys.has(key) && !kept.has(key)) kept.add(key);
    else cancelIds.push(p.id);
  }
  return { cancelIds, schedule: wanted.filter((_, i) => !kept.has(keys[i] as string)) };
}

/**
 * The invariant itself, for tests: an open conversation in a state that needs a timer to
 * move on has every timer `timersFor` says (a waiting one at least its SLA timer).
 */
export function missingTimers(
  s: TimerState,
  policy: TimerPolicy,
  pending: readonly {
    readonly kind: string;
    readonly dueAt: string;
    readonly data: Readonly<Record<string, unknown>>;
  }[],
): DueTimer[] {
  const have = new Set(pending.map(timerKey));
  return timersFor(s, policy).filter((t) => !have.has(timerKey(t)));
}
