/**
 * The microphone and speaker of calls in this browser (web/inbox/audio-devices.ts, and their
 * use in browser-calls.ts) with a fake of the SDK's AudioHelper: the remembered speaker is set
 * when the Device starts and again when the device list fills in; the remembered microphone
 * only when a call is accepted (before the SDK's accept) and released when it ends; a device
 * no longer there, or a browser without output selection, leaves the default.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AUDIO_CHOICE_KEY,
  loadAudioChoice,
  saveAudioChoice,
  type AudioLike,
  type StorageLike,
} from '../../web/inbox/audio-devices.ts';
import {
  startBrowserCalls,
  type CallLike,
  type DeviceLike,
} from '../../web/inbox/browser-calls.ts';
import { Emitter } from './sdk-emitter.ts';

const info = (deviceId: string) => ({ deviceId, label: `Device ${deviceId}` });

class FakeAudio extends Emitter implements AudioLike {
  availableInputDevices = new Map([
    ['default', info('default')],
    ['mic-2', info('mic-2')],
  ]);
  availableOutputDevices = new Map<string, { deviceId: string; label: string }>();
  isOutputSelectionSupported = true;
  log: string[] = [];
  speakerDevices = {
    set: async (id: string | string[]) => void this.log.push(`speaker:${String(id)}`),
  };
  async setInputDevice(id: string) {
    this.log.push(`input:${id}`);
  }
  async unsetInputDevice() {
    this.log.push('input:unset');
  }
}

class FakeDevice extends Emitter implements DeviceLike {
  constructor(readonly audio: FakeAudio) {
    super();
  }
  register = () => new Promise<void>(() => undefined);
  updateToken = () => undefined;
  destroy = () => undefined;
}

class FakeCall extends Emitter implements CallLike {
  readonly parameters = { From: '+15550001111' };
  readonly customParameters = new Map<string, string>();
  constructor(private readonly log: string[]) {
    super();
  }
  accept = () => void this.log.push('call:accept');
  reject = () => undefined;
  disconnect = () => undefined;
  mute = () => undefined;
}

const memory = new Map<string, string>();
const storage: StorageLike = {
  getItem: (k) => memory.get(k) ?? null,
  setItem: (k, v) => void memory.set(k, v),
};

beforeEach(() => {
  memory.clear();
  vi.stubGlobal('localStorage', storage);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const start = (audio: FakeAudio) => {
  const device = new FakeDevice(audio);
  const calls = startBrowserCalls({
    first: { token: 't', expiresAt: new Date(Date.now() + 3_600_000).toISOString() },
    fetchToken: () => new Promise(() => undefined),
    createDevice: async () => device,
    onState: () => undefined,
  });
  return { device, calls };
};
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the remembered choice', () => {
  it('is stored as JSON under one key, and anything unreadable is the default', () => {
    saveAudioChoice({ input: 'mic-2', speaker: null });
    expect(memory.get(AUDIO_CHOICE_KEY)).toBe('{"input":"mic-2","speaker":null}');
    expect(loadAudioChoice()).toEqual({ input: 'mic-2', speaker: null });
    memory.set(AUDIO_CHOICE_KEY, 'not json');
    expect(loadAudioChoice()).toEqual({ input: null, speaker: null });
    memory.set(AUDIO_CHOICE_KEY, '{"input":42,"speaker":"out-1"}');
    expect(loadAudioChoice()).toEqual({ input: null, speaker: 'out-1' });
  });
});

describe('calls in this browser with a chosen microphone and speaker', () => {
  it('sets the speaker once the SDK lists it, and the microphone only for an accepted call', async () => {
    saveAudioChoice({ input: 'mic-2', speaker: 'out-1' });
    const audio = new FakeAudio();
    const { device, calls } = start(audio);
    await settle();
    // The output list is still empty: nothing to set yet.
    expect(audio.log).toEqual([]);
    audio.availableOutputDevices.set('default', info('default'));
    audio.availableOutputDevices.set('out-1', info('out-1'));
    audio.emit('deviceChange');
    await settle();
    expect(audio.log).toEqual(['speaker:out-1']);

    const call = new FakeCall(audio.log);
    device.emit('incoming', call);
    calls.accept();
    await settle();
    // The microphone before the SDK's accept, so the call uses it.
    expect(audio.log).toEqual(['speaker:out-1', 'input:mic-2', 'call:accept']);
    call.emit('accept');
    call.emit('disconnect');
    await settle();
    expect(audio.log.at(-1)).toBe('input:unset');
    expect(calls.audio()).toBe(audio);
  });

  it('keeps the defaults when the chosen devices are gone or output selection is not supported', async () => {
    saveAudioChoice({ input: 'unplugged', speaker: 'out-9' });
    const audio = new FakeAudio();
    audio.availableOutputDevices.set('default', info('default'));
    const { device, calls } = start(audio);
    await settle();
    expect(audio.log).toEqual(['speaker:default']);
    const call = new FakeCall(audio.log);
    device.emit('incoming', call);
    calls.accept();
    await settle();
    call.emit('disconnect');
    await settle();
    // No microphone was set, so none is released.
    expect(audio.log).toEqual(['speaker:default', 'call:accept']);

    const noSink = new FakeAudio();
    noSink.isOutputSelectionSupported = false;
    noSink.availableOutputDevices.set('out-9', info('out-9'));
    start(noSink);
    await settle();
    expect(noSink.log).toEqual([]);
  });
});
