/**
 * Per-account lockout with a growing backoff. Every log-in attempt for an email counts; past
 * `failures` attempts within the window, the account is locked for `lockSeconds`, doubled by
 * each further lock within a day (up to `maxLockSeconds`), whatever address the attempts come
 * from. A successful log-in clears both counts. Emails that have no account are counted the
 * same way, so the answers do not tell which accounts exist. Keys are hashes of the email:
 * Redis never holds an address.
 */
import { createHash } from 'node:crypto';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { createCounter, type SharedRedis, type Taken } from './counters.ts';

export interface LoginLockoutOptions {
  readonly failures: number;
  readonly windowMinutes: number;
  readonly lockSeconds: number;
  readonly maxLockSeconds: number;
  readonly redis?: SharedRedis;
  readonly prefix: string;
}

const LOCK_MEMORY_SECONDS = 24 * 3600;

export class LoginLockout {
  private readonly attempts;
  private readonly locks;

  constructor(private readonly options: LoginLockoutOptions) {
    this.attempts = createCounter(
      {
        name: `${options.prefix}:limit:login`,
        points: options.failures,
        windowSeconds: options.windowMinutes * 60,
      },
      options.redis,
    );
    this.locks = createCounter(
      {
        name: `${options.prefix}:limit:login-locks`,
        points: Number.MAX_SAFE_INTEGER,
        windowSeconds: LOCK_MEMORY_SECONDS,
      },
      options.redis,
    );
  }

  /**
   * Counts an attempt for this email before its password is checked, so that attempts sent
   * all at once cannot slip past the count. Refused while the account is locked.
   */
  async attempt(email: string): Promise<Taken> {
    const key = keyOf(email);
    try {
      await this.attempts.consume(key);
      return { ok: true };
    } catch (result) {
      if (!(result instanceof RateLimiterRes)) throw result;
      // The first refusal after the allowed attempts starts a lock, longer for each lock today.
      if (result.consumedPoints !== this.options.failures + 1)
        return { ok: false, retryAfterMs: Math.max(1, result.msBeforeNext) };
    }
    const lock = await this.locks.consume(key);
    const seconds = Math.min(
      this.options.maxLockSeconds,
      this.options.lockSeconds * 2 ** Math.min(30, lock.consumedPoints - 1),
    );
    await this.attempts.block(key, seconds);
    return { ok: false, retryAfterMs: seconds * 1000 };
  }

  /** The password was right: the account starts afresh. */
  async succeeded(email: string): Promise<void> {
    const key = keyOf(email);
    await Promise.all([this.attempts.delete(key), this.locks.delete(key)]);
  }
}

function keyOf(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}
