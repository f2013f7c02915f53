// "Microphone and speaker" in the account dialog's Calls area, for an agent who takes calls in
// this browser: the Voice SDK's own device lists, the choice remembered in this browser
// (audio-devices.ts). Where the browser cannot route sound to a chosen output, it says so.

import { useEffect, useState } from 'preact/hooks';
import {
  deviceOptions,
  loadAudioChoice,
  saveAudioChoice,
  type AudioChoice,
  type AudioLike,
} from './audio-devices.ts';

export interface AudioDeviceSectionProps {
  /** The Device's audio helper; null when calls do not ring in this browser (nothing shown). */
  audio: AudioLike | null;
}

export function AudioDeviceSection({ audio }: AudioDeviceSectionProps) {
  const [choice, setChoice] = useState<AudioChoice>(() => loadAudioChoice());
  const [, setVersion] = useState(0);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (!audio) return;
    // The lists fill in (and change) after the SDK enumerates: draw them again.
    const changed = () => setVersion((n) => n + 1);
    audio.on('deviceChange', changed);
    return () => void audio.off?.('deviceChange', changed);
  }, [audio]);
  if (!audio) return null;

  const inputs = deviceOptions(audio.availableInputDevices, 'Microphone');
  const outputs = deviceOptions(audio.availableOutputDevices, 'Speaker');
  const unnamed = [...inputs, ...outputs].some((d) => d.label.match(/^(Microphone|Speaker) \d+$/));
  const remember = (next: AudioChoice) => {
    setChoice(next);
    saveAudioChoice(next);
  };
  const chooseSpeaker = (id: string | null) => {
    remember({ ...choice, speaker: id });
    setMessage(null);
    audio.speakerDevices.set(id ?? 'default').then(
      () => setMessage({ ok: true, text: 'Calls and the ringtone play on this speaker.' }),
      (error: unknown) =>
        setMessage({
          ok: false,
          text: `Could not use that speaker: ${error instanceof Error ? error.message : String(error)}`,
        }),
    );
  };
  const askPermission = () => {
    navigator.mediaDevices
      ?.getUserMedia({ audio: true })
      .then((stream) => stream.getTracks().forEach((t) => t.stop()))
      .then(
        () => setVersion((n) => n + 1),
        () => setMessage({ ok: false, text: 'The browser did not allow the microphone.' }),
      );
  };

  return (
    <section class="account-section" aria-labelledby="call-audio-title">
      <h3 id="call-audio-title">Microphone and speaker</h3>
      <p class="muted">For calls in this browser; remembered in this browser only.</p>
      <DeviceSelect
        label="Microphone"
        devices={inputs}
        value={choice.input}
        onChange={(id) => {
          remember({ ...choice, input: id });
          setMessage({ ok: true, text: 'Your next call uses this microphone.' });
        }}
      />
      {audio.isOutputSelectionSupported ? (
        <DeviceSelect
          label="Speaker"
          devices={outputs}
          value={choice.speaker}
          onChange={chooseSpeaker}
        />
      ) : (
        <p class="muted" role="note">
          This browser cannot choose the speaker: calls play on the system's default output.
          (Choosing it works in Chrome and Edge.)
        </p>
      )}
      {unnamed && (
        <button type="button" class="button" onClick={askPermission}>
          Show the devices' names (allow the microphone)
        </button>
      )}
      {message && (
        <p
          class={message.ok ? 'account-ok' : 'account-error'}
          role={message.ok ? 'status' : 'alert'}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}

/** One device list: the browser's default first (an empty value), then the SDK's devices. */
function DeviceSelect(props: {
  label: string;
  devices: readonly { id: string; label: string }[];
  value: string | null | undefined;
  onChange: (id: string | null) => void;
}) {
  return (
    <label>
      {props.label}
      <select
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.currentTarget.value || null)}
      >
        <option value="">The browser's default</option>
        {props.devices
          .filter((d) => d.id !== 'default')
          .map((d) => (
            <option key={d.id} value={d.id}>
              {d.label}
            </option>
          ))}
      </select>
    </label>
  );
}
