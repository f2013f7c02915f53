/**
 * Event data is typed per type in the registry (conversation-events.ts, event-data.ts). Mostly
 * type-level: `npm run typecheck` compiles this file, so an `@ts-expect-error` that no longer
 * finds an error, or an `expectTypeOf` that no longer holds, fails the typecheck.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CommandRequest } from '../../../src/app/conversations/apply-command.ts';
import { EVENT_TYPE_OF } from '../../../src/core/conversation/conversation-command.ts';
import {
  CONVERSATION_EVENT_TYPES,
  eventOf,
  type ConversationEventType,
  type EventData,
  type TypedEventData,
} from '../../../src/core/conversation/conversation-events.ts';
import type { EventDataByType } from '../../../src/core/conversation/event-data.ts';
import { transition } from '../../../src/core/conversation/transition.ts';
import type { NewEvent, StoredEvent } from '../../../src/core/records.ts';

const system = { type: 'system' } as const;

describe('event data typed by event type', () => {
  it('refuses an assignment without the agent it names, or with a misspelt field', () => {
    const whole: NewEvent = {
      type: 'conversation.assigned',
      actor: system,
      data: { agentId: 'a1', agentName: 'Ada' },
    };
    // @ts-expect-error agentId and agentName are required
    const missing: NewEvent = { type: 'conversation.assigned', actor: system, data: {} };
    const misspelt: NewEvent = {
      type: 'conversation.assigned',
      actor: system,
      // @ts-expect-error `agent` is not a field of conversation.assigned (agentId is)
      data: { agent: 'a1', agentName: 'Ada' },
    };
    // @ts-expect-error an unknown event type
    const unknownType: NewEvent = { type: 'conversation.teleported', actor: system, data: {} };
    expect([whole, missing, misspelt, unknownType].map((e) => e.type)).toEqual([
      'conversation.assigned',
      'conversation.assigned',
      'conversation.assigned',
      'conversation.teleported',
    ]);
  });

  it('has a data type for every registry type, and none for a type not in it', () => {
    // Adding a type to CONVERSATION_EVENT_TYPES without its data in event-data.ts fails here
    // and in the mapped `TypedEventData` itself.
    expectTypeOf<keyof EventDataByType>().toEqualTypeOf<ConversationEventType>();
    expectTypeOf<keyof TypedEventData>().toEqualTypeOf<ConversationEventType>();
    expect(new Set(CONVERSATION_EVENT_TYPES).size).toBe(CONVERSATION_EVENT_TYPES.length);
  });

  it('reads stored data typed after narrowing by type, other fields as unknown', () => {
    type Assigned = Extract<StoredEvent, { type: 'conversation.assigned' }>;
    expectTypeOf<Assigned['data']['agentId']>().toEqualTypeOf<string>();
    expectTypeOf<Assigned['data']['via']>().toEqualTypeOf<'reassign' | undefined>();
    // A field an older or newer version may have stored.
    expectTypeOf<Assigned['data']['somethingElse']>().toEqualTypeOf<unknown>();
  });

  it("types a state-machine command's data by the event it records", () => {
    const claim: CommandRequest<{ type: 'claim'; agentId: string }> = {
      command: { type: 'claim', agentId: 'a1' },
      actor: system,
      data: { agentId: 'a1', agentName: 'Ada' },
    };
    const claimWithoutName: CommandRequest<{ type: 'claim'; agentId: string }> = {
      command: { type: 'claim', agentId: 'a1' },
      actor: system,
      // @ts-expect-error conversation.assigned needs the agent's name too
      data: { agentId: 'a1' },
    };
    const decided = transition(
      { state: 'queued', assigneeId: null, offeredTo: null, queue: 'general' },
      { type: 'claim', agentId: 'a1' },
      new Date('2026-12-04T10:00:00Z'),
    );
    if (!decided.ok) throw new Error(decided.code);
    expectTypeOf(decided.event.type).toEqualTypeOf<'conversation.assigned'>();
    expect(decided.event.type).toBe(EVENT_TYPE_OF.claim);
    const recorded = eventOf(decided.event.type, system, { agentId: 'a1', agentName: 'Ada' });
    // @ts-expect-error eventOf takes the data of the type it is given
    eventOf(decided.event.type, system, { seq: 1, status: 'sent' });
    expect([claim.data, claimWithoutName.data, recorded.data]).toHaveLength(3);
  });

  it('takes a resolution by an agent, or as a duplicate thread (migration 021, no agent)', () => {
    const byAgent: EventData<'conversation.resolved'> = { by: 'a1', resolved: true };
    const duplicate: EventData<'conversation.resolved'> = {
      reason: 'duplicate_thread',
      from: 'queued',
      keptConversationId: 'c_kept',
    };
    // @ts-expect-error neither an agent's resolution nor a duplicate
    const neither: EventData<'conversation.resolved'> = { resolved: true };
    expect([byAgent, duplicate, neither]).toHaveLength(3);
  });
});
