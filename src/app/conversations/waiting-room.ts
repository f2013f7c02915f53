/**
 * The waiting room: what happens when a waiting customer answers one of the bot's prompts
 * (keep waiting, callback, continue by message; connect now or share details first; the
 * follow-up questions). Every bot reply is committed on condition that nobody has taken the
 * conversation, so the bot never speaks once a person has claimed it.
 */
import { messageEvent } from '../../core/conversation/conversation-events.ts';
import type { ConversationWriter } from './conversation-writer.ts';
import type { ConversationState } from '../../core/conversation/conversation-state.ts';
import type { LifecyclePatch } from '../../core/conversation/lifecycle.ts';
import { BatonError } from '../../core/errors/baton-error.ts';
import { matchChoice, type Choice } from '../../core/sla/choices.ts';
import {
  customerText,
  customerTextOf,
  type CustomerKey,
  type CustomerTextOverrides,
  type PlainCustomerKey,
} from '../../core/i18n/customer-text.ts';
import type {
  ConversationChanges,
  ConversationRecord,
  NewEvent,
  StoredEvent,
  TimerChanges,
} from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import type { CalendarFor } from '../routing/team-calendar.ts';
import { CallbackFlow } from './callback-flow.ts';
import { DetailsFlow } from './details-flow.ts';
import { ReplyByMessageFlow } from './reply-by-message-flow.ts';
import { offeredBotChoice } from './bot-choices.ts';
import { everOffered, FREE_TEXT_PROMPTS, openPrompt, type OpenPrompt } from './open-prompt.ts';
import type { WaitingSettings } from './waiting-settings.ts';

export interface WaitingRoomDeps {
  readonly store: Store;
  readonly writer: ConversationWriter;
  readonly clock: () => Date;
  readonly settings: WaitingSettings;
  readonly calendarFor: CalendarFor;
  /** Whether Baton can send email: only then does "continue by message" promise it. */
  readonly canEmail: boolean;
}

/** What a customer message means for the waiting room, decided before it is stored. */
export interface Interpretation {
  /** Added to the stored message's data (`choice`, `answers`, `choiceStale`, `botPayload`). */
  readonly data: Record<string, unknown>;
  /** For a button press: the label, so the transcript reads naturally. */
  readonly text?: string;
}

/** A bot reply the flows ask for: template, prompt, choices, and what else changes. */
export interface Reply {
  readonly key: CustomerKey;
  /** Said instead of the template (e.g. an intake question). */
  readonly text?: string;
  /** The message's `kind` (default: the template key). */
  readonly kind?: string;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly prompt?: { readonly kind: OpenPrompt['kind']; readonly data?: Record<string, unknown> };
  readonly choices?: readonly Choice[];
  /** The conversation states the reply may be committed in (default: still waiting). */
  readonly expectStatus?: ConversationRecord['status'][];
  readonly changes?: ConversationChanges;
  readonly events?: readonly NewEvent[];
  /** Clock changes no event carries (a promised follow-up, the customer may leave). */
  readonly lifecycle?: LifecyclePatch;
}

const WAITING: ConversationRecord['status'][] = ['queued', 'offered'];

export class WaitingRoom {
  private readonly callback: CallbackFlow;
  private readonly details = new DetailsFlow();
  private readonly byMessage: ReplyByMessageFlow;

  constructor(private readonly deps: WaitingRoomDeps) {
    this.byMessage = new ReplyByMessageFlow(deps.canEmail);
    this.callback = new CallbackFlow(deps.calendarFor);
  }

  /**
   * Reads a customer message against the open prompt. A button press with an id never
   * offered is refused (VALIDATION_FAILED); one offered earlier but no longer open is kept
   * and marked stale, to be answered honestly. `known`: the status, when the caller has just
   * read it (in a refused commit), so it is not read again.
   */
  async interpret(
    id: string,
    input: { readonly text?: string; readonly action?: string; readonly choice?: string },
    known?: ConversationState,
  ): Promise<Interpretation | null> {
    if (input.action !== 'choose' && input.text === undefined) return null;
    const status = known ?? (await this.deps.store.conversations.statusOf(id));
    if (!status) return null;
    const choosing = input.action === 'choose';
    if (!choosing && !['queued', 'offered', 'deferred'].includes(status)) return null;
    const history = await this.deps.store.conversations.eventsSince(id, 0, 100_000);
    const prompt = openPrompt(history);
    if (choosing) {
      const choiceId = input.choice ?? '';
      // A bot's own button while the bot is in charge goes back to the bot (bot-choices.ts).
      const pressed = status === 'bot' ? offeredBotChoice(history, choiceId) : null;
      if (pressed)
        return { data: { choice: choiceId, botPayload: pressed.payload }, text: pressed.label };
      const open = prompt?.choices.find((c) => c.id === choiceId);
      if (open && prompt)
        return { data: { choice: open.id, answers: prompt.seq }, text: open.label };
      const earlier = everOffered(history, choiceId);
      if (!earlier) {
        throw new BatonError('VALIDATION_FAILED', `No choice "${choiceId}" was offered here.`);
      }
      return { data: { choice: earlier.id, choiceStale: true }, text: earlier.label };
    }
    if (!prompt) return null;
    const matched = matchChoice(input.text ?? '', prompt.choices);
    if (matched) return { data: { choice: matched.id, answers: prompt.seq } };
    if (FREE_TEXT_PROMPTS.has(prompt.kind)) return { data: { answers: prompt.seq } };
    return null;
  }

  /** Answers a stored customer message that answered a prompt (or chose a stale option). */
  async respond(id: string, message: StoredEvent): Promise<StoredEvent[]> {
    const conversation = await this.deps.store.conversations.get(id);
    if (!conversation) return [];
    if (message.data.choiceStale === true) return this.stale(conversation);
    const answers = message.data.answers;
    if (typeof answers !== 'number') return [];
    if (!['queued', 'offered', 'deferred'].includes(conversation.status)) return [];
    const history = await this.deps.store.conversations.eventsSince(id, 0, 100_000);
    const prompt = history.find((e) => e.seq === answers);
    if (!prompt || typeof prompt.data.prompt !== 'string') return [];
    const asked: OpenPrompt = {
      seq: prompt.seq,
      kind: prompt.data.prompt as OpenPrompt['kind'],
      choices: [],
      data: prompt.data,
    };
    const answer = {
      choice: typeof message.data.choice === 'string' ? message.data.choice : null,
      text: typeof message.data.text === 'string' ? message.data.text : '',
    };
    const now = this.deps.clock();
    const context: FlowContext = {
      conversation,
      history,
      prompt: asked,
      answer,
      now,
      language: conversation.language ?? 'en',
      overrides: this.deps.settings.overrides(conversation.queue),
    };
    let replies: readonly Reply[];
    switch (asked.kind) {
      case 'long_queue':
        replies =
          answer.choice === 'wait'
            ? [{ key: 'wait_kept' }]
            : answer.choice === 'callback'
              ? this.callback.start(context)
              : answer.choice === 'message'
                ? this.byMessage.start(context)
                : [];
        break;
      case 'explicit_handoff':
        replies =
          answer.choice === 'share_details'
            ? this.details.start(context)
            : answer.choice === 'connect_now'
              ? [{ key: 'connect_now_kept' }]
              : [];
        break;
      case 'details':
        replies = this.details.answer(context);
        break;
      case 'callback_phone':
        replies = this.callback.phone(context);
        break;
      case 'callback_time':
        replies = this.callback.time(context);
        break;
      case 'reply_email':
        replies = this.byMessage.email(context);
        break;
      case 'contact':
        replies = this.byMessage.contact(context);
        break;
    }
    const out: StoredEvent[] = [];
    for (const reply of replies) out.push(...(await this.say(conversation, reply)));
    return out;
  }

  /** A choice that no longer applies: said by the system once a person is there, never the bot. */
  private async stale(conversation: ConversationRecord): Promise<StoredEvent[]> {
    const language = conversation.language ?? 'en';
    const overrides = this.deps.settings.overrides(conversation.queue);
    if (conversation.status === 'assigned') {
      const history = await this.deps.store.conversations.eventsSince(conversation.id, 0, 100_000);
      const joined = [...history].reverse().find((e) => e.type === 'conversation.assigned');
      const agent = typeof joined?.data.agentName === 'string' ? joined.data.agentName : '—';
      const text = customerText('choice_stale', language, { agent }, overrides);
      return this.commit(conversation.id, ['assigned'], {}, [
        messageEvent({ type: 'system' }, { text, kind: 'choice_stale' }),
      ]);
    }
    if (!['queued', 'offered', 'deferred', 'bot', 'intake'].includes(conversation.status))
      return [];
    return this.say(conversation, { key: 'choice_expired', expectStatus: [conversation.status] });
  }

  private say(conversation: ConversationRecord, reply: Reply): Promise<StoredEvent[]> {
    const language = conversation.language ?? 'en';
    const queue = conversation.queue;
    const params = { team: this.deps.settings.teamName(queue, language), ...reply.params };
    const text =
      reply.text ??
      customerTextOf(reply.key, language, params, this.deps.settings.overrides(queue));
    const kind = reply.kind ?? reply.key;
    const data: Record<string, unknown> = { from: 'bot', text, kind, intent: 'waiting' };
    if (reply.prompt) Object.assign(data, reply.prompt.data ?? {}, { prompt: reply.prompt.kind });
    // Each channel shows the choices its own way (buttons, or numbered where it has none).
    if (reply.choices && reply.choices.length > 0) data.choices = reply.choices;
    return this.commit(
      conversation.id,
      reply.expectStatus ?? WAITING,
      reply.changes ?? {},
      [...(reply.events ?? []), messageEvent({ type: 'bot' }, data)],
      undefined,
      reply.lifecycle,
    );
  }

  private async commit(
    id: string,
    expectStatus: ConversationRecord['status'][],
    changes: ConversationChanges,
    events: NewEvent[],
    timers?: TimerChanges,
    lifecycle?: LifecyclePatch,
  ): Promise<StoredEvent[]> {
    const result = await this.deps.writer.commit({
      conversationId: id,
      expectStatus,
      changes,
      events,
      ...(timers ? { timers } : {}),
      ...(lifecycle ? { lifecycle } : {}),
    });
    // Refused: a person took the conversation meanwhile, so the bot stays silent.
    if (!result.ok) return [];
    return result.events;
  }
}

/** What a flow is given to decide its replies (pure apart from the clock it is handed). */
export interface FlowContext {
  readonly conversation: ConversationRecord;
  readonly history: readonly StoredEvent[];
  readonly prompt: OpenPrompt;
  readonly answer: { readonly choice: string | null; readonly text: string };
  readonly now: Date;
  readonly language: string;
  readonly overrides: CustomerTextOverrides;
}

/** Choice labels in the customer's language (a queue may override them too). */
export function labelled(
  ids: ReadonlyArray<readonly [string, PlainCustomerKey]>,
  language: string,
  overrides: CustomerTextOverrides = {},
): Choice[] {
  return ids.map(([id, key]) => ({ id, label: customerText(key, language, {}, overrides) }));
}

/** The three waiting options of a long queue, labelled in the customer's language. */
export function longQueueChoices(
  language: string,
  overrides: CustomerTextOverrides = {},
): Choice[] {
  return labelled(
    [
      ['wait', 'choice_wait'],
      ['callback', 'choice_callback'],
      ['message', 'choice_message'],
    ],
    language,
    overrides,
  );
}
