/**
 * Calls in this browser (web/inbox/browser-calls.ts) with a fake Device and Call: "ready" only
 * after the SDK's `registered`, "unavailable" with the SDK's own error text, a ringing call
 * accepted, muted, hung up or declined, and the token renewed a minute before it expires
 * (fake timers: no wall clock).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  REFRESH_AHEAD_MS,
  REFRESH_RETRY_MS,
  refreshDelay,
  startBrowserCalls,
  type BrowserCallsOptions,
  type CallLike,
  type CallsState,
  type DeviceLike,
  type VoiceToken,
} from '../../web/inbox/browser-calls.ts';
import { Emitter } from './sdk-emitter.ts';

class FakeDevice extends Emitter implements DeviceLike {
  tokens: string[] = [];
  registerCalls = 0;
  destroyed = false;
  registerResult: Promise<void> = new Promise(() => undefined); // the SDK's pending register
  register(): Promise<void> {
    this.registerCalls += 1;
    return this.registerResult;
  }
  updateToken(token: string): void {
    this.tokens.push(token);
  }
  destroy(): void {
    this.destroyed = true;
  }
}

class FakeCall extends Emitter implements CallLike {
  accepted = 0;
  rejected = 0;
  disconnected = 0;
  muted: boolean[] = [];
  constructor(
    readonly parameters: Record<string, string>,
    readonly customParameters: Map<string, string> = new Map(),
  ) {
    super();
  }
  accept(): void {
    this.accepted += 1;
  }
  reject(): void {
    this.rejected += 1;
  }
  disconnect(): void {
    this.disconnected += 1;
  }
  mute(shouldMute?: boolean): void {
    this.muted.push(shouldMute ?? true);
  }
}

const START = Date.parse('2026-11-25T12:00:00Z');
const inAnHour = (from: number): string => new Date(from + 3_600_000).toISOString();

function harness(overrides: Partial<BrowserCallsOptions> = {}) {
  const device = new FakeDevice();
  const states: CallsState[] = [];
  const answered: Array<string | null> = [];
  const fetchToken = vi.fn<() => Promise<VoiceToken>>();
  const calls = startBrowserCalls({
    first: { token: 'first', expiresAt: inAnHour(START) },
    fetchToken,
    createDevice: async () => device,
    onState: (s) => states.push(s),
    onAnswered: (id) => answered.push(id),
    ...overrides,
  });
  const last = () => states.at(-1);
  return { device, states, answered, fetchToken, calls, last };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('refreshDelay', () => {
  it('renews a minute before expiry, at once when that has passed or the date is bad', () => {
    expect(refreshDelay(inAnHour(START), START)).toBe(3_600_000 - REFRESH_AHEAD_MS);
    expect(refreshDelay(new Date(START + 30_000).toISOString(), START)).toBe(0);
    expect(refreshDelay('not a date', START)).toBe(0);
  });
});

describe('startBrowserCalls', () => {
  it('says registering, then ready only once the SDK says registered', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.device.registerCalls).toBe(1);
    expect(h.states).toEqual([{ kind: 'registering' }]);
    h.device.emit('registered');
    expect(h.last()).toEqual({ kind: 'ready' });
    h.device.emit('unregistered');
    expect(h.last()).toEqual({
      kind: 'unavailable',
      message: 'No longer registered with Twilio.',
    });
  });

  it("is unavailable with the SDK's error text: an error event, a failed register, a chunk that did not load", async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(0);
    h.device.emit('error', { message: 'ConnectionError (31005): Error sent from gateway' });
    expect(h.last()).toEqual({
      kind: 'unavailable',
      message: 'ConnectionError (31005): Error sent from gateway',
    });
    expect(h.states.some((s) => s.kind === 'ready')).toBe(false);

    const failing = new FakeDevice();
    failing.registerResult = Promise.reject(new Error('WebSocket closed'));
    const f = harness({ createDevice: async () => failing });
    await vi.advanceTimersByTimeAsync(0);
    expect(f.last()).toEqual({ kind: 'unavailable', message: 'WebSocket closed' });

    const g = harness({
      createDevice: () => Promise.reject(new Error('Failed to fetch dynamically imported module')),
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(g.last()).toEqual({
      kind: 'unavailable',
      message: 'Failed to fetch dynamically imported module',
    });
  });

  it('renews the token a minute before it expires, with device.updateToken, and again for the next one', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(0);
    const second = START + 3_600_000 - REFRESH_AHEAD_MS;
    h.fetchToken.mockResolvedValueOnce({ token: 'second', expiresAt: inAnHour(second) });
    await vi.advanceTimersByTimeAsync(3_600_000 - REFRESH_AHEAD_MS - 1);
    expect(h.fetchToken).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(h.fetchToken).toHaveBeenCalledTimes(1);
    expect(h.device.tokens).toEqual(['second']);

    // A failed renewal is tried again shortly, and the Device keeps its token meanwhile.
    h.fetchToken.mockRejectedValueOnce(new Error('Cannot reach the server.'));
    h.fetchToken.mockResolvedValueOnce({ token: 'third', expiresAt: inAnHour(START) });
    await vi.advanceTimersByTimeAsync(3_600_000 - REFRESH_AHEAD_MS);
    expect(h.fetchToken).toHaveBeenCalledTimes(2);
    expect(h.device.tokens).toEqual(['second']);
    await vi.advanceTimersByTimeAsync(REFRESH_RETRY_MS);
    expect(h.device.tokens).toEqual(['second', 'third']);

    // Stopped: no more renewals, and the Device is destroyed.
    h.calls.stop();
    await vi.advanceTimersByTimeAsync(10 * 3_600_000);
    expect(h.fetchToken).toHaveBeenCalledTimes(3);
    expect(h.device.destroyed).toBe(true);
  });

  it("renews at once on the SDK's tokenWillExpire", async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(0);
    h.fetchToken.mockResolvedValueOnce({ token: 'early', expiresAt: inAnHour(START) });
    h.device.emit('tokenWillExpire');
    await vi.advanceTimersByTimeAsync(0);
    expect(h.device.tokens).toEqual(['early']);
  });

  it('rings, accepts (opening the named conversation), mutes and hangs up, back to ready', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(0);
    h.device.emit('registered');
    const call = new FakeCall(
      { From: '+15559998888' },
      new Map([
        ['caller', '<b>Ana</b> +15550001111'],
        ['conversation', 'c_42'],
      ]),
    );
    h.device.emit('incoming', call);
    expect(h.last()).toEqual({
      kind: 'incoming',
      caller: '<b>Ana</b> +15550001111',
      conversationId: 'c_42',
    });
    h.calls.accept();
    await vi.advanceTimersByTimeAsync(0); // the remembered microphone is set first (none here)
    expect(call.accepted).toBe(1);
    // Not "on a call" until the SDK says the call was accepted.
    expect(h.last()?.kind).toBe('incoming');
    call.emit('accept');
    expect(h.last()).toEqual({
      kind: 'on-call',
      caller: '<b>Ana</b> +15550001111',
      conversationId: 'c_42',
      muted: false,
    });
    expect(h.answered).toEqual(['c_42']);

    // A second call while on this one is turned away.
    const other = new FakeCall({ From: '+15550002222' });
    h.device.emit('incoming', other);
    expect(other.rejected).toBe(1);
    expect(h.last()?.kind).toBe('on-call');

    h.calls.toggleMute();
    expect(call.muted).toEqual([true]);
    expect(h.last()).toMatchObject({ kind: 'on-call', muted: true });
    h.calls.toggleMute();
    expect(call.muted).toEqual([true, false]);

    // An error of the Device during the call does not end it in the panel.
    h.device.emit('error', { message: 'a warning' });
    expect(h.last()?.kind).toBe('on-call');
    h.device.emit('registered');

    h.calls.hangUp();
    expect(call.disconnected).toBe(1);
    call.emit('disconnect');
    expect(h.last()).toEqual({ kind: 'ready' });
  });

  it('declines, or the caller hangs up first; a call without a conversation answers null', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(0);
    h.device.emit('registered');
    const declined = new FakeCall({ From: '+15559998888' });
    h.device.emit('incoming', declined);
    expect(h.last()).toEqual({ kind: 'incoming', caller: '+15559998888', conversationId: null });
    h.calls.decline();
    expect(declined.rejected).toBe(1);
    expect(h.last()).toEqual({ kind: 'ready' });

    const cancelled = new FakeCall({});
    h.device.emit('incoming', cancelled);
    expect(h.last()).toMatchObject({ kind: 'incoming', caller: 'Unknown caller' });
    cancelled.emit('cancel');
    expect(h.last()).toEqual({ kind: 'ready' });

    const answered = new FakeCall({ From: '+15559998888' });
    h.device.emit('incoming', answered);
    h.calls.accept();
    answered.emit('accept');
    expect(h.answered).toEqual([null]);
  });
});
