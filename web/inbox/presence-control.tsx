// The agent's presence (online: receives offers; away: keeps conversations, no new ones;
// offline: hands them back) and their load against their capacity. Online needs a connected
// inbox (docs/routing.md): chosen while the socket reconnects, the server keeps the agent
// offline, and the workspace says they will be online once it reconnects.

import { useState } from 'preact/hooks';
import { setPresence } from './api.ts';
import type { Agent } from '../shared/api-types.ts';
import type { Presence } from './inbox-types.ts';

export interface PresenceControlProps {
  token: string;
  presence: Presence;
  /** Conversations the agent holds; null until the inbox has loaded them (never a guessed 0). */
  load: number | null;
  capacity: number | null;
  /**
   * The agent as the server now has them (no load or connection: PUT /me/presence says
   * neither), and whether they asked for online while no inbox of theirs is connected (the
   * server then keeps them offline until the inbox reconnects).
   */
  onChange: (agent: Agent, released: number, waitsForInbox: boolean) => void;
}

/** Said while an agent who chose Online stays offline because the inbox is reconnecting. */
export const WAITING_FOR_INBOX = 'Connecting — you will be online when the inbox reconnects.';

const LABELS: Record<Presence, string> = { online: 'Online', away: 'Away', offline: 'Offline' };

export function PresenceControl({
  token,
  presence,
  load,
  capacity,
  onChange,
}: PresenceControlProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div class="presence">
      <span class={`presence-dot presence-dot--${presence}`} aria-hidden="true" />
      <label class="sr-only" for="presence">
        Your status
      </label>
      <select
        id="presence"
        value={presence}
        disabled={busy}
        title={error ?? 'Your status'}
        onChange={(e) => {
          const next = e.currentTarget.value as Presence;
          setBusy(true);
          setError(null);
          setPresence(token, next)
            .then((answer) =>
              onChange(
                answer.agent,
                answer.released,
                next === 'online' && answer.agent.presence !== 'online' && !answer.inboxOpen,
              ),
            )
            .catch((failure: unknown) =>
              setError(failure instanceof Error ? failure.message : 'Could not change status.'),
            )
            .finally(() => setBusy(false));
        }}
      >
        {(Object.keys(LABELS) as Presence[]).map((p) => (
          <option key={p} value={p}>
            {LABELS[p]}
          </option>
        ))}
      </select>
      <span class="capacity" title="Conversations you have / the most you take at once">
        {capacity === null ? `${load ?? '…'} open` : `${load ?? '…'} / ${capacity}`}
      </span>
    </div>
  );
}
