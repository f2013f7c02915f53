import { describe, expect, it } from 'vitest';
import { metaSendMode } from '../../src/channels/messenger/messaging-window.ts';

const H = 3_600_000;
const now = new Date('2026-12-03T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe("Meta's messaging windows", () => {
  it('lets anything go as RESPONSE within 24 hours of the customer’s last message', () => {
    expect(metaSendMode(ago(24 * H), now, false).kind).toBe('response');
    expect(metaSendMode(ago(1), now, true).kind).toBe('response');
  });

  it('lets only a person reply after 24 hours, tagged, up to 7 days', () => {
    expect(metaSendMode(ago(24 * H + 1), now, true).kind).toBe('human_agent');
    expect(metaSendMode(ago(7 * 24 * H), now, true).kind).toBe('human_agent');
    expect(metaSendMode(ago(24 * H + 1), now, false)).toMatchObject({
      kind: 'closed',
      message: expect.stringMatching(/24 hours/),
    });
  });

  it('refuses everything after 7 days, saying why', () => {
    expect(metaSendMode(ago(7 * 24 * H + 1), now, true)).toMatchObject({
      kind: 'closed',
      message: expect.stringMatching(/7 days/),
    });
  });
});
