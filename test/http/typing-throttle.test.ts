import { describe, expect, it } from 'vitest';
import { TYPING_REFRESH_MS, TypingThrottle } from '../../src/http/realtime/typing-throttle.ts';

describe('TypingThrottle', () => {
  it('passes a start, thins repeats to one per refresh, and passes a stop once', () => {
    let now = 0;
    const throttle = new TypingThrottle(() => now);
    expect(throttle.pass('c1', false)).toBe(false); // nothing was started
    expect(throttle.pass('c1', true)).toBe(true);
    now += TYPING_REFRESH_MS - 1;
    expect(throttle.pass('c1', true)).toBe(false);
    expect(throttle.pass('c2', true)).toBe(true); // per conversation
    now += 1;
    expect(throttle.pass('c1', true)).toBe(true);
    expect(throttle.pass('c1', false)).toBe(true);
    expect(throttle.pass('c1', false)).toBe(false);
    expect(throttle.pass('c1', true)).toBe(true); // a new start after a stop
    throttle.forget('c1'); // refused: the next report is checked again at once
    expect(throttle.pass('c1', true)).toBe(true);
  });
});
