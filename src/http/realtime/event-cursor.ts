/**
 * Delivers one conversation's events to one client exactly once and in `seq` order. Live
 * events that arrive while the backlog loads are held back; a gap (the bus dropped or
 * reordered something) is filled from the database, the source of truth.
 */
import type { StoredEvent } from '../../core/records.ts';

export type LoadSince = (since: number) => Promise<StoredEvent[]>;

export class EventCursor {
  private loading = false;
  private held: StoredEvent[] = [];

  constructor(
    private lastSeq: number,
    private readonly load: LoadSince,
    private readonly send: (event: StoredEvent) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  get seq(): number {
    return this.lastSeq;
  }

  /** Sends everything after the cursor from the database, then what arrived meanwhile. */
  catchUp(): Promise<void> {
    if (this.loading) return Promise.resolve();
    this.loading = true;
    return this.load(this.lastSeq)
      .then((backlog) => {
        this.loading = false;
        const held = this.held;
        this.held = [];
        this.deliver([...backlog, ...held]);
      })
      .catch((error: unknown) => {
        this.loading = false;
        this.onError(error);
      });
  }

  push(events: readonly StoredEvent[]): void {
    if (this.loading) {
      this.held.push(...events);
      return;
    }
    this.deliver(events);
  }

  private deliver(events: readonly StoredEvent[]): void {
    const sorted = [...events].sort((a, b) => a.seq - b.seq);
    for (const event of sorted) {
      if (event.seq <= this.lastSeq) continue;
      if (event.seq !== this.lastSeq + 1) {
        // Something in between has not reached us: read it from the database.
        this.held.push(...sorted.filter((e) => e.seq > this.lastSeq));
        void this.catchUp();
        return;
      }
      this.send(event);
      this.lastSeq = event.seq;
    }
  }
}
