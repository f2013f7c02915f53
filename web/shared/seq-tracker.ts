// Per-conversation seq bookkeeping. Events can reach a client twice (HTTP answer and
// stream, or a replay after reconnect) or out of order around a reconnect; the tracker
// drops duplicates and remembers the highest seq below which nothing is missing, which
// is what a reconnect must resume from so that gaps are fetched again.

export class SeqTracker {
  #contiguous: number;
  readonly #ahead = new Set<number>();

  constructor(start = 0) {
    this.#contiguous = start;
  }

  /** Highest seq such that every seq up to it has been accepted. */
  get lastContiguous(): number {
    return this.#contiguous;
  }

  /** Records `seq`; false when it was seen before (the caller drops the event). */
  accept(seq: number): boolean {
    if (seq <= this.#contiguous || this.#ahead.has(seq)) return false;
    this.#ahead.add(seq);
    while (this.#ahead.has(this.#contiguous + 1)) {
      this.#contiguous += 1;
      this.#ahead.delete(this.#contiguous);
    }
    return true;
  }
}
