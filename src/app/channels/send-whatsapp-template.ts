/**
 * The assigned agent sends an approved WhatsApp template (allowed outside the 24-hour
 * window). Stored as an agent message with `data.template` and the rendered preview as its
 * text; the channel outbox sends it as a Cloud API `type: "template"` message. Committed
 * while the agent still owns the conversation and within their scope, as a reply is.
 */
import { BatonError } from '../../core/errors/baton-error.ts';
import type { EventBus } from '../../bus/event-bus.ts';
import type { ConversationWriter } from '../conversations/conversation-writer.ts';
import type { AgentRecord, StoredEvent } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import { messageCreated } from '../../core/conversation/conversation-events.ts';
import { scopeRefusal, type WriteScope } from '../conversations/scoped-write.ts';

export interface ConfiguredTemplate {
  readonly name: string;
  readonly language: string;
  readonly parameters: number;
  readonly preview: string;
}

export interface TemplateRequest {
  readonly name: string;
  readonly language: string;
  readonly parameters: readonly string[];
}

/** `Hi {{1}}, order {{2}} …` with the parameters filled in, for the agent and the transcript. */
export function renderTemplatePreview(preview: string, parameters: readonly string[]): string {
  return preview.replace(/\{\{(\d+)\}\}/g, (slot, n: string) => parameters[Number(n) - 1] ?? slot);
}

export interface WhatsAppTemplateDeps {
  readonly store: Store;
  readonly bus: EventBus;
  /** Every conversation write (commit, then publish) goes through it. */
  readonly writer: ConversationWriter;
  readonly clock: () => Date;
  readonly templates: readonly ConfiguredTemplate[];
  /** The scope each agent's template is held to, in its commit; none checked by default. */
  readonly writeScope?: WriteScope;
}

export async function sendWhatsAppTemplate(
  deps: WhatsAppTemplateDeps,
  conversationId: string,
  agent: AgentRecord,
  request: TemplateRequest,
): Promise<StoredEvent[]> {
  const conversation = await deps.store.conversations.get(conversationId);
  if (!conversation) throw new BatonError('CONVERSATION_NOT_FOUND');
  if (conversation.channel !== 'whatsapp' || !conversation.externalThread)
    throw new BatonError('CHANNEL_NOT_ENABLED', 'Templates can only be sent to WhatsApp threads.');
  const template = deps.templates.find(
    (t) => t.name === request.name && t.language === request.language,
  );
  if (!template)
    throw new BatonError(
      'TEMPLATE_NOT_FOUND',
      `No approved template ${request.name} (${request.language}) is configured.`,
    );
  if (request.parameters.length !== template.parameters)
    throw new BatonError(
      'VALIDATION_FAILED',
      `The template ${template.name} takes ${template.parameters} parameter(s).`,
    );
  if (conversation.status === 'resolved' || conversation.status === 'abandoned')
    throw new BatonError('CONVERSATION_CLOSED');
  if (conversation.status !== 'assigned' || conversation.assigneeId !== agent.id)
    throw new BatonError('NOT_ASSIGNEE', 'Claim the conversation before writing.');
  const text = renderTemplatePreview(template.preview, request.parameters);
  const scope = deps.writeScope?.(agent) ?? null;
  const result = await deps.writer.commit({
    conversationId,
    ...(scope ? { expectVisibleTo: scope } : {}),
    expectStatus: ['assigned'],
    expectAssigneeId: agent.id,
    changes: { preview: text.slice(0, 140) },
    events: [
      messageCreated(
        { type: 'agent', id: agent.id, name: agent.name },
        {
          text,
          extra: {
            agentName: agent.name,
            template: {
              name: template.name,
              language: template.language,
              parameters: [...request.parameters],
            },
          },
        },
      ),
    ],
    now: deps.clock(),
  });
  if (!result.ok) {
    if (result.reason === 'not_found') throw new BatonError('CONVERSATION_NOT_FOUND');
    // Still theirs, yet refused: the scope is why (as conversation-service.ts says of a reply).
    const { status, assigneeId } = result.conversation;
    const refusal =
      status === 'assigned' && assigneeId === agent.id
        ? await scopeRefusal(deps.store, conversationId, scope)
        : undefined;
    throw refusal ?? new BatonError('NOT_ASSIGNEE', 'The conversation is no longer yours.');
  }
  return result.events;
}
