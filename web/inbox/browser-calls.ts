// Calls in this browser (docs/web.md#calls-in-this-browser): the state of the agent's Twilio
// Device and of the one call it rings, driven by the SDK's events, and the token kept fresh
// before it expires. The SDK comes in through two narrow ports (DeviceLike, CallLike), so this
// file never imports it: the inbox loads it lazily (twilio-device.ts) and tests pass a fake.

import { applyInput, applySpeaker, type AudioLike } from './audio-devices.ts';

/** The SDK's EventEmitter types every listener so; the handlers below narrow their own. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Listener = (...args: any[]) => void;

/** What this file needs of the SDK's `Device`. */
export interface DeviceLike {
  on(event: string, listener: Listener): unknown;
  register(): Promise<void>;
  updateToken(token: string): void;
  destroy(): void;
  /** The SDK's AudioHelper: the microphone and speaker lists (audio-devices.ts). */
  readonly audio?: AudioLike | null;
}

/** What this file needs of the SDK's `Call`. */
export interface CallLike {
  readonly parameters: Readonly<Record<string, string>>;
  readonly customParameters: ReadonlyMap<string, string>;
  on(event: string, listener: Listener): unknown;
  accept(): void;
  reject(): void;
  disconnect(): void;
  mute(shouldMute?: boolean): void;
}

/** The answer of `POST /api/v1/voice/token`. */
export interface VoiceToken {
  token: string;
  expiresAt: string;
}

export type CallsState =
  | { kind: 'registering' }
  | { kind: 'ready' }
  | { kind: 'unavailable'; message: string }
  | { kind: 'incoming'; caller: string; conversationId: string | null }
  | { kind: 'on-call'; caller: string; conversationId: string | null; muted: boolean };

export interface BrowserCallsOptions {
  /** The token already fetched (the inbox fetches it once to learn whether to load the SDK). */
  first: VoiceToken;
  fetchToken: () => Promise<VoiceToken>;
  createDevice: (token: string) => Promise<DeviceLike>;
  onState: (state: CallsState) => void;
  /** The agent accepted: the call's `conversation` parameter, or null when it had none. */
  onAnswered?: (conversationId: string | null) => void;
  now?: () => number;
}

export interface BrowserCalls {
  accept(): void;
  decline(): void;
  hangUp(): void;
  toggleMute(): void;
  stop(): void;
  /** The Device's microphone and speaker lists, once the SDK is loaded. */
  audio(): AudioLike | null;
}

/** Renew this long before the token expires (Twilio's own warning comes 10 s before). */
export const REFRESH_AHEAD_MS = 60_000;
/** After a failed renewal, try again this much later (the old token may still hold). */
export const REFRESH_RETRY_MS = 15_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

/** How long to wait before renewing a token that expires at `expiresAt`. */
export function refreshDelay(expiresAt: string, now: number): number {
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at)) return 0;
  return Math.min(MAX_TIMER_MS, Math.max(0, at - now - REFRESH_AHEAD_MS));
}

/** The SDK's errors are TwilioErrors (`message`, sometimes only `description`) or Errors. */
export function errorText(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { message?: unknown; description?: unknown };
    if (typeof e.message === 'string' && e.message) return e.message;
    if (typeof e.description === 'string' && e.description) return e.description;
  }
  return typeof error === 'string' && error ? error : 'Unknown error';
}

/** Starts the Device with the first token; returns the agent's actions on its call. */
export function startBrowserCalls(options: BrowserCallsOptions): BrowserCalls {
  const now = options.now ?? (() => Date.now());
  let state: CallsState = { kind: 'registering' };
  let device: DeviceLike | null = null;
  let call: CallLike | null = null;
  let registered = false;
  let stopped = false;
  let inputSet = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const set = (next: CallsState) => {
    if (stopped) return;
    state = next;
    options.onState(next);
  };
  const inCall = () => state.kind === 'incoming' || state.kind === 'on-call';
  // Back from a call: to what the Device last said of itself.
  const idle = () => set(registered ? { kind: 'ready' } : { kind: 'registering' });
  const unavailable = (error: unknown) => {
    registered = false;
    if (!inCall()) set({ kind: 'unavailable', message: errorText(error) });
  };

  const schedule = (expiresAt: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), refreshDelay(expiresAt, now()));
  };
  const refresh = async () => {
    if (stopped || !device) return;
    try {
      const next = await options.fetchToken();
      if (stopped) return;
      device.updateToken(next.token);
      schedule(next.expiresAt);
    } catch {
      if (stopped) return;
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), REFRESH_RETRY_MS);
    }
  };

  const ring = (incoming: CallLike) => {
    if (inCall()) {
      incoming.reject(); // one call at a time; Baton rings the next agent
      return;
    }
    call = incoming;
    const caller =
      incoming.customParameters.get('caller') || incoming.parameters.From || 'Unknown caller';
    const conversationId = incoming.customParameters.get('conversation') || null;
    const ended = () => {
      if (call !== incoming) return;
      call = null;
      // The chosen microphone was opened for this call: release it.
      if (inputSet) void device?.audio?.unsetInputDevice().catch(() => undefined);
      inputSet = false;
      idle();
    };
    incoming.on('accept', () => {
      if (call !== incoming) return;
      set({ kind: 'on-call', caller, conversationId, muted: false });
      options.onAnswered?.(conversationId);
    });
    for (const event of ['disconnect', 'cancel', 'reject', 'error']) incoming.on(event, ended);
    set({ kind: 'incoming', caller, conversationId });
  };

  const wire = (d: DeviceLike) => {
    d.on('registering', () => {
      registered = false;
      if (!inCall()) set({ kind: 'registering' });
    });
    d.on('registered', () => {
      registered = true;
      if (!inCall()) set({ kind: 'ready' });
    });
    d.on('unregistered', () => unavailable('No longer registered with Twilio.'));
    d.on('error', (error: unknown) => unavailable(error));
    d.on('incoming', (incoming: CallLike) => ring(incoming));
    d.on('tokenWillExpire', () => void refresh());
  };

  set({ kind: 'registering' });
  options
    .createDevice(options.first.token)
    .then((d) => {
      if (stopped) {
        d.destroy();
        return;
      }
      device = d;
      wire(d);
      const audio = d.audio;
      if (audio) {
        // The remembered speaker, now and whenever the device list changes (it fills in late).
        const speaker = () => void applySpeaker(audio).catch(() => undefined);
        speaker();
        audio.on('deviceChange', speaker);
      }
      schedule(options.first.expiresAt);
      return d.register();
    })
    .catch((error: unknown) => unavailable(error));

  return {
    accept: () => {
      if (state.kind !== 'incoming' || !call) return;
      const accepted = call;
      const audio = device?.audio;
      // The remembered microphone first (a failure leaves the default): then answer.
      const input = audio ? applyInput(audio).catch(() => false) : Promise.resolve(false);
      void input.then((set) => {
        inputSet = set;
        if (call === accepted) accepted.accept();
      });
    },
    decline: () => {
      if (state.kind !== 'incoming' || !call) return;
      const declined = call;
      call = null;
      declined.reject();
      idle();
    },
    hangUp: () => {
      if (state.kind === 'on-call') call?.disconnect();
    },
    toggleMute: () => {
      if (state.kind !== 'on-call' || !call) return;
      const muted = !state.muted;
      call.mute(muted);
      set({ ...state, muted });
    },
    audio: () => device?.audio ?? null,
    stop: () => {
      clearTimeout(timer);
      stopped = true;
      device?.destroy();
    },
  };
}
