// Wire types only the inbox reads: the handoff packet (src/core/handoff/handoff-packet.ts),
// the team, canned responses, knowledge-base hits and WhatsApp templates. Type-only.

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

export type Presence = 'online' | 'away' | 'offline';

export interface TeamAgent {
  id: string;
  email: string;
  name: string;
  role: string;
  skills: string[];
  presence: Presence;
  capacity: number;
  load: number;
  connected: boolean;
}

export interface CannedResponse {
  title: string;
  text: string;
}

export interface KnowledgeHit {
  id: string;
  title: string;
  score: number;
  body: string;
}

export interface RepeatWarning {
  field: string;
  asked: string;
  known: string;
}

export interface WhatsAppTemplate {
  name: string;
  language: string;
  parameters: number;
  preview: string;
}

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
