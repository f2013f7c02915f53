/** The widget's handoff state, folded from the event log the server sends (live or replayed). */
import { describe, expect, it } from 'vitest';
import type { CustomerEvent } from '../../web/shared/api-types.ts';
import { BOT_STATE, foldHandoffState, statusText } from '../../web/widget/handoff-state.ts';
import { WidgetText } from '../../web/widget/widget-text.ts';

const text = new WidgetText();

let seq = 0;
const event = (type: string, data: Record<string, unknown> = {}): CustomerEvent =>
  ({
    conversationId: 'c1',
    seq: ++seq,
    type,
    at: '2026-12-03T09:00:00.000Z',
    actor: { type: 'system' },
    data,
  }) as CustomerEvent;

const handedOver = () => [
  event('message.created', { from: 'customer', action: 'request_human' }),
  event('conversation.handed_over', { queue: 'billing' }),
  event('message.created', {
    from: 'bot',
    kind: 'handoff',
    position: 2,
  }),
];

describe('foldHandoffState', () => {
  it('waits with the place in line the server told, then shows who joined', () => {
    const waiting = foldHandoffState(handedOver());
    expect(waiting).toMatchObject({ mode: 'waiting', position: 2 });
    expect(statusText(waiting, text)).toBe('Waiting for a person · number 2 in line');
    const joined = foldHandoffState([
      ...handedOver(),
      event('conversation.assigned', { agentName: 'Sam' }),
    ]);
    expect(joined).toMatchObject({ mode: 'joined', agentName: 'Sam', position: null });
    expect(statusText(joined, text)).toBe('Sam joined');
  });

  it('is back in bot mode after a return to the bot, and can be handed over again', () => {
    const returned = [
      ...handedOver(),
      event('conversation.assigned', { agentName: 'Sam' }),
      event('conversation.returned_to_bot'),
      event('message.created', { from: 'bot', kind: 'returned', text: 'Sam has handed you back' }),
    ];
    expect(foldHandoffState(returned)).toEqual(BOT_STATE);
    expect(foldHandoffState([...returned, ...handedOver()]).mode).toBe('waiting');
  });

  it('goes back in line after a transfer or a release, and stays closed once resolved', () => {
    const assigned = [...handedOver(), event('conversation.assigned', { agentName: 'Sam' })];
    expect(foldHandoffState([...assigned, event('conversation.transferred')]).mode).toBe('waiting');
    expect(foldHandoffState([...assigned, event('conversation.requeued')]).mode).toBe('waiting');
    const resolved = foldHandoffState([
      ...assigned,
      event('conversation.resolved'),
      event('message.created', { from: 'system', kind: 'csat_request' }),
    ]);
    expect(resolved).toMatchObject({ mode: 'closed', closedAs: 'resolved' });
    expect(statusText(resolved, text)).toBe('Conversation resolved');
  });

  it('shows a deferred request as saved, and an abandoned one as ended', () => {
    const deferred = foldHandoffState([...handedOver(), event('conversation.deferred')]);
    expect(statusText(deferred, text)).toBe('Saved: a person will follow up');
    const ended = foldHandoffState([...handedOver(), event('conversation.abandoned')]);
    expect(statusText(ended, text)).toBe('Conversation ended');
  });
});
