/**
 * The dashboard's additions, against hand-computed event logs: handoff rate over time, filters,
 * recontact within 7 days, named transfers and reassignments, and the CSV exports.
 */
import { describe, expect, it } from 'vitest';
import {
  bucketSizeFor,
  computeHandoffMetrics,
  conversationFacts,
  conversationsCsv,
  csvCell,
  filterFacts,
  handoffRateSeries,
  improvementsCsv,
  type ConversationLog,
  type LoggedEvent,
} from '../../../src/core/metrics/index.ts';

const ev = (type: string, at: string, data: Record<string, unknown> = {}): LoggedEvent => ({
  type,
  at,
  actor: { type: type === 'message.created' ? String(data.from) : 'system' },
  data,
});

function log(
  id: string,
  events: LoggedEvent[],
  extra: Partial<ConversationLog> = {},
): ConversationLog {
  return { id, channel: 'web', language: 'en', events, ...extra };
}

// Day 1, 09:50 the bot; handoff at 10:00, first human reply at 10:03, resolved 10:20.
const a = log(
  'a',
  [
    ev('conversation.created', '2026-11-02T09:50:00.000Z'),
    ev('message.created', '2026-11-02T09:51:00.000Z', { from: 'bot' }),
    ev('conversation.handed_over', '2026-11-02T10:00:00.000Z', {
      reasons: ['explicit_request'],
      queue: 'billing',
    }),
    ev('conversation.assigned', '2026-11-02T10:01:00.000Z'),
    ev('message.created', '2026-11-02T10:03:00.000Z', { from: 'agent' }),
    ev('conversation.resolved', '2026-11-02T10:20:00.000Z', {
      resolved: true,
      botCouldHaveHandled: true,
      note: '=HYPERLINK("x"), "quoted"',
    }),
  ],
  { customerKey: 'email:nora@example.com' },
);
// Day 1, 11:00 bot only.
const b = log('b', [ev('conversation.created', '2026-11-02T11:00:00.000Z')], {
  channel: 'whatsapp',
  language: 'es',
});
// Day 3: Nora is back (within 7 days of a's resolution), handed over, transferred to a named
// colleague in the same queue (not a misroute), reassigned by a supervisor, overflowed once.
const c = log(
  'c',
  [
    ev('conversation.created', '2026-11-04T08:00:00.000Z'),
    ev('conversation.handed_over', '2026-11-04T08:01:00.000Z', {
      reasons: ['negative_sentiment'],
      queue: 'billing',
    }),
    ev('conversation.sla_breached', '2026-11-04T08:06:00.000Z', { queue: 'billing' }),
    ev('conversation.overflowed', '2026-11-04T08:06:00.000Z', {
      fromQueue: 'billing',
      toQueue: 'general',
    }),
    ev('conversation.reassigned', '2026-11-04T08:07:00.000Z', { toQueue: 'billing' }),
    ev('conversation.assigned', '2026-11-04T08:08:00.000Z'),
    ev('conversation.transferred', '2026-11-04T08:09:00.000Z', {
      toQueue: 'billing',
      toAgentId: 'a_sam',
    }),
  ],
  { customerKey: 'email:nora@example.com' },
);
// Day 12: Nora again, but more than 7 days after c started and c never resolved.
const d = log('d', [ev('conversation.created', '2026-11-14T08:00:00.000Z')], {
  customerKey: 'email:nora@example.com',
});

const facts = [a, b, c, d].map(conversationFacts);

describe('metrics additions', () => {
  it('measures time to human from the handoff (10:00 → 10:03 is 180 s, not the bot minutes)', () => {
    const m = computeHandoffMetrics([facts[0]!]);
    expect(m.timeToHumanSeconds).toEqual({ count: 1, p50: 180, p90: 180 });
    expect(m.waitSeconds.p50).toBe(60);
  });

  it('buckets the handoff rate by day over a week, by hour over a day', () => {
    const from = new Date('2026-11-02T00:00:00.000Z');
    const to = new Date('2026-11-05T00:00:00.000Z');
    expect(bucketSizeFor(from, to)).toBe('day');
    expect(handoffRateSeries(facts, from, to)).toEqual([
      { start: '2026-11-02T00:00:00.000Z', conversations: 2, handoffs: 1, rate: 0.5 },
      { start: '2026-11-03T00:00:00.000Z', conversations: 0, handoffs: 0, rate: null },
      { start: '2026-11-04T00:00:00.000Z', conversations: 1, handoffs: 1, rate: 1 },
    ]);
    const day = handoffRateSeries(
      facts,
      new Date('2026-11-02T00:00:00.000Z'),
      new Date('2026-11-03T00:00:00.000Z'),
    );
    expect(day).toHaveLength(24);
    expect(day[9]).toMatchObject({ conversations: 1, handoffs: 1 });
    expect(day[11]).toMatchObject({ conversations: 1, handoffs: 0, rate: 0 });
  });

  it('filters by channel, language and queue', () => {
    expect(filterFacts(facts, { channel: 'whatsapp' }).map((f) => f.id)).toEqual(['b']);
    expect(filterFacts(facts, { language: 'en' }).map((f) => f.id)).toEqual(['a', 'c', 'd']);
    expect(filterFacts(facts, { queue: 'billing' }).map((f) => f.id)).toEqual(['a', 'c']);
  });

  it('counts a recontact within 7 days of the resolution, using conversations after the range', () => {
    // The range holds only a; c (2 days later) comes from the context read after the range.
    const m = computeHandoffMetrics([facts[0]!], facts);
    expect(m.recontacts).toEqual({ resolved: 1, withinWindow: 1, rate: 1 });
    expect(computeHandoffMetrics([facts[0]!]).recontacts.withinWindow).toBe(0);
  });

  it('counts named transfers, reassignments and overflows apart from misroutes', () => {
    const m = computeHandoffMetrics(facts);
    expect(facts[2]).toMatchObject({
      transfers: 1,
      misrouted: false,
      reassignments: 1,
      overflows: 1,
    });
    expect(m).toMatchObject({ misroutes: 0, reassignments: 1, overflows: 1, slaBreaches: 1 });
  });

  it('exports one CSV row per conversation and the improvement items, safely quoted', () => {
    const csv = conversationsCsv(facts, (f) => f.id === 'a');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    const header = lines[0]!.split(',');
    const row = Object.fromEntries(header.map((h, i) => [h, lines[1]!.split(',')[i]]));
    expect(row).toMatchObject({
      conversation_id: 'a',
      queue: 'billing',
      wait_seconds: '60',
      time_to_human_seconds: '180',
      resolved: 'true',
      bot_could_have_handled: 'true',
      recontacted_within_7_days: 'true',
    });
    const improvements = improvementsCsv(facts).trimEnd().split('\r\n');
    expect(improvements).toHaveLength(2);
    // A formula is defused and quotes doubled, so a spreadsheet shows the text.
    expect(improvements[1]).toContain(`"'=HYPERLINK(""x""), ""quoted"""`);
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(null)).toBe('');
  });
});
