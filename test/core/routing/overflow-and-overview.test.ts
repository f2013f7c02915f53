/** Overflow targets and the supervisor overview, from hand-built snapshots. */
import { describe, expect, it } from 'vitest';
import { defaultQueueMap, DEFAULT_QUEUES } from '../../../src/core/routing/default-queues.ts';
import { overflowTarget } from '../../../src/core/routing/overflow-target.ts';
import {
  supervisorOverview,
  type OverviewAgent,
  type OverviewConversation,
} from '../../../src/core/routing/supervisor-overview.ts';
import { NOW } from './fixtures.ts';

const queues = defaultQueueMap();

describe('overflowTarget', () => {
  it('takes the first fallback not visited yet; sales and general keep waiting', () => {
    expect(overflowTarget(queues, 'billing', ['billing'])).toBe('general');
    expect(overflowTarget(queues, 'billing', ['billing', 'general'])).toBeNull();
    expect(overflowTarget(queues, 'sales', ['sales'])).toBeNull();
    expect(overflowTarget(queues, 'general', ['billing', 'general'])).toBeNull();
    expect(overflowTarget(queues, 'nope', [])).toBeNull();
  });

  it('walks a longer chain in order, never back', () => {
    const chain = new Map(queues);
    chain.set('retention', { ...queues.get('retention')!, fallback: ['billing', 'general'] });
    expect(overflowTarget(chain, 'retention', ['retention'])).toBe('billing');
    expect(overflowTarget(chain, 'retention', ['retention', 'billing'])).toBe('general');
  });
});

const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();
const conversation = (
  id: string,
  over: Partial<OverviewConversation> = {},
): OverviewConversation => ({
  id,
  status: 'queued',
  queue: 'billing',
  priority: 50,
  waitingSince: ago(60),
  customerName: null,
  assigneeId: null,
  offeredTo: null,
  ...over,
});
const agent = (id: string, over: Partial<OverviewAgent> = {}): OverviewAgent => ({
  id,
  name: id,
  role: 'agent',
  presence: 'online',
  connected: true,
  skills: ['general', 'billing'],
  maxConcurrent: 2,
  ...over,
});

describe('supervisorOverview', () => {
  const overview = supervisorOverview({
    queues: DEFAULT_QUEUES,
    open: [
      conversation('q1', { waitingSince: ago(400) }),
      conversation('q2', { waitingSince: ago(30) }),
      conversation('o1', { status: 'offered', offeredTo: 'alex', waitingSince: ago(90) }),
      conversation('as', { status: 'assigned', assigneeId: 'alex', queue: 'general' }),
      conversation('s1', { queue: 'sales', waitingSince: ago(900) }),
      conversation('df', { status: 'deferred', queue: 'sales' }),
    ],
    agents: [agent('alex'), agent('sam', { presence: 'away' }), agent('kim', { connected: false })],
    breaches: [
      { conversationId: 'q1', queue: 'billing', at: ago(100) },
      { conversationId: 's1', queue: 'sales', at: ago(600) },
      { conversationId: 's1', queue: 'sales', at: ago(300) },
      // Breached earlier today but since taken: counted for the queue, no longer an alert.
      { conversationId: 'as', queue: 'general', at: ago(2000) },
    ],
    avgHandleMinutes: () => 6,
    now: NOW,
  });
  const queue = (id: string) => overview.queues.find((q) => q.id === id)!;

  it('counts waiting, the longest wait and breaches per queue', () => {
    expect(queue('billing')).toMatchObject({
      waiting: 3,
      offered: 1,
      deferred: 0,
      longestWaitSeconds: 400,
      slaBreachesToday: 1,
      agentsOnline: 1, // alex; sam is away, kim's inbox is closed
    });
    expect(queue('sales')).toMatchObject({ waiting: 1, deferred: 1, agentsOnline: 0 });
    expect(queue('general').slaBreachesToday).toBe(1);
  });

  it('quotes a band only where someone serving the queue is online', () => {
    expect(queue('sales').estimatedWait).toBeNull();
    // alex is full (offer + assignment = 2 of 2), two wait ahead: a real wait, not "now".
    const band = queue('billing').estimatedWait!;
    expect(band.highMinutes).toBeGreaterThan(band.lowMinutes);
    expect(band.lowMinutes).toBeGreaterThan(0);
  });

  it('shows each agent with load and conversations', () => {
    const alex = overview.agents.find((a) => a.id === 'alex')!;
    expect(alex).toMatchObject({ load: 2, maxConcurrent: 2, connected: true });
    expect(alex.conversations.map((c) => c.id).sort()).toEqual(['as', 'o1']);
    expect(overview.agents.find((a) => a.id === 'sam')).toMatchObject({
      load: 0,
      presence: 'away',
    });
  });

  it('alerts on breached conversations still waiting, longest first', () => {
    expect(overview.alerts.map((a) => [a.conversationId, a.breaches, a.waitedSeconds])).toEqual([
      ['s1', 2, 900],
      ['q1', 1, 400],
    ]);
    expect(overview.alerts[0]!.lastBreachAt).toBe(ago(300));
  });
});

describe('supervisorOverview across midnight', () => {
  it("counts every breach of a waiting conversation in its alert, and only today's for the queue", () => {
    const justAfterMidnight = new Date('2026-12-07T00:04:00Z');
    const overview = supervisorOverview({
      queues: DEFAULT_QUEUES,
      open: [conversation('night', { queue: 'general', waitingSince: '2026-12-06T23:50:00Z' })],
      agents: [],
      breaches: [
        { conversationId: 'night', queue: 'billing', at: '2026-12-06T23:52:00Z' },
        { conversationId: 'night', queue: 'general', at: '2026-12-07T00:03:00Z' },
      ],
      avgHandleMinutes: () => 6,
      now: justAfterMidnight,
    });
    expect(overview.alerts).toMatchObject([{ conversationId: 'night', breaches: 2 }]);
    expect(overview.queues.find((q) => q.id === 'billing')!.slaBreachesToday).toBe(0);
    expect(overview.queues.find((q) => q.id === 'general')!.slaBreachesToday).toBe(1);
  });
});

describe("supervisorOverview, the issue's contradiction", () => {
  it('never quotes "under a minute" beside a longest wait of 29 minutes', () => {
    // Two agents online with room to spare, yet one customer has waited 29 minutes (offers
    // expired unanswered): the free slots are evidently not serving the queue.
    const overview = supervisorOverview({
      queues: DEFAULT_QUEUES,
      open: [
        conversation('waited', { waitingSince: ago(29 * 60) }),
        conversation('new', { waitingSince: ago(20) }),
      ],
      agents: [agent('alex'), agent('sam')],
      breaches: [],
      avgHandleMinutes: () => 6,
      now: NOW,
    });
    const billing = overview.queues.find((q) => q.id === 'billing')!;
    expect(billing.longestWaitSeconds).toBe(29 * 60);
    expect(billing.estimatedWait!.highMinutes).toBeGreaterThanOrEqual(29);
  });
});
