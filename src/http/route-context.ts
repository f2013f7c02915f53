/** What route modules receive from the composition root. */
import type { ConversationWriter } from '../app/conversations/conversation-writer.ts';
import type { EventBus } from '../bus/event-bus.ts';
import type { Store } from '../store/store.ts';
import type { Authenticator } from '../app/auth/authenticate.ts';
import type { ResolvedConfig } from '../config/load-config.ts';
import type { AgentWorkflow } from '../app/conversations/agent-workflow.ts';
import type { ConversationService } from '../app/conversations/conversation-service.ts';
import type { KnowledgeSearch } from '../app/engines/knowledge-search.ts';
import type { KnowledgeBaseSource } from '../app/engines/knowledge-base-source.ts';
import type { PrometheusMetrics } from '../app/metrics/prometheus.ts';
import type { RouterService } from '../app/routing/router-service.ts';
import type { PolicySource } from '../app/engines/policy-source.ts';
import type { RealtimeHub } from '../app/realtime/realtime-hub.ts';
import type { QueueCatalog } from '../app/routing/queue-catalog.ts';
import type { SlaMsFor } from '../app/routing/queue-sla.ts';
import type { CalendarFor } from '../app/routing/team-calendar.ts';

export interface RouteContext {
  readonly config: ResolvedConfig;
  readonly store: Store;
  /** The one writer of conversations (src/app/conversations/conversation-writer.ts). */
  readonly writer: ConversationWriter;
  readonly service: ConversationService;
  readonly auth: Authenticator;
  readonly hub: RealtimeHub;
  readonly clock: () => Date;
  readonly policy: PolicySource;
  readonly workflow: AgentWorkflow;
  readonly knowledge: KnowledgeSearch;
  readonly knowledgeBase: KnowledgeBaseSource;
  readonly metrics: PrometheusMetrics;
  readonly router: RouterService;
  readonly bus: EventBus;
  /** The queues in force (`routing.queues`, else the built-in six). */
  readonly queues: QueueCatalog;
  /** Each queue's first-response target and business-hours calendar, derived once at boot. */
  readonly slaMsFor: SlaMsFor;
  readonly calendarFor: CalendarFor;
}
