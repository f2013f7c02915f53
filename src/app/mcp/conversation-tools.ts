/**
 * What an AI agent may do to a conversation through Baton's MCP server (docs/bot.md, "MCP
 * server"): hand it to a person with its reason, summary and fields, read where it stands,
 * and leave a private note for the team. The protocol lives in src/http/mcp; this is the
 * application side, through the same services the bot and the inbox use.
 */
import { BatonError } from '../../core/errors/baton-error.ts';
import type { ConversationRecord, StoredEvent } from '../../core/records.ts';
import { waitingCustomerBand } from '../../core/sla/credible-wait.ts';
import type { Store } from '../../store/store.ts';
import type { ConversationService } from '../conversations/conversation-service.ts';
import type { ConversationWriter } from '../conversations/conversation-writer.ts';
import type { PresencePort } from '../conversations/ports.ts';
import { teamAvailability } from '../conversations/team-availability.ts';

export interface ConversationToolsDeps {
  readonly store: Store;
  readonly writer: ConversationWriter;
  readonly service: ConversationService;
  readonly presence: Pick<PresencePort, 'isConnected'>;
  readonly clock: () => Date;
}

export interface HandoffRequest {
  /** A policy reason code (kept) or any word (recorded as out_of_scope beside it). */
  readonly reason: string;
  /** For the person taking over: shown in the packet's reason. */
  readonly summary?: string;
  /** What the AI agent collected (order id, email …): shown in the packet, never routed on. */
  readonly fields?: Readonly<Record<string, string>>;
}

export interface ConversationStatus {
  readonly conversationId: string;
  readonly status: ConversationRecord['status'];
  readonly queue: string | null;
  /** While waiting (queued or offered): the place in the queue's line, 1 = next. */
  readonly position: number | null;
  /** While waiting and someone serves the queue: the band the customer would be told. */
  readonly estimatedWait: { readonly lowMinutes: number; readonly highMinutes: number } | null;
  readonly assignedAgent: { readonly name: string } | null;
  /** Why it was handed over (reason codes), once it was. */
  readonly handoffReasons: readonly string[];
}

const WAITING = new Set(['queued', 'offered']);

export class ConversationTools {
  constructor(private readonly deps: ConversationToolsDeps) {}

  /**
   * Hands over like the bot's own request (the policy picks queue and priority). Refused
   * with INVALID_TRANSITION when the bot no longer has the conversation.
   */
  async handOver(id: string, request: HandoffRequest): Promise<ConversationStatus> {
    const events = await this.deps.service.handOverOnRequest(id, {
      reason: request.reason,
      ...(request.summary ? { note: request.summary } : {}),
      ...(request.fields ? { fields: request.fields } : {}),
    });
    if (!events.some((e) => e.type === 'conversation.handed_over')) {
      const current = await this.deps.service.get(id);
      throw new BatonError(
        'INVALID_TRANSITION',
        `Only a conversation the bot has can be handed over; this one is ${current.status}.`,
      );
    }
    return this.status(id);
  }

  async status(id: string): Promise<ConversationStatus> {
    const c = await this.deps.service.get(id);
    const waiting = WAITING.has(c.status);
    const position = waiting ? await this.deps.store.reads.placeInLine(c) : null;
    const agent = c.assigneeId ? await this.deps.store.agents.get(c.assigneeId) : undefined;
    return {
      conversationId: c.id,
      status: c.status,
      queue: c.queue,
      position,
      estimatedWait: position === null ? null : await this.estimate(c, position),
      assignedAgent: c.status === 'assigned' && agent ? { name: agent.name } : null,
      handoffReasons: c.handoff?.reasons ?? [],
    };
  }

  /** A private note for the team (the customer never sees it), signed by the AI agent. */
  async addNote(id: string, text: string, author: string): Promise<StoredEvent> {
    const result = await this.deps.writer.commit({
      conversationId: id,
      events: [
        {
          type: 'note.created',
          actor: { type: 'bot', name: author },
          data: { text, agentName: author, via: 'mcp' },
        },
      ],
    });
    if (!result.ok) {
      if (result.reason === 'not_found') throw new BatonError('CONVERSATION_NOT_FOUND');
      throw new BatonError('INVALID_TRANSITION');
    }
    return result.events[0] as StoredEvent;
  }

  private async estimate(c: ConversationRecord, position: number) {
    const team = await teamAvailability(this.deps.store, this.deps.presence);
    const avgHandleMinutes = await this.deps.service.handleTimes.minutesFor(c.queue);
    const band = waitingCustomerBand(c, position, team, avgHandleMinutes, this.deps.clock());
    return band && { lowMinutes: band.lowMinutes, highMinutes: band.highMinutes };
  }
}
