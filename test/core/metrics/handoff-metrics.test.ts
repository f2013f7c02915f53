/** Metrics against hand-computed event logs. */
import { describe, expect, it } from 'vitest';
import {
  conversationFacts,
  type ConversationLog,
  type LoggedEvent,
} from '../../../src/core/metrics/conversation-facts.ts';
import {
  computeHandoffMetrics,
  handoffQuality,
} from '../../../src/core/metrics/handoff-metrics.ts';
import { percentile } from '../../../src/core/metrics/percentile.ts';

const ev = (
  type: string,
  at: string,
  data: Record<string, unknown> = {},
  actor = 'system',
): LoggedEvent => ({
  type,
  at: `2026-11-22T${at}:00.000Z`,
  actor: { type: actor },
  data,
});
const msg = (from: string, at: string, extra: Record<string, unknown> = {}) =>
  ev('message.created', at, { from, text: '…', ...extra }, from);

function log(id: string, events: LoggedEvent[], channel = 'web'): ConversationLog {
  return { id, channel, language: 'en', events };
}

// Bot from 09:50, handoff at 10:00, claimed 10:02, first human reply at 10:03, resolved.
const handled = log('a', [
  ev('conversation.created', '09:50'),
  msg('customer', '09:50'),
  msg('bot', '09:51'),
  ev('conversation.handed_over', '10:00', { reasons: ['explicit_request'], queue: 'billing' }),
  ev('conversation.assigned', '10:02'),
  msg('agent', '10:03', { repeatGuard: { fields: ['order_id'], overridden: false } }),
  msg('agent', '10:05'),
  ev('conversation.resolved', '10:10', { resolved: true, botCouldHaveHandled: true, note: 'FAQ' }),
  ev('csat.submitted', '10:11', { rating: 5 }, 'customer'),
]);
// Handoff at 11:00, transferred billing → technical → billing (a misroute), reply at 11:10.
const bounced = log(
  'b',
  [
    ev('conversation.created', '10:55'),
    ev('conversation.handed_over', '11:00', {
      reasons: ['topic_policy', 'amount_threshold'],
      queue: 'billing',
    }),
    ev('conversation.assigned', '11:01'),
    ev('conversation.transferred', '11:02', { toQueue: 'technical' }),
    ev('conversation.transferred', '11:05', { toQueue: 'billing' }),
    msg('agent', '11:10'),
    ev('conversation.resolved', '11:20', { resolved: false }),
  ],
  'whatsapp',
);
// Handed over at 12:00, customer left at 12:07.
const left = log('c', [
  ev('conversation.created', '11:59'),
  ev('conversation.handed_over', '12:00', { reasons: ['negative_sentiment'], queue: 'general' }),
  ev('conversation.sla_breached', '12:05'),
  ev('conversation.abandoned', '12:07'),
]);
const botOnly = log('d', [
  ev('conversation.created', '13:00'),
  msg('customer', '13:00'),
  msg('bot', '13:00'),
  ev('csat.submitted', '13:01', { rating: 4 }, 'customer'),
]);

describe('handoff metrics', () => {
  const m = computeHandoffMetrics([handled, bounced, left, botOnly].map(conversationFacts));

  it('measures time to human from the handoff, not from the start with the bot', () => {
    expect(conversationFacts(handled).firstHumanReplyAt).toBe('2026-11-22T10:03:00.000Z');
    // 3 min and 10 min: nearest-rank p50 is 180 s, p90 600 s.
    expect(m.timeToHumanSeconds).toEqual({ count: 2, p50: 180, p90: 600 });
    expect(m.waitSeconds).toEqual({ count: 2, p50: 60, p90: 120 });
  });

  it('counts handoffs by strongest reason, queue, channel and hour', () => {
    expect(m.conversations).toBe(4);
    expect(m.handoffs).toBe(3);
    expect(m.handoffRate).toBeCloseTo(0.75);
    expect(m.byReason).toEqual({ explicit_request: 1, topic_policy: 1, negative_sentiment: 1 });
    expect(m.byQueue).toEqual({ billing: 2, general: 1 });
    expect(m.byChannel).toEqual({ web: 2, whatsapp: 1 });
    expect(m.byHour[10]).toBe(1);
    expect(m.byHour[11]).toBe(1);
    expect(m.byHour[12]).toBe(1);
  });

  it('counts abandonment, misroutes, repeat guard hits, resolution and improvement items', () => {
    expect(m.abandoned).toBe(1);
    expect(m.abandonmentRate).toBeCloseTo(1 / 3);
    expect(m.misroutes).toBe(1);
    expect(m.repeatRate).toBeCloseTo(1 / 3);
    expect(m.resolvedAfterHandoff).toBe(2);
    expect(m.resolutionRate).toBe(0.5);
    expect(m.slaBreaches).toBe(1);
    expect(m.improvementItems).toEqual([
      {
        conversationId: 'a',
        reasons: ['explicit_request'],
        queue: 'billing',
        channel: 'web',
        resolvedAt: '2026-11-22T10:10:00.000Z',
        note: 'FAQ',
      },
    ]);
  });

  it('puts CSAT of bot-only and handed-over conversations side by side', () => {
    expect(m.csat).toEqual({
      botOnly: { count: 1, average: 4 },
      handedOver: { count: 1, average: 5 },
    });
  });

  it('scores handoff quality with the seed weights', () => {
    // a: context 1 − 1/2 = 0.5 (0.3), wait 2 min within target → 1 (0.2), resolved → 1 (0.3),
    // CSAT 5 → 1 (0.2): 0.15 + 0.2 + 0.3 + 0.2 = 0.85.
    expect(handoffQuality(conversationFacts(handled))).toBeCloseTo(0.85);
    // b: context 1 (0.3), wait 1 min → 1 (0.2), not resolved → 0 (0.3): 0.5 / 0.8 = 0.625.
    expect(handoffQuality(conversationFacts(bounced))).toBeCloseTo(0.625);
    expect(handoffQuality(conversationFacts(left))).toBeNull();
    expect(m.handoffQuality).toBeCloseTo((0.85 + 0.625) / 2);
  });

  it('reports nothing rather than zero when there is nothing to count', () => {
    const empty = computeHandoffMetrics([]);
    expect(empty.handoffRate).toBeNull();
    expect(empty.timeToHumanSeconds).toEqual({ count: 0, p50: null, p90: null });
  });

  it('takes the nearest-rank percentile', () => {
    expect(percentile([5, 1, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([], 50)).toBeNull();
  });
});
