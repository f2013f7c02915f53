/**
 * What route modules and socket handlers receive from the composition root (src/main): the
 * application's services, never the store or the bus (eslint.config.js holds that).
 */
import type { AccountSecurity } from '../app/auth/account-security.ts';
import type { AgentSessions } from '../app/auth/agent-sessions.ts';
import type { TwoFactor } from '../app/auth/two-factor.ts';
import type { AuditTrail } from '../app/audit/audit-trail.ts';
import type { Authenticator } from '../app/auth/authenticate.ts';
import type { OidcSignIn } from '../app/auth/oidc-sign-in.ts';
import type { WhatsAppSender } from '../app/channels/whatsapp-sender.ts';
import type { WebhookDeliveryLog } from '../app/channels/webhook-delivery-log.ts';
import type { AgentWorkflow } from '../app/conversations/agent-workflow.ts';
import type { CustomerAttachments } from '../app/conversations/customer-attachments.ts';
import type { AgentAvatars } from '../app/team/agent-avatars.ts';
import type { ContactNotes } from '../app/conversations/contact-notes.ts';
import type { ConversationHistoryService } from '../app/conversations/conversation-history.ts';
import type { ConversationQueries } from '../app/conversations/conversation-queries.ts';
import type { ConversationService } from '../app/conversations/conversation-service.ts';
import type { ConversationWriter } from '../app/conversations/conversation-writer.ts';
import type { ConversationTools } from '../app/mcp/conversation-tools.ts';
import type { KnowledgeBaseSource } from '../app/engines/knowledge-base-source.ts';
import type { KnowledgeSearch } from '../app/engines/knowledge-search.ts';
import type { PolicySource } from '../app/engines/policy-source.ts';
import type { HealthProbe } from '../app/health/health-probe.ts';
import type { Limits } from '../app/limits/limits.ts';
import type { TranscriptRequests } from '../app/channels/email/transcript-email.ts';
import type { PrometheusMetrics } from '../app/metrics/prometheus.ts';
import type { CustomerPrivacy } from '../app/privacy/customer-privacy.ts';
import type { RealtimeHub } from '../app/realtime/realtime-hub.ts';
import type { QueueCatalog } from '../app/routing/queue-catalog.ts';
import type { SlaMsFor } from '../app/routing/queue-sla.ts';
import type { RouterService } from '../app/routing/router-service.ts';
import type { SupervisorDesk } from '../app/routing/supervisor-desk.ts';
import type { CalendarFor } from '../app/routing/team-calendar.ts';
import type { TeamAccounts } from '../app/team/team-accounts.ts';
import type { TeamDirectory } from '../app/team/team-directory.ts';
import type { ResolvedConfig } from '../config/load-config.ts';
import type { AgentVoiceLines } from '../app/channels/voice/agent-voice-lines.ts';
import type { VoiceCallBack } from '../app/channels/voice/voice-call-back.ts';

export interface RouteContext {
  readonly config: ResolvedConfig;
  /** The one writer of conversations (src/app/conversations/conversation-writer.ts). */
  readonly writer: ConversationWriter;
  readonly service: ConversationService;
  /** Files the customer sends from the widget (checked, kept, then the message). */
  readonly attachments: CustomerAttachments;
  /** Agents' profile pictures (checked, kept, served to the widget). */
  readonly avatars: AgentAvatars;
  /** Read-only: one conversation, its events, stored media, a period's logs. */
  readonly conversations: ConversationQueries;
  /** The inbox's history, search and contact view, scoped by the caller's role. */
  readonly history: ConversationHistoryService;
  /** The contact page's staff notes and what is known of the person. */
  readonly contactNotes: ContactNotes;
  readonly auth: Authenticator;
  readonly sessions: AgentSessions;
  /** Sign-in through the OpenID Connect provider; null unless `auth.oidc` is configured. */
  readonly oidc: OidcSignIn | null;
  /** Password change, the sessions list and revoking a session. */
  readonly accountSecurity: AccountSecurity;
  /** Two-factor log-in: set up, confirm, turn off, an admin's reset. */
  readonly twoFactor: TwoFactor;
  /** Where each agent takes handed-over calls (their profile's choice). */
  readonly voiceLines: AgentVoiceLines;
  /** "Call back" from the inbox: the customer's phone, bridged to the agent's line. */
  readonly callBacks: VoiceCallBack;
  /** The audit log of agents' and admins' actions (account changes write their own rows). */
  readonly audit: AuditTrail;
  readonly team: TeamDirectory;
  /** Account changes (create, edit, disable, …) with their side effects. */
  readonly teamAccounts: TeamAccounts;
  readonly supervision: SupervisorDesk;
  readonly privacy: CustomerPrivacy;
  /** WhatsApp's 24-hour window and approved templates. */
  readonly whatsapp: WhatsAppSender;
  readonly webhookDeliveries: WebhookDeliveryLog;
  readonly health: HealthProbe;
  readonly hub: RealtimeHub;
  /** Message and frame rates, open sockets, login lockout (docs/security.md, "Limits"). */
  readonly limits: Limits;
  /** "Email me this conversation" (the email channel's outbox). */
  readonly transcripts: TranscriptRequests;
  readonly clock: () => Date;
  readonly policy: PolicySource;
  readonly workflow: AgentWorkflow;
  readonly knowledge: KnowledgeSearch;
  readonly knowledgeBase: KnowledgeBaseSource;
  readonly metrics: PrometheusMetrics;
  readonly router: RouterService;
  /** The queues in force (`routing.queues`, else the built-in six). */
  readonly queues: QueueCatalog;
  /** Each queue's first-response target and business-hours calendar, derived once at boot. */
  readonly slaMsFor: SlaMsFor;
  readonly calendarFor: CalendarFor;
  /** What an AI agent may do through the MCP endpoint (hand over, status, note). */
  readonly mcpTools: ConversationTools;
}
