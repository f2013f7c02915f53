import { describe, expect, it } from 'vitest';
import { DEFAULT_QUEUES } from '../../../src/core/routing/default-queues.ts';
import { route } from '../../../src/core/routing/route.ts';
import { NOW, agent, waiting } from './fixtures.ts';

const queues = DEFAULT_QUEUES;

describe('route', () => {
  it('offers to the least-loaded eligible agent with a timeout from the queue', () => {
    const r = route(
      {
        queues,
        conversations: [waiting('c1', { queue: 'billing' })],
        agents: [
          agent('busy', { skills: ['billing'], load: 1 }),
          agent('idle', { skills: ['billing'] }),
          agent('wrong-skill', { skills: ['technical'] }),
        ],
      },
      NOW,
    );
    expect(r.offers).toEqual([
      {
        conversationId: 'c1',
        agentId: 'idle',
        queue: 'billing',
        viaFallback: false,
        expiresAt: new Date(NOW.getTime() + 30_000),
      },
    ]);
  });

  it('matches the language and ignores away and offline agents', () => {
    const r = route(
      {
        queues,
        conversations: [waiting('c1', { language: 'de' })],
        agents: [
          agent('en'),
          agent('de-away', { languages: ['de'], presence: 'away' }),
          agent('de-off', { languages: ['de'], presence: 'offline' }),
          agent('de', { languages: ['en', 'de'], load: 1 }),
        ],
      },
      NOW,
    );
    expect(r.offers.map((o) => o.agentId)).toEqual(['de']);
  });

  it('serves a language the queue does not offer in its first language', () => {
    const r = route(
      {
        queues,
        conversations: [waiting('c1', { language: 'ja' })],
        agents: [agent('en')],
      },
      NOW,
    );
    expect(r.offers.map((o) => o.agentId)).toEqual(['en']);
  });

  it('decides by priority, then by wait', () => {
    const r = route(
      {
        queues,
        conversations: [
          waiting('low-old', { priority: 40, waitedSeconds: 900 }),
          waiting('high-new', { priority: 80, waitedSeconds: 10 }),
          waiting('high-old', { priority: 80, waitedSeconds: 300 }),
        ],
        agents: [agent('a', { capacity: 2 })],
      },
      NOW,
    );
    expect(r.offers.map((o) => o.conversationId)).toEqual(['high-old', 'high-new']);
    expect(r.waiting).toEqual([
      { conversationId: 'low-old', reason: 'AGENTS_BUSY', queue: 'general' },
    ]);
  });

  it('falls back to general when nobody in the queue is online, never for sales', () => {
    const r = route(
      {
        queues,
        conversations: [waiting('bill', { queue: 'billing' }), waiting('sale', { queue: 'sales' })],
        agents: [agent('g'), agent('b-off', { skills: ['billing'], presence: 'offline' })],
      },
      NOW,
    );
    expect(r.offers).toMatchObject([
      { conversationId: 'bill', queue: 'general', viaFallback: true },
    ]);
    expect(r.waiting).toEqual([
      { conversationId: 'sale', reason: 'NO_AGENT_ONLINE', queue: 'sales' },
    ]);
  });

  it('waits for its own busy team unless the SLA has been breached', () => {
    const agents = [agent('b', { skills: ['billing'], load: 2 }), agent('g')];
    const calm = route(
      { queues, conversations: [waiting('c', { queue: 'billing' })], agents },
      NOW,
    );
    expect(calm.waiting).toEqual([
      { conversationId: 'c', reason: 'AGENTS_BUSY', queue: 'billing' },
    ]);
    const late = route(
      { queues, conversations: [waiting('c', { queue: 'billing', overflow: true })], agents },
      NOW,
    );
    expect(late.offers).toMatchObject([{ agentId: 'g', queue: 'general', viaFallback: true }]);
  });

  it('never offers again to an agent who declined', () => {
    const r = route(
      {
        queues,
        conversations: [waiting('c', { declinedBy: ['a'] }), waiting('d', { priority: 10 })],
        agents: [agent('a', { capacity: 1 })],
      },
      NOW,
    );
    expect(r.offers).toMatchObject([{ conversationId: 'd', agentId: 'a' }]);
    expect(r.waiting).toEqual([
      { conversationId: 'c', reason: 'ALL_ELIGIBLE_DECLINED', queue: 'general' },
    ]);
  });

  it('leaves pull queues to agents who claim', () => {
    const r = route(
      {
        queues,
        conversations: [waiting('s', { queue: 'sales' })],
        agents: [agent('s', { skills: ['sales'] })],
      },
      NOW,
    );
    expect(r.offers).toEqual([]);
    expect(r.waiting).toEqual([{ conversationId: 's', reason: 'PULL_MODE', queue: 'sales' }]);
  });

  it('requires the conversation’s own extra skills', () => {
    const r = route(
      {
        queues,
        conversations: [waiting('c', { queue: 'trust_safety', skills: ['security'] })],
        agents: [
          agent('t', { skills: ['trust_safety'] }),
          agent('ts', { skills: ['trust_safety', 'security'], load: 1 }),
        ],
      },
      NOW,
    );
    expect(r.offers.map((o) => o.agentId)).toEqual(['ts']);
  });

  it('reports an unknown queue instead of throwing', () => {
    const r = route({ queues, conversations: [waiting('c', { queue: 'nope' })], agents: [] }, NOW);
    expect(r.waiting).toEqual([{ conversationId: 'c', reason: 'UNKNOWN_QUEUE' }]);
  });
});
