// Each queue's display name as the server gives it (`GET /api/v1/queues`, the configured
// `name`, the one the customer is told), loaded once per session and shared by every screen
// that names a queue, so the inbox never guesses a name from an id.

import { useEffect, useState } from 'preact/hooks';
import { fetchQueues } from './api.ts';

let names: ReadonlyMap<string, string> = new Map();
const listeners = new Set<() => void>();

/** Fetches the queues in force; components using `useQueueNames` re-render with the names. */
export async function loadQueueNames(token: string): Promise<void> {
  const { queues } = await fetchQueues(token);
  names = new Map(queues.map((q) => [q.id, q.name]));
  for (const listener of listeners) listener();
}

/** The display names by queue id (empty until loaded). */
export function useQueueNames(): ReadonlyMap<string, string> {
  const [current, setCurrent] = useState(names);
  useEffect(() => {
    const listener = () => setCurrent(names);
    listeners.add(listener);
    listener(); // loaded between the first render and this effect
    return () => void listeners.delete(listener);
  }, []);
  return current;
}
