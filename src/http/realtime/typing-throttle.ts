/**
 * Clients may report typing on every keystroke; the other side only needs to hear it every
 * couple of seconds (its indicator lasts longer than that) and once when it stops.
 */
export const TYPING_REFRESH_MS = 2000;

export class TypingThrottle {
  private readonly lastActiveAt = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Whether this report should be passed on. */
  pass(key: string, active: boolean): boolean {
    const last = this.lastActiveAt.get(key);
    if (!active) {
      // A stop matters only after a start the other side heard.
      this.lastActiveAt.delete(key);
      return last !== undefined;
    }
    const at = this.now();
    if (last !== undefined && at - last < TYPING_REFRESH_MS) return false;
    this.lastActiveAt.set(key, at);
    return true;
  }

  /** The report was refused: the next one is checked again rather than thinned out. */
  forget(key: string): void {
    this.lastActiveAt.delete(key);
  }
}
