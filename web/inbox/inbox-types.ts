// Wire types only the inbox reads: the handoff packet (src/core/handoff/handoff-packet.ts),
// the team, canned responses, knowledge-base hits and WhatsApp templates. Type-only; what
// the server's route schemas describe comes from them (src/http/routes/*-schemas.ts).

import type { Static } from '@sinclair/typebox';
import type { Hit, Warning } from '../../src/http/routes/assist-schemas.ts';
import type { TeamMember } from '../../src/http/routes/auth-schemas.ts';
import type { CannedResponse as CannedResponseSchema } from '../../src/http/routes/canned-responses-schemas.ts';
import type { Template } from '../../src/http/routes/whatsapp-template-schemas.ts';
import type { EventDataByType } from '../../src/core/conversation/event-data.ts';
import type { HandoffPacket as CoreHandoffPacket } from '../../src/core/handoff/handoff-packet.ts';
import type { MessageData } from '../shared/api-types.ts';

export type { FieldValue, PacketReason } from '../../src/core/handoff/handoff-packet.ts';

/**
 * The packet as GET …/packet serves it: the core's record as stored at handoff, plus the
 * abstractive summary an LLM may add to its summary afterwards (the `handoff.summarized`
 * event's data; src/app/engines/abstractive-summary.ts writes both).
 */
export type HandoffPacket = Omit<CoreHandoffPacket, 'summary'> & {
  readonly summary: CoreHandoffPacket['summary'] & {
    readonly abstractive?: EventDataByType['handoff.summarized'];
  };
};

/** An agent as GET /api/v1/agents lists them (src/http/routes/auth-schemas.ts). */
export type TeamAgent = Static<typeof TeamMember>;
export type Presence = TeamAgent['presence'];
export type CannedResponse = Static<typeof CannedResponseSchema>;
export type KnowledgeHit = Static<typeof Hit>;
export type RepeatWarning = Static<typeof Warning>;
export type WhatsAppTemplate = Static<typeof Template>;

/**
 * What the inbox sends to POST …/resolve: narrower than the route's body (workflow-routes.ts,
 * every field optional there, for API callers), as the inbox's form always asks both.
 */
export interface ResolveOutcome {
  resolved: boolean;
  botCouldHaveHandled: boolean;
  note?: string;
}

/**
 * A media reference on a message (the file stays at the provider, or in the server's store):
 * the core's `message.created` data (src/core/conversation/event-data.ts).
 */
export type MediaRef = NonNullable<MessageData['media']>[number];
