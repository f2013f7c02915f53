/** The handoff packet: the person taking over learns everything the bot learnt. */
import { describe, expect, it } from 'vitest';
import {
  buildHandoffPacket,
  type HandoffPacketInput,
} from '../../../src/core/handoff/build-handoff-packet.ts';
import { recommendActions } from '../../../src/core/handoff/recommend-actions.ts';

const now = new Date('2026-03-02T10:36:00Z');

function input(overrides: Partial<HandoffPacketInput> = {}): HandoffPacketInput {
  return {
    conversationId: 'c-1',
    channel: 'web',
    language: 'en',
    customer: {
      id: 'C-12345',
      name: 'Sarah Johnson',
      tier: 'premium',
      lifetime_value: 2340,
      previous_escalations: 1,
      // Signed by the host site: its claims count (identity-verification.ts).
      verified: true,
      verifiedBy: 'identity_token',
    },
    turns: [
      {
        at: '2026-03-02T10:32:00Z',
        from: 'bot',
        text: 'Hi! I am an automated assistant.',
        intent: 'greeting',
      },
      { at: '2026-03-02T10:32:05Z', from: 'customer', text: 'hi' },
      {
        at: '2026-03-02T10:32:20Z',
        from: 'customer',
        text: 'I want a refund for order #12345, the blender arrived broken',
      },
      {
        at: '2026-03-02T10:32:21Z',
        from: 'bot',
        text: 'Refunds are issued within 5 days of the return arriving.',
        intent: 'faq',
        confidence: 0.62,
        article: { id: 'refund-timing', title: 'When will I get my refund?' },
      },
      {
        at: '2026-03-02T10:35:00Z',
        from: 'customer',
        text: 'This is ridiculous, I want to talk to a human',
      },
    ],
    decision: {
      reasons: [
        {
          code: 'explicit_request',
          strength: 1,
          evidence: { turn: 4, matched: 'talk to a human' },
        },
        { code: 'topic_policy', strength: 0.9, evidence: { turn: 2, matched: 'i want a refund' } },
      ],
      queue: 'billing',
      skills: ['billing'],
      priority: 80,
      priorityContributions: [
        { source: 'base', points: 50 },
        { source: 'tier premium', points: 20 },
        { source: 'negative sentiment', points: 10 },
      ],
      fields: { order_id: '12345' },
      policyVersion: 'test-1',
    },
    history: { previousConversations: 3, previousEscalations: 0 },
    now,
    ...overrides,
  };
}

describe('buildHandoffPacket', () => {
  it('names the goal in the customer’s words, what the bot tried, what is known and why', () => {
    const p = buildHandoffPacket(input());
    expect(p.summary.goal).toContain('I want a refund for order #12345');
    expect(p.summary.tried).toEqual(['answered with “When will I get my refund?”']);
    expect(p.summary.collected).toEqual({ order_id: '12345' });
    expect(p.summary.blocker).toBe(
      'the customer asked for a person; the topic always goes to a person',
    );
    expect(p.summary.text).toMatch(
      /^Goal: .*refund.*The bot answered with .*Known: order id 12345\. Handed over because the customer asked for a person/,
    );
  });

  it('marks an unverified customer and does not believe the escalations it claims', () => {
    const p = buildHandoffPacket(
      input({ customer: { id: 'C-1', tier: 'premium', previous_escalations: 4, verified: false } }),
    );
    expect(p.customer).toEqual({
      id: 'C-1',
      tier: 'premium',
      previousConversations: 3,
      previousEscalations: 0,
      verified: false,
    });
  });

  it('carries the profile, intent, reasons, priority, articles and the transcript', () => {
    const p = buildHandoffPacket(input());
    expect(p.version).toBe(1);
    expect(p.customer).toEqual({
      id: 'C-12345',
      name: 'Sarah Johnson',
      tier: 'premium',
      lifetimeValue: 2340,
      previousConversations: 3,
      previousEscalations: 1,
      verified: true,
    });
    expect(p.intent).toEqual({ topic: 'refund', botIntent: 'faq', botConfidence: 0.62 });
    expect(p.reasons.map((r) => r.code)).toEqual(['explicit_request', 'topic_policy']);
    expect(p.priority.value).toBe(80);
    expect(p.priority.contributions).toHaveLength(3);
    expect(p.articlesShown).toEqual([{ id: 'refund-timing', title: 'When will I get my refund?' }]);
    expect(p.transcript).toHaveLength(5);
    expect(p.transcript[4]).toEqual({
      at: '2026-03-02T10:35:00Z',
      from: 'customer',
      text: 'This is ridiculous, I want to talk to a human',
    });
    expect(p.createdAt).toBe(now.toISOString());
  });

  it('sees the mood getting worse', () => {
    const p = buildHandoffPacket(
      input({
        turns: [
          {
            at: 't0',
            from: 'customer',
            text: 'Hello, lovely shop, I have a quick question about my order',
          },
          {
            at: 't1',
            from: 'customer',
            text: 'This is terrible and useless, I am really angry now',
          },
        ],
      }),
    );
    expect(p.sentiment.trend).toBe('worsening');
    expect(['frustrated', 'angry']).toContain(p.sentiment.label);
  });

  it('says so when the customer only asked for a person', () => {
    const p = buildHandoffPacket(
      input({
        turns: [{ at: 't0', from: 'customer', action: 'request_human' }],
        decision: { ...input().decision, fields: {} },
      }),
    );
    expect(p.summary.goal).toBe('the customer asked for a person without saying why yet');
    expect(p.summary.tried).toEqual([]);
  });

  it('recommends refund steps for a refund and greeting by name for an explicit request', () => {
    const p = buildHandoffPacket(input());
    expect(p.recommendedActions).toEqual([
      'Check the order and its return status',
      'Process the refund or give a clear timeline',
      'Greet the customer by name and say what you already know',
    ]);
  });
});

describe('recommendActions', () => {
  it('takes actions from every matching rule once, in table order', () => {
    const actions = recommendActions({
      reasons: ['amount_threshold', 'negative_sentiment'],
      topic: 'refund',
    });
    expect(actions[0]).toBe('Verify the order and the amount');
    expect(actions).toContain('Acknowledge the frustration first');
    expect(new Set(actions).size).toBe(actions.length);
  });

  it('accepts a custom table', () => {
    const rules = [{ when: { topics: ['sales'] }, actions: ['Call within the hour'] }];
    expect(recommendActions({ reasons: [], topic: 'sales' }, rules)).toEqual([
      'Call within the hour',
    ]);
    expect(recommendActions({ reasons: [], topic: null }, rules)).toEqual([]);
  });
});
