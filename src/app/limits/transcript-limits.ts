/**
 * How often "Email me this conversation" may send: per conversation and per address, each
 * an hour's window (config `widget.transcriptEmail`). The address is counted under its
 * SHA-256, so the counters (in memory or Redis) never hold it in the clear.
 */
import { createHash } from 'node:crypto';
import { createCounter, take, type SharedRedis, type Taken } from './counters.ts';

export interface TranscriptLimitsOptions {
  readonly perConversationPerHour: number;
  readonly perAddressPerHour: number;
  readonly redis?: SharedRedis;
  readonly prefix: string;
}

export class TranscriptLimits {
  private readonly conversations;
  private readonly addresses;

  constructor(options: TranscriptLimitsOptions) {
    const counter = (name: string, points: number) =>
      createCounter(
        { name: `${options.prefix}:limit:transcript-${name}`, points, windowSeconds: 3600 },
        options.redis,
      );
    this.conversations = counter('conversation', options.perConversationPerHour);
    this.addresses = counter('address', options.perAddressPerHour);
  }

  /** One transcript of this conversation to this address; refused when either is spent. */
  async take(conversationId: string, address: string): Promise<Taken> {
    const byConversation = await take(this.conversations, conversationId);
    if (!byConversation.ok) return byConversation;
    const hashed = createHash('sha256').update(address.trim().toLowerCase()).digest('hex');
    return take(this.addresses, hashed);
  }
}
