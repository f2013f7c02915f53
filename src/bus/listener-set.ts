/** Listeners of a bus, each told whether it wants other nodes' changes too. */
import type {
  ChangeListener,
  ConversationChange,
  SubscribeOptions,
  TypingSignal,
} from './event-bus.ts';

export class ListenerSet {
  private readonly listeners = new Map<ChangeListener, boolean>();

  add(listener: ChangeListener, options: SubscribeOptions = {}): () => void {
    this.listeners.set(listener, options.allNodes === true);
    return () => this.listeners.delete(listener);
  }

  /** A change committed on this node reaches every listener. */
  deliverLocal(change: ConversationChange): void {
    for (const listener of this.listeners.keys()) call(listener, change);
  }

  /** A change from another node reaches only the listeners that asked for all nodes. */
  deliverRemote(change: ConversationChange): void {
    for (const [listener, allNodes] of this.listeners) if (allNodes) call(listener, change);
  }
}

/** Listeners of signals (typing, ended sessions): realtime only, so every node's hear every one. */
export class SignalListenerSet<T = TypingSignal> {
  private readonly listeners = new Set<(signal: T) => void>();

  add(listener: (signal: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  deliver(signal: T): void {
    for (const listener of this.listeners) {
      try {
        listener(signal);
      } catch {
        /* the listener logs its own failures */
      }
    }
  }
}

function call(listener: ChangeListener, change: ConversationChange): void {
  // One faulty listener must not stop delivery to the others.
  try {
    listener(change);
  } catch {
    /* the listener logs its own failures */
  }
}
