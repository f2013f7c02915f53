/**
 * How fast one socket may send frames of any kind, and when it has been refused often enough
 * to be closed. Sockets live on one node, so these counters are in memory.
 */
import { createCounter, take, type Taken } from './counters.ts';

export interface FrameLimitsOptions {
  readonly frames: number;
  readonly windowSeconds: number;
  /** Refusals within a minute after which the socket is closed. */
  readonly refusalsBeforeClose: number;
}

const REFUSAL_WINDOW_SECONDS = 60;

export class FrameLimits {
  private readonly frames;
  private readonly refusals;

  constructor(options: FrameLimitsOptions) {
    this.frames = createCounter({
      name: 'frames',
      points: options.frames,
      windowSeconds: options.windowSeconds,
    });
    this.refusals = createCounter({
      name: 'refusals',
      points: options.refusalsBeforeClose - 1,
      windowSeconds: REFUSAL_WINDOW_SECONDS,
    });
  }

  /** One frame arrived on the socket `socketId`. */
  frame(socketId: string): Promise<Taken> {
    return take(this.frames, socketId);
  }

  /** A frame of this socket was refused; true when that was once too often (close it). */
  async refused(socketId: string): Promise<boolean> {
    return !(await take(this.refusals, socketId)).ok;
  }

  /** The socket closed: its counters go. */
  async forget(socketId: string): Promise<void> {
    await Promise.all([this.frames.delete(socketId), this.refusals.delete(socketId)]);
  }
}
