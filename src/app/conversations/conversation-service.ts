/**
 * The conversation service: persists every message and state change (commit first, then
 * publish), asks the escalation judge after each customer message while the bot is in
 * charge, and keeps the bot silent once a person is. It never answers with silence: when
 * the judge or the bot fails, the conversation is handed over with reason `bot_error`.
 */
import type { SlaMsFor } from '../routing/queue-sla.ts';
import { randomUUID } from 'node:crypto';
import type { EventBus } from '../../bus/event-bus.ts';
import type { ConversationWriter, WriteInput } from './conversation-writer.ts';
import { messageCreated, messageEvent } from '../../core/conversation/conversation-events.ts';
import {
  isClosed,
  isWaiting,
  type ConversationState,
} from '../../core/conversation/conversation-state.ts';
import type { CommitResult } from '../../store/conversation-repository.ts';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { AgentRecord, ConversationRecord, StoredEvent } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { greetingText } from './customer-messages.ts';
import type { CalendarFor } from '../routing/team-calendar.ts';
import { HandleTimeCache } from './handle-time-cache.ts';
import { HandoffStep } from './handoff-step.ts';
import { WaitingRoom, type Interpretation } from './waiting-room.ts';
import {
  waitingSettings,
  type WaitingSettings,
  type WaitingSettingsConfig,
} from './waiting-settings.ts';
import { KeyedSerializer } from './keyed-serializer.ts';
import { scopeRefusal, type WriteScope } from './scoped-write.ts';
import type { QueueCatalog } from '../routing/queue-catalog.ts';
import type { BotResponder, EscalationJudge, PresencePort } from './ports.ts';

export interface ConversationServiceDeps {
  readonly store: Store;
  /** Only to hear handle times; every write goes through the writer. */
  readonly bus: EventBus;
  readonly writer: ConversationWriter;
  readonly judge: EscalationJudge;
  readonly bot: BotResponder;
  readonly presence: PresencePort;
  readonly clock: () => Date;
  readonly botName: string;
  readonly messageMaxChars: number;
  /** The first-response target of a queue (routing.queueSlaSeconds, else the team's). */
  readonly slaMsFor: SlaMsFor;
  /** The wait estimate's prior handle time, until a queue's own is measured. */
  readonly averageHandleMinutes: number;
  /** `routing.longQueueMinutes` and `routing.queueMessages` (per-queue waiting settings). */
  readonly queueSettings?: WaitingSettingsConfig;
  /** The queues in force (team names, long-queue thresholds); the built-in six by default. */
  readonly queues?: QueueCatalog;
  readonly calendarFor: CalendarFor;
  readonly onBackgroundError: (error: unknown) => void;
  /**
   * Whether Baton can send email (the email channel with an outbound relay): without it no
   * text promises an answer by email, and none asks for an address to send one to.
   */
  readonly canEmail: boolean;
  /** The scope each agent's reply is held to, in its commit (scoped-write.ts); none by default. */
  readonly writeScope?: WriteScope;
}

export interface StartConversationInput {
  readonly channel: string;
  readonly customer: Record<string, unknown>;
  readonly language: string | null;
  /** The provider's thread, for conversations that arrive through a channel. */
  readonly externalThread?: string;
  /** False when another bot owns the thread (Messenger standby): Baton says nothing. */
  readonly greet?: boolean;
  /** Answers of the widget's pre-chat form that join the handoff packet's fields. */
  readonly preChatFields?: Readonly<Record<string, string>>;
}

export interface CustomerMessageInput {
  readonly text?: string;
  /** What the channel carried besides text (media, a button press, an unsupported type). */
  readonly extra?: Readonly<Record<string, unknown>>;
  readonly action?: 'request_human' | 'choose';
  /** With `action: 'choose'`: the id of one of the offered `choices`. */
  readonly choice?: string;
  readonly clientMessageId?: string;
}

export interface PostResult {
  readonly events: StoredEvent[];
  readonly duplicate: boolean;
}

const OPEN_STATES = ['bot', 'intake', 'queued', 'offered', 'assigned', 'deferred'] as const;
/** Where a typed line can answer no prompt of the waiting room (WaitingRoom.interpret). */
const UNPROMPTED_STATES = ['bot', 'intake', 'assigned'] as const;

export class ConversationService {
  private readonly botTurns = new KeyedSerializer();
  private readonly handoff: HandoffStep;
  private readonly waitingRoom: WaitingRoom;
  /** Measured handle times per queue (for wait estimates here and in estimate updates). */
  readonly handleTimes: HandleTimeCache;
  /** Team names, long-queue thresholds and template overrides per queue. */
  readonly waitingSettings: WaitingSettings;

  constructor(private readonly deps: ConversationServiceDeps) {
    this.handleTimes = new HandleTimeCache(
      deps.store,
      deps.bus,
      deps.averageHandleMinutes,
      deps.onBackgroundError,
    );
    this.waitingSettings = waitingSettings(deps.queueSettings ?? {}, deps.queues);
    this.handoff = new HandoffStep({
      ...deps,
      handleTimes: this.handleTimes,
      settings: this.waitingSettings,
    });
    this.waitingRoom = new WaitingRoom({ ...deps, settings: this.waitingSettings });
  }

  async start(input: StartConversationInput) {
    const token = newToken();
    const { conversation, events } = await this.deps.writer.create({
      id: `c_${randomUUID().replaceAll('-', '')}`,
      channel: input.channel,
      customer: input.customer,
      ...(input.externalThread ? { externalThread: input.externalThread } : {}),
      language: input.language,
      ...(input.preChatFields && Object.keys(input.preChatFields).length > 0
        ? { channelState: { preChatFields: input.preChatFields } }
        : {}),
      tokenHash: hashToken(token),
      now: this.deps.clock(),
      events: [
        {
          type: 'conversation.created',
          actor: { type: 'customer' },
          data: { channel: input.channel },
        },
        ...(input.greet === false
          ? []
          : [
              messageCreated(
                { type: 'bot' },
                {
                  text: greetingText(this.deps.botName, input.channel, input.language),
                  kind: 'greeting',
                  extra: { intent: 'greeting' },
                },
              ),
            ]),
      ],
    });
    return { conversation, token, events };
  }

  /** Another bot passed the thread to Baton (handoff-step.ts `botPassedControl`). */
  async botPassedControl(id: string, note: string | undefined): Promise<StoredEvent[]> {
    return this.botTurns.run(id, () => this.handoff.botPassedControl(id, note));
  }

  /** The policy on a standby message: the reason to hand over for, if any (handoff-step.ts). */
  async standbyHandoffReason(id: string): Promise<string | undefined> {
    return this.botTurns.run(id, () => this.handoff.standbyHandoffReason(id));
  }

  /** Baton took the thread from the bot app for `reason`: a person takes it now. */
  async tookThreadFromBot(id: string, reason: string): Promise<StoredEvent[]> {
    return this.botTurns.run(id, () => this.handoff.askedForPerson(id, { reason }));
  }

  /**
   * An AI agent (through MCP) asks for a person: handed over like a bot's own request, in
   * the bot's turn order. Returns the events it caused; none when the bot no longer had it.
   */
  async handOverOnRequest(
    id: string,
    request: { reason: string; note?: string; fields?: Readonly<Record<string, string>> },
  ): Promise<StoredEvent[]> {
    await this.get(id);
    return this.botTurns.run(id, () => this.handoff.askedForPerson(id, request));
  }

  async get(id: string): Promise<ConversationRecord> {
    const conversation = await this.deps.store.conversations.get(id);
    if (!conversation)
      throw new BatonError('CONVERSATION_NOT_FOUND', `No conversation has the id ${id}.`);
    return conversation;
  }

  async eventsSince(id: string, since: number): Promise<StoredEvent[]> {
    await this.get(id);
    return this.deps.store.conversations.eventsSince(id, since);
  }

  /**
   * Stores the customer's message, then lets the bot (or the policy) answer. With
   * `botInBackground` it returns as soon as the message is stored: webhooks must be
   * acknowledged fast, and the answer travels back through the channel anyway.
   */
  async postCustomerMessage(
    id: string,
    input: CustomerMessageInput,
    options: { readonly botInBackground?: boolean } = {},
  ): Promise<PostResult> {
    this.checkMessage(input.text, input.action);
    if (input.action === 'choose' && !input.choice) {
      throw new BatonError('VALIDATION_FAILED', '`action: "choose"` needs a `choice`.');
    }
    if (input.action !== 'choose' && input.choice !== undefined) {
      throw new BatonError('VALIDATION_FAILED', '`choice` goes with `action: "choose"`.');
    }
    // Most lines answer no prompt: stored at once, on condition (read inside the commit) that
    // the conversation is not waiting, the only time a typed line can answer the waiting room.
    let line = customerLine(input, null);
    let stored: Stored | undefined;
    let waiting: ConversationState | undefined;
    if (input.action !== 'choose') {
      const result = await this.deps.writer.commit({
        conversationId: id,
        ...line.write,
        expectStatus: input.text === undefined ? OPEN_STATES : UNPROMPTED_STATES,
      });
      if (!result.ok && result.reason === 'conflict' && isWaiting(result.conversation.status)) {
        waiting = result.conversation.status;
      } else {
        stored = explain(id, result);
      }
    }
    // An answer to one of the bot's questions is recognised before it is stored, so the
    // stored message says what it answered (and an unknown choice is refused, nothing stored).
    let meant: Interpretation | null = null;
    if (!stored) {
      meant = await this.waitingRoom.interpret(id, input, waiting);
      line = customerLine(input, meant);
      stored = await this.commitOrExplain(id, { ...line.write, expectStatus: OPEN_STATES });
    }
    const data = line.data;
    if (stored.duplicate) {
      refuseReusedId(stored.events[0], data);
      return stored;
    }
    const conversation = stored.conversation;
    if (meant && (conversation.status !== 'bot' || data.choiceStale === true)) {
      const message = stored.events[0] as StoredEvent;
      const answer = this.botTurns.run(id, () => this.waitingRoom.respond(id, message));
      if (options.botInBackground) {
        answer.catch((error: unknown) => this.deps.onBackgroundError(error));
        return { events: stored.events, duplicate: false };
      }
      return { events: [...stored.events, ...(await answer)], duplicate: false };
    }
    if (conversation.status !== 'bot' && conversation.status !== 'intake') {
      return { events: stored.events, duplicate: false };
    }
    const message = stored.events[0] as StoredEvent;
    const turn = this.botTurns.run(id, () => this.handoff.botTurn(id, message));
    if (options.botInBackground) {
      turn.catch((error: unknown) => this.deps.onBackgroundError(error));
      return { events: stored.events, duplicate: false };
    }
    const caused = await turn;
    return { events: [...stored.events, ...caused], duplicate: false };
  }

  async postAgentMessage(
    id: string,
    agent: AgentRecord,
    input: {
      text: string;
      clientMessageId?: string;
      repeatGuard?: { fields: string[]; overridden: boolean };
    },
  ) {
    this.checkMessage(input.text, undefined);
    const conversation = await this.get(id);
    if (isClosed(conversation.status)) throw new BatonError('CONVERSATION_CLOSED');
    if (conversation.status !== 'assigned' || conversation.assigneeId !== agent.id) {
      throw new BatonError('NOT_ASSIGNEE', 'Claim the conversation before replying.');
    }
    const data: Record<string, unknown> = {
      from: 'agent',
      text: input.text,
      agentName: agent.name,
    };
    if (input.clientMessageId !== undefined) data.clientMessageId = input.clientMessageId;
    // Recorded for the repeat-rate metric: which warnings were shown, and whether sent anyway.
    if (input.repeatGuard) data.repeatGuard = input.repeatGuard;
    const scope = this.deps.writeScope?.(agent) ?? null;
    const result = await this.commitOrExplain(id, {
      ...(scope ? { expectVisibleTo: scope } : {}),
      expectStatus: ['assigned'],
      expectAssigneeId: agent.id,
      changes: { preview: input.text.slice(0, 140) },
      events: [
        messageEvent(
          { type: 'agent', id: agent.id, name: agent.name },
          data,
          input.clientMessageId,
        ),
      ],
    });
    if (result.duplicate) refuseReusedId(result.events[0], data);
    return { events: result.events, duplicate: result.duplicate };
  }

  /** Commits and publishes; turns a refused commit into the error that explains it. */
  private async commitOrExplain(
    id: string,
    input: Omit<WriteInput, 'conversationId'>,
  ): Promise<Stored> {
    const result = await this.deps.writer.commit({ ...input, conversationId: id });
    // Still theirs, yet refused: the scope is why (moved to a queue they are not in).
    if (
      !result.ok &&
      result.reason === 'conflict' &&
      !isClosed(result.conversation.status) &&
      input.expectVisibleTo &&
      result.conversation.assigneeId === input.expectAssigneeId
    ) {
      const refusal = await scopeRefusal(this.deps.store, id, input.expectVisibleTo);
      if (refusal) throw refusal;
    }
    return explain(id, result);
  }

  private checkMessage(text: string | undefined, action: string | undefined): void {
    if (text === undefined && action === undefined) {
      throw new BatonError('VALIDATION_FAILED', 'A message needs `text` or `action`.');
    }
    if (text !== undefined && text.trim().length === 0 && action === undefined) {
      throw new BatonError('VALIDATION_FAILED', 'The message text is empty.');
    }
    if (text !== undefined && [...text].length > this.deps.messageMaxChars) {
      throw new BatonError(
        'MESSAGE_TOO_LARGE',
        `Messages are limited to ${this.deps.messageMaxChars} characters.`,
      );
    }
  }
}

type Stored = PostResult & { conversation: ConversationRecord };

/** A commit's result, or the error that explains its refusal. */
function explain(id: string, result: CommitResult): Stored {
  if (result.ok) {
    return { events: result.events, duplicate: false, conversation: result.conversation };
  }
  switch (result.reason) {
    case 'not_found':
      throw new BatonError('CONVERSATION_NOT_FOUND', `No conversation has the id ${id}.`);
    case 'duplicate':
      return { events: result.events, duplicate: true, conversation: result.conversation };
    case 'conflict':
      if (isClosed(result.conversation.status)) throw new BatonError('CONVERSATION_CLOSED');
      throw new BatonError('NOT_ASSIGNEE', 'The conversation is no longer yours.');
  }
}

/** The customer's message as stored: its data (with what it answered) and the commit's parts. */
function customerLine(input: CustomerMessageInput, meant: Interpretation | null) {
  const text = meant?.text ?? input.text;
  const data: Record<string, unknown> = { from: 'customer' };
  if (text !== undefined) data.text = text;
  if (input.action === 'request_human') data.action = input.action;
  if (input.clientMessageId !== undefined) data.clientMessageId = input.clientMessageId;
  if (input.extra) Object.assign(data, input.extra);
  if (meant) Object.assign(data, meant.data);
  const write = {
    changes: { preview: previewOf({ ...input, ...(text !== undefined ? { text } : {}) }) },
    events: [messageEvent({ type: 'customer' }, data, input.clientMessageId)],
  };
  return { data, write };
}

function previewOf(input: CustomerMessageInput): string {
  return input.text !== undefined ? input.text.slice(0, 140) : '(asked for a person)';
}

/**
 * A retry with the same client message id is the same message: answered with the stored one.
 * The same id with other text or another action is a client bug that would lose the new
 * message without a word, so it is refused (409) instead.
 */
function refuseReusedId(stored: StoredEvent | undefined, sent: Readonly<Record<string, unknown>>) {
  const before = stored?.data as Readonly<Record<string, unknown>> | undefined;
  if (!before) return;
  if (before['text'] === sent['text'] && before['action'] === sent['action']) return;
  throw new BatonError(
    'CLIENT_MESSAGE_ID_REUSED',
    `clientMessageId ${String(sent['clientMessageId'])} was already used for a different message.`,
  );
}
