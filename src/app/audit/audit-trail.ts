/**
 * Writes the audit log for what agents and admins do through the API and the sockets:
 * log-ins (and failures), log-outs, conversation work and configuration reloads. Account
 * changes and privacy work write their own rows in the same transaction as the change.
 *
 * An action has already happened when it is recorded here, so a failed write is logged
 * loudly and never turns a done action into an error for the person who did it.
 */
import type { AgentRecord } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import type { TeamAuditAction } from '../../store/team-audit-repository.ts';

export type ConversationAuditAction = Extract<TeamAuditAction, `conversation.${string}`>;

export interface AuditTrailOptions {
  readonly store: Store;
  readonly clock: () => Date;
  readonly onError: (error: unknown) => void;
}

export class AuditTrail {
  constructor(private readonly options: AuditTrailOptions) {}

  /** What an agent did to a conversation, from where. */
  conversation(
    agent: AgentRecord,
    action: ConversationAuditAction,
    conversationId: string,
    ip: string | null,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    return this.write(agent.id, agent.id, action, { conversationId, ...details }, ip);
  }

  /**
   * An agent's reply, once: a retried one (`duplicate`, the same clientMessageId) was recorded
   * the first time. The row names the message by its `seq`, never its text.
   */
  reply(
    agent: AgentRecord,
    conversationId: string,
    ip: string | null,
    result: { readonly duplicate: boolean; readonly events: readonly { readonly seq: number }[] },
  ): Promise<void> {
    if (result.duplicate) return Promise.resolve();
    const seq = result.events[0]?.seq;
    return this.conversation(agent, 'conversation.replied', conversationId, ip, { seq });
  }

  /** A reload of the policy or the knowledge base, taken or refused. */
  reload(
    agent: AgentRecord,
    action: 'policy.reloaded' | 'knowledge_base.reloaded',
    outcome: Record<string, unknown>,
    ip: string | null,
  ): Promise<void> {
    return this.write(agent.id, '', action, outcome, ip);
  }

  /** A session event; `agentId` is empty when nobody has the email that was tried. */
  session(
    action:
      | 'session.logged_in'
      | 'session.login_failed'
      | 'session.logged_out'
      | 'session.password_change_failed',
    agentId: string,
    ip: string | null,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    return this.write(agentId, agentId, action, details, ip);
  }

  /** An agent's change to their own profile (`{ field: { from, to } }`), as `agent.updated`. */
  profile(agent: AgentRecord, changes: Record<string, unknown>, ip: string | null): Promise<void> {
    return this.write(agent.id, agent.id, 'agent.updated', changes, ip);
  }

  /** A wrong, replayed or unknown second-factor code (`wrong`), at log-in or in the account. */
  totpFailed(agentId: string, ip: string | null, details: Record<string, unknown>): Promise<void> {
    return this.write(agentId, agentId, 'totp.check_failed', details, ip);
  }

  private async write(
    actorId: string,
    agentId: string,
    action: TeamAuditAction,
    changes: Record<string, unknown>,
    ip: string | null,
  ): Promise<void> {
    try {
      await this.options.store.teamAudit.record({
        at: this.options.clock(),
        actorId,
        agentId,
        action,
        changes,
        ip,
      });
    } catch (error) {
      this.options.onError(error);
    }
  }
}
