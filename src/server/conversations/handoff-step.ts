/**
 * The bot's turn after a customer message: ask the escalation judge, then either answer or
 * hand the conversation to a person. Both writes are conditional on the bot still being in
 * charge, so a bot reply can never land after a person took over.
 */
import type { EventBus } from '../../bus/event-bus.ts';
import { transition } from '../../core/conversation/transition.ts';
import { buildHandoffPacket } from '../../core/handoff/build-handoff-packet.ts';
import type { FieldValue } from '../../core/handoff/handoff-packet.ts';
import type {
  ConversationRecord,
  NewEvent,
  StoredEvent,
  TimerChanges,
} from '../../store/records.ts';
import { slaTimer } from '../timers/sla-breach.ts';
import type { Store } from '../../store/store.ts';
import { closedText, handoffText } from './customer-messages.ts';
import { isOpen, nextOpening } from '../../core/sla/is-open.ts';
import type { CalendarFor } from '../routing/team-calendar.ts';
import { followUpTimer } from '../timers/follow-up.ts';
import type {
  BotReply,
  BotResponder,
  EscalationDecision,
  EscalationJudge,
  PresencePort,
  TranscriptView,
} from './ports.ts';
import { botErrorDecision, botRequestedDecision } from './fallback-decisions.ts';
import { runIntake } from './intake-step.ts';
import { transcriptFromEvents } from './transcript-from-events.ts';

interface HandoffStepDeps {
  readonly store: Store;
  readonly bus: EventBus;
  readonly judge: EscalationJudge;
  readonly bot: BotResponder;
  readonly presence: PresencePort;
  readonly clock: () => Date;
  readonly slaMs: number;
  /** Until handle times are measured, the wait estimate assumes this many minutes each. */
  readonly averageHandleMinutes: number;
  readonly calendarFor: CalendarFor;
  readonly onBackgroundError: (error: unknown) => void;
}

export class HandoffStep {
  constructor(private readonly deps: HandoffStepDeps) {}

  /** Decides and acts on one customer message; returns the events it caused. */
  async botTurn(id: string, message: StoredEvent): Promise<StoredEvent[]> {
    const conversation = await this.deps.store.conversations.get(id);
    if (!conversation || (conversation.status !== 'bot' && conversation.status !== 'intake'))
      return [];
    const history = await this.deps.store.conversations.eventsSince(id, 0, 100_000);
    // Judge the conversation as it stood at this message, even if more arrived since.
    const transcript = transcriptFromEvents(
      conversation,
      history.filter((e) => e.seq <= message.seq),
    );
    const now = this.deps.clock();
    let decision: EscalationDecision;
    try {
      decision = await this.deps.judge.decide(transcript, now);
    } catch (error) {
      this.deps.onBackgroundError(error);
      return this.handOver(
        conversation,
        transcript,
        botErrorDecision('the escalation policy failed'),
      );
    }
    if (decision.action === 'handoff') return this.handOver(conversation, transcript, decision);
    if (decision.action === 'intake' || conversation.status === 'intake') {
      return this.intake(conversation, history, transcript, decision);
    }
    return this.answer(conversation, message, transcript, decision);
  }

  /** Intake: the next question, or the handoff when it is over (see intake-step.ts). */
  private intake(
    conversation: ConversationRecord,
    history: readonly StoredEvent[],
    transcript: TranscriptView,
    decision: EscalationDecision,
  ): Promise<StoredEvent[]> {
    return runIntake(
      { conversation, history, decision, now: this.deps.clock() },
      {
        handOver: (final) => this.handOver(conversation, transcript, final),
        commit: (expectStatus, changes, events) =>
          this.commit(conversation.id, expectStatus, undefined, changes, events),
      },
    );
  }

  private async answer(
    conversation: ConversationRecord,
    message: StoredEvent,
    transcript: TranscriptView,
    decision: EscalationDecision,
  ): Promise<StoredEvent[]> {
    const text = typeof message.data.text === 'string' ? message.data.text : '';
    let reply: BotReply;
    try {
      reply = await this.deps.bot.reply(text, {
        conversationId: conversation.id,
        channel: conversation.channel,
        language: conversation.language,
        customer: conversation.customer,
        turns: transcript.turns,
      });
    } catch (error) {
      this.deps.onBackgroundError(error);
      return this.handOver(
        conversation,
        transcript,
        botErrorDecision(`the bot failed: ${String(error)}`),
      );
    }
    if (reply.handoff) {
      return this.handOver(conversation, transcript, botRequestedDecision(decision, reply.handoff));
    }
    const events: NewEvent[] = reply.messages.map((messageText, i) => {
      const data: Record<string, unknown> = {
        from: 'bot',
        text: messageText,
        confidence: reply.confidence,
        intent: reply.intent,
        kind: reply.intent,
        source: reply.source,
        decision: { action: decision.action, policyVersion: decision.policyVersion },
      };
      // The article and reported fields belong to the reply once, on its last message.
      if (i === reply.messages.length - 1) {
        if (reply.article) data.article = reply.article;
        if (reply.reportedFields) data.reportedFields = reply.reportedFields;
      }
      return { type: 'message.created', actor: { type: 'bot' }, data };
    });
    return this.commit(conversation.id, ['bot'], undefined, {}, events);
  }

  private async handOver(
    conversation: ConversationRecord,
    transcript: TranscriptView,
    decision: EscalationDecision,
  ): Promise<StoredEvent[]> {
    const now = this.deps.clock();
    const snapshot = {
      state: conversation.status,
      assigneeId: conversation.assigneeId,
      offeredTo: conversation.offeredTo,
      queue: conversation.queue,
    };
    const next = transition(snapshot, { type: 'hand_over', queue: decision.queue }, now);
    if (!next.ok) return [];
    const position = await this.deps.store.reads.positionIfQueued(
      decision.queue,
      decision.priority,
      conversation.id,
    );
    const team = await this.teamAvailability();
    const packet = buildHandoffPacket({
      conversationId: conversation.id,
      channel: conversation.channel,
      language: conversation.language,
      customer: conversation.customer,
      turns: transcript.turns,
      decision: {
        ...decision,
        ...decision.detail,
        fields: decision.fields as Record<string, FieldValue>,
      },
      history: await this.deps.store.reads.customerHistory(conversation.customer, conversation.id),
      now,
    });
    const summary = {
      at: now.toISOString(),
      reasons: [...decision.reasons],
      queue: decision.queue,
      priority: decision.priority,
      policyVersion: decision.policyVersion,
      fields: decision.fields,
      packet,
    };
    // After hours the request is captured with a promised follow-up, never left waiting blind.
    const calendar = this.deps.calendarFor(decision.queue);
    const closed = !isOpen(calendar, now);
    const followUpAt = closed ? nextOpening(calendar, now) : null;
    const handedOver = {
      type: next.event.type,
      actor: { type: 'bot' as const },
      data: { ...summary, decision: decision.detail },
    };
    const say = (text: string, kind: string): NewEvent => ({
      type: 'message.created',
      actor: { type: 'bot' },
      data: { from: 'bot', text, kind, intent: kind },
    });
    const changes = {
      queue: decision.queue,
      priority: decision.priority,
      handoff: summary,
      handedOverAt: now.toISOString(),
    };
    if (closed) {
      return this.commit(
        conversation.id,
        ['bot', 'intake'],
        { schedule: [followUpTimer(followUpAt, now)] },
        { ...changes, status: 'deferred' },
        [
          handedOver,
          {
            type: 'conversation.deferred',
            actor: { type: 'system' },
            data: { followUpAt: followUpAt?.toISOString() ?? null, timeZone: calendar.timeZone },
          },
          say(closedText(conversation, decision.queue, calendar, now, followUpAt), 'deferred'),
        ],
      );
    }
    return this.commit(
      conversation.id,
      ['bot', 'intake'],
      { schedule: [slaTimer(now, this.deps.slaMs)] },
      { ...changes, status: next.state.state },
      [
        handedOver,
        say(
          handoffText({
            queue: decision.queue,
            position,
            agentsOnline: team.online,
            freeSlots: team.freeSlots,
            concurrency: team.concurrency,
            language: conversation.language,
            averageHandleMinutes: this.deps.averageHandleMinutes,
          }),
          'handoff',
        ),
      ],
    );
  }

  /**
   * Who can take work now: agents whose presence is online and whose inbox is open, their
   * free capacity, and how many conversations each handles at once (for the wait estimate).
   */
  private async teamAvailability(): Promise<{
    online: number;
    freeSlots: number;
    concurrency: number;
  }> {
    const agents = (await this.deps.store.agents.list()).filter(
      (a) => a.presence === 'online' && this.deps.presence.isConnected(a.id),
    );
    if (agents.length === 0) return { online: 0, freeSlots: 0, concurrency: 1 };
    const load = await this.deps.store.reads.loadByAgent();
    const freeSlots = agents.reduce(
      (n, a) => n + Math.max(0, a.maxConcurrent - (load.get(a.id) ?? 0)),
      0,
    );
    const concurrency = agents.reduce((n, a) => n + a.maxConcurrent, 0) / agents.length;
    return { online: agents.length, freeSlots, concurrency };
  }

  private async commit(
    id: string,
    expectStatus: ConversationRecord['status'][],
    timers: TimerChanges | undefined,
    changes: Parameters<Store['conversations']['commit']>[0]['changes'],
    events: NewEvent[],
  ): Promise<StoredEvent[]> {
    const result = await this.deps.store.conversations.commit({
      conversationId: id,
      expectStatus,
      changes: changes ?? {},
      events,
      ...(timers ? { timers } : {}),
      now: this.deps.clock(),
    });
    // A refused commit means a person (or another node) acted first: the bot stays silent.
    if (!result.ok) return [];
    this.deps.bus.publish(result);
    return result.events;
  }
}
