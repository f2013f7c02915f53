/**
 * The limits of one open socket (docs/security.md, "Limits"): its frames are handled one after
 * the other in arrival order, each passing the socket's frame rate and, for a message, the
 * conversation's message rate. A refused frame is not handled: the client gets an error frame
 * with RATE_LIMITED, `retryAfterMs` and the `clientMessageId` it refused, to send it again
 * later. A socket refused too often is closed with 1008 (policy violation), once every
 * message it was told was accepted has been answered.
 */
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { Taken } from '../../app/limits/counters.ts';
import type { FrameLimits } from '../../app/limits/frame-limits.ts';
import { BatonError } from '../../core/errors/baton-error.ts';
import { sendError } from './socket-frames.ts';

/** WebSocket close code 1008: the endpoint received a message that violates its policy. */
export const POLICY_VIOLATION_CLOSE_CODE = 1008;

export class SocketGuard {
  private readonly id = randomUUID();
  private queue: Promise<void> = Promise.resolve();
  private readonly inflight = new Set<Promise<unknown>>();
  private closing = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly frames: FrameLimits,
    private readonly onError: (error: unknown) => void,
  ) {
    socket.on('close', () => void this.frames.forget(this.id).catch(onError));
  }

  /** Handles a frame after those before it; dropped once the socket is closing. */
  next(handle: () => Promise<void>): void {
    this.queue = this.queue
      .then(() =>
        this.closing || this.socket.readyState !== this.socket.OPEN ? undefined : handle(),
      )
      .catch(this.onError);
  }

  /** This frame against the socket's frame rate. */
  frame(clientMessageId: string | undefined): Promise<boolean> {
    return this.pass(this.frames.frame(this.id), clientMessageId);
  }

  /** Whether a limit let the frame through; a refusal is answered and counted. */
  async pass(limit: Promise<Taken>, clientMessageId: string | undefined): Promise<boolean> {
    const taken = await limit;
    if (taken.ok) return true;
    const seconds = Math.ceil(taken.retryAfterMs / 1000);
    sendError(
      this.socket,
      new BatonError('RATE_LIMITED', `Too many messages; send it again in ${seconds} s.`, {
        retryAfterMs: taken.retryAfterMs,
      }),
      clientMessageId,
    );
    if (await this.frames.refused(this.id)) this.closeForAbuse();
    return false;
  }

  /** Work an accepted frame started (storing a message): answered before an abuse close. */
  track(work: Promise<unknown>): void {
    this.inflight.add(work);
    const done = () => this.inflight.delete(work);
    work.then(done, done);
  }

  private closeForAbuse(): void {
    if (this.closing) return;
    this.closing = true;
    void Promise.allSettled([...this.inflight]).then(() =>
      this.socket.close(POLICY_VIOLATION_CLOSE_CODE, 'too many frames refused'),
    );
  }
}
