/**
 * With an LLM configured, each handoff packet gains a short abstractive summary written by
 * the model, beside the extractive facts (goal, tried, collected, blocker), which stay as
 * they are: the agent can always check the model's words against them.
 *
 * It runs after the handoff has committed, never in its path: the customer's handoff and
 * the agent's first look never wait for the model. A slow or failing model leaves the
 * extractive summary alone, which is complete by itself.
 */
import OpenAI from 'openai';
import type { EventBus } from '../../bus/event-bus.ts';
import type { ConversationWriter } from '../conversations/conversation-writer.ts';
import type { PacketSummary } from '../../core/handoff/handoff-packet.ts';
import type { ConversationRecord, StoredEvent } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';

export interface AbstractiveSummaryOptions {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly model: string;
  readonly timeoutMs: number;
  readonly store: Store;
  readonly bus: EventBus;
  /** Every conversation write (commit, then publish) goes through it. */
  readonly writer: ConversationWriter;
  readonly clock: () => Date;
  readonly onError: (error: unknown) => void;
}

/** What is stored in the packet's summary as `abstractive`, and in the event's data. */
export interface AbstractiveSummary {
  readonly text: string;
  readonly model: string;
  readonly at: string;
}

export const SUMMARY_EVENT = 'handoff.summarized';
const MAX_SUMMARY_CHARS = 600;
const MAX_TURNS = 40;
// Another change may land between reading the packet and writing it back; try again then.
const MAX_ATTEMPTS = 4;

/** Subscribes to handoffs; returns a function that stops (and waits for running calls). */
export function startAbstractiveSummaries(options: AbstractiveSummaryOptions): () => Promise<void> {
  const client = new OpenAI({ baseURL: options.baseUrl, apiKey: options.apiKey, maxRetries: 0 });
  const running = new Set<Promise<void>>();
  const unsubscribe = options.bus.subscribe(({ conversation, events }) => {
    if (!events.some((e) => e.type === 'conversation.handed_over')) return;
    const job = summarize(client, options, conversation.id)
      .catch(options.onError)
      .finally(() => running.delete(job));
    running.add(job);
  });
  return async () => {
    unsubscribe();
    await Promise.allSettled([...running]);
  };
}

async function summarize(client: OpenAI, options: AbstractiveSummaryOptions, id: string) {
  const conversation = await options.store.conversations.get(id);
  const summary = packetSummary(conversation);
  if (!conversation || !summary || summary.abstractive) return;
  const events = await options.store.conversations.eventsSince(id, 0, 100_000);
  const completion = await client.chat.completions.create(
    {
      model: options.model,
      temperature: 0.2,
      messages: [
        { role: 'system', content: SYSTEM_PROMPT },
        { role: 'user', content: promptFor(conversation, summary, events) },
      ],
    },
    { timeout: options.timeoutMs },
  );
  const text = (completion.choices[0]?.message?.content ?? '').trim();
  if (text === '') return;
  await store(options, id, {
    text: text.length > MAX_SUMMARY_CHARS ? `${text.slice(0, MAX_SUMMARY_CHARS - 1)}…` : text,
    model: options.model,
    at: options.clock().toISOString(),
  });
}

const SYSTEM_PROMPT = [
  'You write the note a support agent reads before taking over a chat from a bot.',
  'In two or three plain sentences: what the customer wants, what the bot tried, what is known',
  '(order numbers, amounts, emails exactly as given), and why a person is needed now.',
  'Use only facts from the conversation and the facts list; never invent any. No greeting,',
  'no advice to the customer, no markdown.',
].join(' ');

function promptFor(
  conversation: ConversationRecord,
  summary: PacketSummary,
  events: readonly StoredEvent[],
): string {
  const transcript = events
    .flatMap((e) =>
      e.type === 'message.created' && typeof e.data.text === 'string'
        ? [`${e.data.from}: ${e.data.text}`]
        : [],
    )
    .slice(-MAX_TURNS)
    .join('\n');
  const facts = [
    `goal: ${summary.goal}`,
    `tried: ${summary.tried.join('; ') || 'nothing'}`,
    `collected: ${JSON.stringify(summary.collected)}`,
    `blocker: ${summary.blocker}`,
    `handoff reasons: ${conversation.handoff?.reasons.join(', ') ?? ''}`,
  ].join('\n');
  return `Facts:\n${facts}\n\nConversation:\n${transcript}`;
}

type SummaryWithAbstractive = PacketSummary & { readonly abstractive?: AbstractiveSummary };

function packetSummary(c: ConversationRecord | undefined): SummaryWithAbstractive | undefined {
  const packet = c?.handoff?.packet as { summary?: SummaryWithAbstractive } | undefined;
  return packet?.summary;
}

/** Writes the summary into the stored packet, conditional on nothing else having changed. */
async function store(
  options: AbstractiveSummaryOptions,
  id: string,
  abstractive: AbstractiveSummary,
) {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const conversation = await options.store.conversations.get(id);
    const handoff = conversation?.handoff;
    const summary = packetSummary(conversation);
    if (!conversation || !handoff || !summary || summary.abstractive) return;
    const packet = handoff.packet as Record<string, unknown>;
    const result = await options.writer.commit({
      conversationId: id,
      expectLastSeq: conversation.lastSeq,
      changes: {
        handoff: { ...handoff, packet: { ...packet, summary: { ...summary, abstractive } } },
      },
      events: [{ type: SUMMARY_EVENT, actor: { type: 'system' }, data: { ...abstractive } }],
      now: options.clock(),
    });
    if (result.ok) {
      return;
    }
    if (result.reason === 'not_found') return;
  }
}
