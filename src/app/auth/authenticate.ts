/**
 * Who is calling: an agent with a session token, or the customer of one conversation with
 * that conversation's token. The same checks guard HTTP routes and WebSocket upgrades.
 */
import { BatonError } from '../../core/errors/baton-error.ts';
import type { AgentRecord, ConversationRecord } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import { hashToken, tokenFrom } from './tokens.ts';

/** Where a token travels: the Authorization header or a `token` query (sockets). */
export interface CredentialSource {
  readonly headers: { authorization?: string | undefined };
  readonly query: unknown;
}

export type ConversationCaller =
  | { readonly kind: 'customer'; readonly conversation: ConversationRecord }
  | {
      readonly kind: 'agent';
      readonly agent: AgentRecord;
      readonly conversation: ConversationRecord;
    };

export class Authenticator {
  constructor(
    private readonly store: Store,
    private readonly clock: () => Date,
  ) {}

  /** The agent behind the request's session token; 401 without a valid one. */
  async agent(request: CredentialSource): Promise<AgentRecord> {
    const token = tokenFrom(request.headers, request.query);
    if (!token) throw new BatonError('UNAUTHENTICATED');
    const agent = await this.store.agents.findBySession(hashToken(token), this.clock());
    if (!agent) throw new BatonError('UNAUTHENTICATED', 'The session token is unknown or expired.');
    return agent;
  }

  /** The customer of this conversation, or an agent; 401 without a token, 403 with a wrong one. */
  async conversationCaller(
    request: CredentialSource,
    conversationId: string,
  ): Promise<ConversationCaller> {
    const token = tokenFrom(request.headers, request.query);
    if (!token) throw new BatonError('UNAUTHENTICATED');
    const conversation = await this.store.conversations.get(conversationId);
    if (!conversation) {
      throw new BatonError(
        'CONVERSATION_NOT_FOUND',
        `No conversation has the id ${conversationId}.`,
      );
    }
    const hash = hashToken(token);
    if (hash === conversation.tokenHash) return { kind: 'customer', conversation };
    const agent = await this.store.agents.findBySession(hash, this.clock());
    if (agent) return { kind: 'agent', agent, conversation };
    throw new BatonError('FORBIDDEN', 'This token does not give access to that conversation.');
  }
}
