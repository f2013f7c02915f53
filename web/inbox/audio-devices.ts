// The agent's microphone and speaker for calls in this browser (docs/web.md#microphone-and-speaker),
// chosen among the Voice SDK's own lists (`device.audio.availableInputDevices` and
// `availableOutputDevices`) and remembered per browser in localStorage. The speaker is set on
// the SDK as soon as the Device exists (`speakerDevices.set`); the microphone only when a call
// is accepted (`setInputDevice` opens it) and released when the call ends, so choosing one does
// not keep the microphone on between calls.

/** What this file reads of a `MediaDeviceInfo` (the SDK's lists hold them). */
export interface DeviceInfoLike {
  readonly deviceId: string;
  readonly label: string;
}

/** What this file needs of the Web Storage API (localStorage). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** localStorage, where the page has it (tests of this file pass their own). */
const browserStorage = (): StorageLike =>
  (globalThis as { localStorage?: StorageLike }).localStorage ?? {
    getItem: () => null,
    setItem: () => undefined,
  };

/** What this file needs of the SDK's `AudioHelper` (`device.audio`). */
export interface AudioLike {
  readonly availableInputDevices: ReadonlyMap<string, DeviceInfoLike>;
  readonly availableOutputDevices: ReadonlyMap<string, DeviceInfoLike>;
  /** False where the browser cannot route sound to a chosen output (no `setSinkId`). */
  readonly isOutputSelectionSupported: boolean;
  readonly speakerDevices: { set(deviceIdOrIds: string | string[]): Promise<void> };
  setInputDevice(deviceId: string): Promise<void>;
  unsetInputDevice(): Promise<void>;
  on(event: 'deviceChange', listener: () => void): unknown;
  off?(event: 'deviceChange', listener: () => void): unknown;
}

/** The remembered choice; null: the browser's default. */
export interface AudioChoice {
  input: string | null;
  speaker: string | null;
}

export const AUDIO_CHOICE_KEY = 'baton.inbox.callAudio';
const NONE: AudioChoice = { input: null, speaker: null };

const idOrNull = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

export function loadAudioChoice(
  storage: Pick<StorageLike, 'getItem'> = browserStorage(),
): AudioChoice {
  try {
    const raw = JSON.parse(storage.getItem(AUDIO_CHOICE_KEY) ?? 'null') as unknown;
    if (!raw || typeof raw !== 'object') return NONE;
    const r = raw as Record<string, unknown>;
    return { input: idOrNull(r.input), speaker: idOrNull(r.speaker) };
  } catch {
    return NONE;
  }
}

export function saveAudioChoice(
  choice: AudioChoice,
  storage: Pick<StorageLike, 'setItem'> = browserStorage(),
): void {
  storage.setItem(AUDIO_CHOICE_KEY, JSON.stringify(choice));
}

/** The remembered speaker, when the browser can choose it and the device is still there. */
export async function applySpeaker(audio: AudioLike, choice = loadAudioChoice()): Promise<void> {
  if (!audio.isOutputSelectionSupported) return;
  const id =
    choice.speaker && audio.availableOutputDevices.has(choice.speaker) ? choice.speaker : 'default';
  if (audio.availableOutputDevices.has(id)) await audio.speakerDevices.set(id);
}

/** The remembered microphone, when it is still there; true when one was set. */
export async function applyInput(audio: AudioLike, choice = loadAudioChoice()): Promise<boolean> {
  if (!choice.input || !audio.availableInputDevices.has(choice.input)) return false;
  await audio.setInputDevice(choice.input);
  return true;
}

/** A device as the agent reads it: its label, else a numbered stand-in (no permission yet). */
export function deviceOptions(
  devices: ReadonlyMap<string, DeviceInfoLike>,
  fallback: string,
): Array<{ id: string; label: string }> {
  return [...devices.values()].map((d, i) => ({
    id: d.deviceId,
    label: d.label || `${fallback} ${i + 1}`,
  }));
}
