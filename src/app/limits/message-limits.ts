/**
 * How fast each side of a conversation may write: the customer's messages and actions, and
 * the agents' replies, are counted per conversation (socket and HTTP together, and across the
 * nodes of a cluster when Redis is configured). A refused message is not stored: the caller
 * tells the client when to send it again.
 */
import { createCounter, take, type SharedRedis, type Taken } from './counters.ts';

export interface MessageLimitsOptions {
  readonly messages: number;
  readonly windowSeconds: number;
  readonly redis?: SharedRedis;
  /** Redis keys start with it (the cluster's channel prefix). */
  readonly prefix: string;
}

export class MessageLimits {
  private readonly counter;

  constructor(options: MessageLimitsOptions) {
    this.counter = createCounter(
      {
        name: `${options.prefix}:limit:messages`,
        points: options.messages,
        windowSeconds: options.windowSeconds,
        blockInMemory: true,
      },
      options.redis,
    );
  }

  /** One customer message or action in this conversation. */
  customer(conversationId: string): Promise<Taken> {
    return take(this.counter, `customer:${conversationId}`);
  }

  /** One agent reply in this conversation (counted apart: a flooding customer never mutes the agent). */
  agent(conversationId: string): Promise<Taken> {
    return take(this.counter, `agent:${conversationId}`);
  }
}
