/** The default bus for a single node: synchronous fan-out to local listeners. */
import type { EventBus } from './event-bus.ts';
import { ListenerSet } from './listener-set.ts';

export function createInProcessBus(): EventBus {
  const listeners = new ListenerSet();
  return {
    publish: (change) => listeners.deliverLocal(change),
    subscribe: (listener, options) => listeners.add(listener, options),
    close: () => Promise.resolve(),
  };
}
