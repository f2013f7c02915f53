/**
 * Who is calling: an agent with a session token, or the customer of one conversation with
 * that conversation's token. The same checks guard HTTP routes and WebSocket upgrades. An
 * agent reaches only the conversations their scope allows (conversation-scope.ts); any other
 * is CONVERSATION_NOT_FOUND, as an unknown id is, so ids cannot be probed.
 */
import { BatonError } from '../../core/errors/baton-error.ts';
import type { AgentRecord, ConversationRecord } from '../../core/records.ts';
import { SESSION_TOUCH_INTERVAL_MS } from '../../store/session-repository.ts';
import type { Store } from '../../store/store.ts';
import { hashToken, tokenFrom, tokenInQuery } from './tokens.ts';

/**
 * Where a token travels: the Authorization header or the socket sub-protocol. A `token` query
 * is refused (TOKEN_IN_URL) on every route, socket upgrades included.
 */
export interface CredentialSource {
  readonly headers: { authorization?: string | undefined };
  readonly query: unknown;
}

/** `socket`: the request is a WebSocket upgrade (a refusal then names the sub-protocol). */
export interface CredentialOptions {
  readonly socket?: boolean;
}

/** What a socket upgrade with `?token=` is told: the way in a browser has. */
const SOCKET_TOKEN_IN_URL =
  'Tokens are not accepted in the URL (?token=), where access logs and browser history keep them: offer the WebSocket sub-protocols baton and baton.token.<token> (or send the header Authorization: Bearer <token>).';

/** The request's token; TOKEN_IN_URL for `?token=` (sockets too), else 401 without. */
export function requestToken(request: CredentialSource, options: CredentialOptions = {}): string {
  if (tokenInQuery(request.query))
    throw new BatonError('TOKEN_IN_URL', options.socket ? SOCKET_TOKEN_IN_URL : undefined);
  const token = tokenFrom(request.headers);
  if (!token) throw new BatonError('UNAUTHENTICATED');
  return token;
}

export type ConversationCaller =
  | { readonly kind: 'customer'; readonly conversation: ConversationRecord }
  | {
      readonly kind: 'agent';
      readonly agent: AgentRecord;
      readonly conversation: ConversationRecord;
    };

/** Whether an agent may open a conversation (ConversationHistoryService). */
export interface ConversationAccess {
  mayOpen(agent: AgentRecord, conversationId: string): Promise<boolean>;
}

export class Authenticator {
  constructor(
    private readonly store: Store,
    private readonly clock: () => Date,
    private readonly access: ConversationAccess,
    /** `auth.requireTotp`: an account without two-factor may only set it up (and log out). */
    private readonly requireTotp = false,
  ) {}

  /** The agent behind the request's session token; 401 without a valid one. */
  async agent(request: CredentialSource, options: CredentialOptions = {}): Promise<AgentRecord> {
    return (await this.session(request, options)).agent;
  }

  /**
   * The agent and the hash of the token the request carries (which session is "this one").
   * Marks the session as used, at most once a minute, for the sessions list. While two-factor
   * is required and the account has none, TOTP_ENROLMENT_REQUIRED, unless `enrolment` (the
   * two-factor routes and log-out).
   */
  async session(
    request: CredentialSource,
    options: CredentialOptions & { readonly enrolment?: boolean } = {},
  ): Promise<{ agent: AgentRecord; tokenHash: string }> {
    const token = requestToken(request, options);
    const tokenHash = hashToken(token);
    const now = this.clock();
    const found = await this.store.agents.findSession(tokenHash, now);
    if (!found) throw new BatonError('UNAUTHENTICATED', 'The session token is unknown or expired.');
    const seen = found.lastSeenAt === null ? 0 : Date.parse(found.lastSeenAt);
    // The store checks the interval again in SQL, for other nodes touching the same session.
    if (now.getTime() - seen >= SESSION_TOUCH_INTERVAL_MS)
      await this.store.sessions.touch(tokenHash, now);
    if (!options.enrolment) this.checkEnrolled(found.agent);
    return { agent: found.agent, tokenHash };
  }

  /**
   * The customer of this conversation, or an agent whose scope includes it; 401 without a
   * token, 404 for an agent out of scope, 403 for any other token.
   */
  async conversationCaller(
    request: CredentialSource,
    conversationId: string,
    options: CredentialOptions = {},
  ): Promise<ConversationCaller> {
    const token = requestToken(request, options);
    const notFound = () =>
      new BatonError('CONVERSATION_NOT_FOUND', `No conversation has the id ${conversationId}.`);
    const conversation = await this.store.conversations.get(conversationId);
    if (!conversation) throw notFound();
    const hash = hashToken(token);
    if (hash === conversation.tokenHash) return { kind: 'customer', conversation };
    const agent = await this.store.agents.findBySession(hash, this.clock());
    if (agent) {
      this.checkEnrolled(agent);
      if (!(await this.access.mayOpen(agent, conversationId))) throw notFound();
      return { kind: 'agent', agent, conversation };
    }
    throw new BatonError('FORBIDDEN', 'This token does not give access to that conversation.');
  }

  private checkEnrolled(agent: AgentRecord): void {
    if (this.requireTotp && !agent.totpEnabled) throw new BatonError('TOTP_ENROLMENT_REQUIRED');
  }
}
