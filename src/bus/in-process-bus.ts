/** The default bus for a single node: synchronous fan-out to local listeners. */
import type { EventBus, SessionsEnded } from './event-bus.ts';
import { ListenerSet, SignalListenerSet } from './listener-set.ts';

export function createInProcessBus(): EventBus {
  const listeners = new ListenerSet();
  const signals = new SignalListenerSet();
  const sessions = new SignalListenerSet<SessionsEnded>();
  return {
    publish: (change) => listeners.deliverLocal(change),
    subscribe: (listener, options) => listeners.add(listener, options),
    signal: (signal) => signals.deliver(signal),
    onSignal: (listener) => signals.add(listener),
    endSessions: (ended) => sessions.deliver(ended),
    onSessionsEnded: (listener) => sessions.add(listener),
    close: () => Promise.resolve(),
  };
}
