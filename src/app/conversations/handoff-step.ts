/**
 * The bot's turn after a customer message: ask the escalation judge, then either answer or
 * hand the conversation to a person. Both writes are conditional on the bot still being in
 * charge, so a bot reply can never land after a person took over.
 */
import { eventOf, messageEvent } from '../../core/conversation/conversation-events.ts';
import { detectLanguage } from '../../core/signals/detect-language.ts';
import type { ConversationWriter } from './conversation-writer.ts';
import { transition } from '../../core/conversation/transition.ts';
import { botReportedFields } from '../../core/handoff/bot-reported-fields.ts';
import { buildHandoffPacket } from '../../core/handoff/build-handoff-packet.ts';
import type { FieldValue } from '../../core/handoff/handoff-packet.ts';
import type {
  ConversationChanges,
  ConversationRecord,
  NewEvent,
  StoredEvent,
} from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import { canReachLater, closedText } from './customer-messages.ts';
import { waitingMessage } from './handoff-waiting-message.ts';
import type { HandleTimeCache } from './handle-time-cache.ts';
import { teamAvailability } from './team-availability.ts';
import type { WaitingSettings } from './waiting-settings.ts';
import { isOpen, nextOpening } from '../../core/sla/is-open.ts';
import type { CalendarFor } from '../routing/team-calendar.ts';
import { followUpAt } from '../timers/follow-up.ts';
import type { LifecyclePatch } from '../../core/conversation/lifecycle.ts';
import type {
  BotReply,
  BotResponder,
  EscalationDecision,
  EscalationJudge,
  PresencePort,
  TranscriptView,
} from './ports.ts';
import { botChoiceData, botInputFor } from './bot-choices.ts';
import { botErrorDecision, botRequestedDecision } from './fallback-decisions.ts';
import { runIntake } from './intake-step.ts';
import { transcriptFromEvents } from './transcript-from-events.ts';

interface HandoffStepDeps {
  readonly store: Store;
  readonly writer: ConversationWriter;
  readonly judge: EscalationJudge;
  readonly bot: BotResponder;
  readonly presence: PresencePort;
  readonly clock: () => Date;
  /** Measured handle time per queue (the configured prior until there are samples). */
  readonly handleTimes: Pick<HandleTimeCache, 'minutesFor'>;
  readonly settings: WaitingSettings;
  readonly calendarFor: CalendarFor;
  readonly onBackgroundError: (error: unknown) => void;
  /** Whether Baton can send email: only then is an email address asked for after hours. */
  readonly canEmail: boolean;
}

export class HandoffStep {
  constructor(private readonly deps: HandoffStepDeps) {}

  /** Decides and acts on one customer message; returns the events it caused. */
  async botTurn(id: string, message: StoredEvent): Promise<StoredEvent[]> {
    const found = await this.deps.store.conversations.get(id);
    if (!found || (found.status !== 'bot' && found.status !== 'intake')) return [];
    const conversation = await this.adoptLanguage(found, message);
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
      // Intake does not ask for what the bot already reported (an order number it collected).
      const known = { ...decision, fields: { ...decision.fields, ...transcript.botFields } };
      return this.intake(conversation, history, transcript, known);
    }
    return this.answer(conversation, message, history, transcript, decision);
  }

  /**
   * Another bot (Messenger's Handover Protocol) passed the thread to Baton: a person takes it
   * now. The bot's note (the pass's metadata) is the reason, a policy reason code when it is one.
   */
  botPassedControl(id: string, note: string | undefined): Promise<StoredEvent[]> {
    return this.askedForPerson(id, { reason: note?.trim() || 'out_of_scope' });
  }

  /**
   * The policy on a conversation another bot owns (Messenger standby): the reason code it
   * hands over for, or undefined when the bot may keep the thread. Decides only; Baton takes
   * or asks for the thread first (take-thread-control.ts) and hands over after.
   */
  async standbyHandoffReason(id: string): Promise<string | undefined> {
    const conversation = await this.deps.store.conversations.get(id);
    if (conversation?.status !== 'bot') return undefined;
    const history = await this.deps.store.conversations.eventsSince(id, 0, 100_000);
    const decision = await this.deps.judge.decide(
      transcriptFromEvents(conversation, history),
      this.deps.clock(),
    );
    return decision.action === 'handoff' ? (decision.reasons[0] ?? 'out_of_scope') : undefined;
  }

  /**
   * Someone beside the policy asks for a person now (another bot passing the thread, an AI
   * agent through MCP). The policy still reads the transcript for the queue, priority and
   * fields; the request's reason leads (botRequestedDecision), its note is the evidence the
   * agent reads, and its fields join the packet's (shown, never used for routing).
   */
  async askedForPerson(
    id: string,
    request: {
      readonly reason: string;
      readonly note?: string;
      readonly fields?: Readonly<Record<string, string>>;
    },
  ): Promise<StoredEvent[]> {
    const conversation = await this.deps.store.conversations.get(id);
    if (!conversation || (conversation.status !== 'bot' && conversation.status !== 'intake')) {
      return [];
    }
    const history = await this.deps.store.conversations.eventsSince(id, 0, 100_000);
    const transcript = transcriptFromEvents(conversation, history);
    let decision: EscalationDecision;
    try {
      decision = await this.deps.judge.decide(transcript, this.deps.clock());
    } catch (error) {
      this.deps.onBackgroundError(error);
      decision = botErrorDecision('the escalation policy failed');
    }
    const requested = botRequestedDecision(decision, {
      reason: request.reason,
      ...(request.note ? { note: request.note } : {}),
    });
    return this.handOver(conversation, transcript, requested, request.fields);
  }

  /**
   * A conversation nobody gave a language (no widget or channel hint) takes the one its
   * customer writes in, once a message says it clearly, so that waiting messages, intake
   * questions and language rules speak to them in it. Decided once; later messages in
   * another language do not flip it.
   */
  private async adoptLanguage(
    conversation: ConversationRecord,
    message: StoredEvent,
  ): Promise<ConversationRecord> {
    if (conversation.language !== null || typeof message.data.text !== 'string')
      return conversation;
    const language = detectLanguage(message.data.text);
    if (language === null) return conversation;
    const result = await this.deps.writer.commit({
      conversationId: conversation.id,
      expectStatus: ['bot', 'intake'],
      changes: { language },
      events: [],
    });
    return result.ok ? result.conversation : conversation;
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
    history: readonly StoredEvent[],
    transcript: TranscriptView,
    decision: EscalationDecision,
  ): Promise<StoredEvent[]> {
    const text = botInputFor(message, history);
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
      return this.handOver(
        conversation,
        transcript,
        botRequestedDecision(decision, reply.handoff),
        reply.reportedFields,
      );
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
        if (reply.choices?.length) Object.assign(data, botChoiceData(reply.choices));
      }
      return messageEvent({ type: 'bot' }, data);
    });
    return this.commit(conversation.id, ['bot'], undefined, {}, events);
  }

  /**
   * Hands over with the packet. The fields: extracted from the customer's words, replaced by
   * what the bot reported on its replies and then with this handoff (`botFields`: an external
   * bot's answer, an AI agent's request), and by what the visitor typed in the pre-chat form's
   * labelled boxes.
   */
  private async handOver(
    conversation: ConversationRecord,
    transcript: TranscriptView,
    decided: EscalationDecision,
    botFields?: Readonly<Record<string, unknown>>,
  ): Promise<StoredEvent[]> {
    const decision: EscalationDecision = {
      ...decided,
      fields: {
        ...decided.fields,
        ...botReportedFields([transcript.botFields, botFields]),
        ...(conversation.channelState.preChatFields ?? {}),
      },
    };
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
    const team = await teamAvailability(this.deps.store, this.deps.presence);
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
      // The policy's own "next steps" table when it has one.
      ...(decision.actionRules ? { actionRules: decision.actionRules } : {}),
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
    const followUp = closed ? nextOpening(calendar, now) : null;
    const handedOver = eventOf(
      next.event.type,
      { type: 'bot' },
      { ...summary, decision: decision.detail },
    );
    const say = (text: string, kind: string, extra: Record<string, unknown> = {}): NewEvent =>
      messageEvent({ type: 'bot' }, { text, kind, intent: kind, ...extra });
    const changes = {
      queue: decision.queue,
      priority: decision.priority,
      handoff: summary,
      handedOverAt: now.toISOString(),
    };
    // Closed: handed over and deferred in one commit, the second step the state machine's too.
    const deferred = closed ? transition(next.state, { type: 'defer' }, now) : null;
    if (deferred?.ok) {
      const closedMessage = say(
        closedText(
          conversation,
          this.deps.settings.teamName(decision.queue, conversation.language),
          calendar,
          now,
          followUp,
          this.deps.canEmail,
        ),
        'deferred',
        // Where the channel cannot reach them later, their reply is read as their contact.
        canReachLater(conversation, this.deps.canEmail) ? {} : { prompt: 'contact' },
      );
      return this.commit(
        conversation.id,
        ['bot', 'intake'],
        { followUp: followUpAt(followUp, now) },
        { ...changes, status: deferred.state.state },
        [
          handedOver,
          eventOf(
            deferred.event.type,
            { type: 'system' },
            { followUpAt: followUp?.toISOString() ?? null, timeZone: calendar.timeZone },
          ),
          closedMessage,
        ],
        now,
      );
    }
    const told = waitingMessage({
      conversation,
      decision,
      position,
      team,
      settings: this.deps.settings,
      handleMinutes: await this.deps.handleTimes.minutesFor(decision.queue),
    });
    return this.commit(
      conversation.id,
      ['bot', 'intake'],
      undefined,
      { ...changes, status: next.state.state },
      [handedOver, messageEvent({ type: 'bot' }, told)],
      now,
    );
  }

  private async commit(
    id: string,
    expectStatus: ConversationRecord['status'][],
    lifecycle: LifecyclePatch | undefined,
    changes: ConversationChanges | undefined,
    events: NewEvent[],
    /** The handoff's own time, so the SLA clock starts exactly at `handedOverAt`. */
    now?: Date,
  ): Promise<StoredEvent[]> {
    const result = await this.deps.writer.commit({
      conversationId: id,
      expectStatus,
      changes: changes ?? {},
      events,
      ...(lifecycle ? { lifecycle } : {}),
      ...(now ? { now } : {}),
    });
    // A refused commit means a person (or another node) acted first: the bot stays silent.
    if (!result.ok) return [];
    return result.events;
  }
}
