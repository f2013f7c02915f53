// The agent's presence (online: receives offers; away: keeps conversations, no new ones;
// offline: hands them back) and their load against their capacity.

import { useState } from 'preact/hooks';
import { setPresence } from './api.ts';
import type { Agent } from '../shared/api-types.ts';
import type { Presence } from './inbox-types.ts';

export interface PresenceControlProps {
  token: string;
  presence: Presence;
  load: number;
  capacity: number | null;
  /** The agent as the server now has them (no load or connection: PUT /me/presence says neither). */
  onChange: (agent: Agent, released: number) => void;
}

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
            .then((answer) => onChange(answer.agent, answer.released))
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
        {capacity === null ? `${load} open` : `${load} / ${capacity}`}
      </span>
    </div>
  );
}
