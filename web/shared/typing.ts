// Typing indicators, both UIs: how often a typist reports and how long the other side
// shows "… is typing" without hearing again. The server thins reports to one per 2 s too.

/** A typist reports "still typing" at most this often. */
export const TYPING_REPORT_MS = 2500;
/** The indicator hides by itself after this long without a report (a lost "stopped"). */
export const TYPING_SHOWN_MS = 6000;

/** Decides when a typist's keystrokes become a report: the first, then one per interval. */
export class TypingReporter {
  #lastReportAt = -Infinity;
  #active = false;

  constructor(
    private readonly report: (active: boolean) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Call on every change of the draft; an empty draft counts as stopping. */
  draftChanged(draft: string): void {
    if (draft.trim() === '') return this.stopped();
    const at = this.now();
    if (this.#active && at - this.#lastReportAt < TYPING_REPORT_MS) return;
    this.#active = true;
    this.#lastReportAt = at;
    this.report(true);
  }

  /** Call when the message is sent or the draft cleared. */
  stopped(): void {
    if (!this.#active) return;
    this.#active = false;
    this.#lastReportAt = -Infinity;
    this.report(false);
  }
}
