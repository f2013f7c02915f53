// A short two-tone beep made with WebAudio, so no audio file has to be shipped. One
// AudioContext for the page; browsers may keep it suspended until the agent has clicked
// something, in which case the beep is silently skipped.

let context: AudioContext | null = null;

export function beep(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    const now = context.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.16, 1175],
    ] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.12, now + offset);
      gain.gain.exponentialRampToValueAtTime(0.001, now + offset + 0.14);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(now + offset);
      oscillator.stop(now + offset + 0.15);
    }
  } catch {
    // No WebAudio (or blocked): the on-screen announcement still happens.
  }
}
