/**
 * How the per-agent report counts the stints that end without a resolve or a transfer, and
 * whom it credits, against hand-written event logs (the HTTP test covers the usual paths).
 */
import { describe, expect, it } from 'vitest';
import { agentReport, type LoggedEvent } from '../../../src/core/metrics/index.ts';

const agent = (id: string) => ({ type: 'agent', id });
const system = { type: 'system' };
const at = (seconds: number) => new Date(Date.UTC(2026, 2, 2, 10, 0, seconds)).toISOString();
const ev = (
  type: string,
  seconds: number,
  actor: LoggedEvent['actor'],
  data: Record<string, unknown> = {},
): LoggedEvent => ({ type, at: at(seconds), actor, data });

describe('agentReport', () => {
  it('gives no handle time to a stint ended by a re-queue a reassign or a return to the bot, and names from the events', () => {
    const rows = agentReport(
      [
        {
          id: 'c1',
          channel: 'web',
          language: 'en',
          events: [
            ev('conversation.handed_over', 0, system, { queue: 'general' }),
            ev('conversation.assigned', 10, agent('a1'), { agentId: 'a1', agentName: 'Ann' }),
            // Ann stays silent: back to the queue, no first response and no handle time.
            ev('conversation.requeued', 400, system, { reason: 'agent_silent', agentId: 'a1' }),
            ev('conversation.assigned', 410, agent('a2'), { agentId: 'a2', agentName: 'Bo' }),
            ev('message.created', 420, agent('a2'), { from: 'agent', text: 'Hi' }),
            // A supervisor moves it to Ann: Bo's stint ends with no handle time.
            ev('conversation.reassigned', 430, agent('s1'), { toAgentId: 'a1' }),
            ev('conversation.assigned', 430, agent('s1'), { agentId: 'a1', via: 'reassign' }),
            ev('message.created', 445, agent('a1'), { from: 'agent', text: 'Ann again' }),
            ev('conversation.resolved', 500, agent('a1'), { by: 'a1', resolved: true }),
            ev('csat.submitted', 510, { type: 'customer' }, { rating: 2 }),
          ],
        },
        {
          id: 'c3',
          channel: 'web',
          language: 'en',
          events: [
            ev('conversation.handed_over', 0, system, { queue: 'general' }),
            ev('conversation.assigned', 5, agent('a2'), { agentId: 'a2' }),
            // Bo hands it back to the bot, which closes it: no handle time, not Bo's resolution.
            ev('conversation.returned_to_bot', 50, agent('a2'), { by: 'a2' }),
            ev('conversation.resolved', 80, system, {}),
          ],
        },
      ],
      (id) => (id === 'a2' ? 'Bo Renamed' : undefined),
    );
    expect(rows).toEqual([
      {
        agentId: 'a1',
        name: 'Ann',
        handled: 1,
        resolved: 1,
        firstResponseSeconds: { count: 1, p50: 15, p90: 15 },
        handleSeconds: { count: 1, p50: 70 },
        csat: { count: 1, average: 2 },
        transfersOut: 0,
        declinedOffers: 0,
        expiredOffers: 0,
      },
      {
        agentId: 'a2',
        name: 'Bo Renamed',
        handled: 2,
        resolved: 0,
        firstResponseSeconds: { count: 1, p50: 10, p90: 10 },
        handleSeconds: { count: 0, p50: null },
        csat: { count: 0, average: null },
        transfersOut: 0,
        declinedOffers: 0,
        expiredOffers: 0,
      },
    ]);
  });

  it('has no row for a conversation nobody took, and none at all for no conversations', () => {
    expect(agentReport([])).toEqual([]);
    expect(
      agentReport([
        {
          id: 'c2',
          channel: 'web',
          language: null,
          events: [
            ev('conversation.handed_over', 0, system, { queue: 'general' }),
            ev('conversation.abandoned', 90, system),
          ],
        },
      ]),
    ).toEqual([]);
  });
});
