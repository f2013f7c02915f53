/** What route modules receive from the composition root. */
import type { ConversationWriter } from '../app/conversations/conversation-writer.ts';
import type { EventBus } from '../bus/event-bus.ts';
import type { Store } from '../store/store.ts';
import type { Authenticator } from './auth/authenticate.ts';
import type { ResolvedConfig } from './config/load-config.ts';
import type { AgentWorkflow } from './conversations/agent-workflow.ts';
import type { ConversationService } from './conversations/conversation-service.ts';
import type { KnowledgeSearch } from './engines/knowledge-search.ts';
import type { KnowledgeBaseSource } from './engines/knowledge-base-source.ts';
import type { PrometheusMetrics } from './metrics/prometheus.ts';
import type { RouterService } from './routing/router-service.ts';
import type { PolicySource } from './engines/policy-source.ts';
import type { RealtimeHub } from './realtime/realtime-hub.ts';
import type { QueueCatalog } from './routing/queue-catalog.ts';
import type { SlaMsFor } from './routing/queue-sla.ts';
import type { CalendarFor } from './routing/team-calendar.ts';

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
