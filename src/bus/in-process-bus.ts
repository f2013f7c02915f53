/** The default bus for a single node: synchronous fan-out to local listeners. */
import type { ChangeListener, ConversationChange, EventBus } from './event-bus.ts';

export function createInProcessBus(): EventBus {
  const listeners = new Set<ChangeListener>();
  return {
    publish(change: ConversationChange) {
      for (const listener of listeners) {
        // One faulty listener must not stop delivery to the others.
        try {
          listener(change);
        } catch {
          /* the listener logs its own failures */
        }
      }
    },
    subscribe(listener: ChangeListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => Promise.resolve(),
  };
}
