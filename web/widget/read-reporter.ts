// The customer's read receipts: when the panel is open and the page visible, the agents'
// messages shown so far are marked read (a `read` frame), once per new agent message, never
// on every scroll. A receipt replayed after a reload counts as sent, so it is not sent again.

import type { CustomerEvent } from '../shared/api-types.ts';

export class ReadReporter {
  /** The seq of the agents' last message this view shows. */
  #agentSeq = 0;
  /** The highest seq told to the server (or stored by it). */
  #sent = 0;

  constructor(private readonly send: (upToSeq: number) => boolean) {}

  seen(event: CustomerEvent): void {
    if (event.type === 'message.created' && event.data.from === 'agent')
      this.#agentSeq = Math.max(this.#agentSeq, event.seq);
    if (event.type === 'message.read' && event.data.by === 'customer')
      this.#sent = Math.max(this.#sent, event.data.upToSeq);
  }

  /** Marks what is shown as read when the customer can see it; offline, the next call retries. */
  report(visible: boolean): void {
    if (!visible || this.#agentSeq <= this.#sent) return;
    if (this.send(this.#agentSeq)) this.#sent = this.#agentSeq;
  }

  reset(): void {
    this.#agentSeq = 0;
    this.#sent = 0;
  }
}
