// Reassign one conversation to a queue or to a named agent who is online with room, with an
// optional reason (kept in the audit log). Errors (AGENT_UNAVAILABLE …) are shown as sent.

import { useState } from 'preact/hooks';
import { reassign, type AgentOverview } from './dashboard-api.ts';

export function ReassignForm(props: {
  token: string;
  conversationId: string;
  agents: readonly AgentOverview[];
  /** The queues in force with their display names, as the overview gives them. */
  queues: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  onDone: () => void;
}) {
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = props.conversationId;
  const available = props.agents.filter(
    (a) => a.presence === 'online' && a.connected && a.load < a.maxConcurrent,
  );

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      const [kind, value] = target.split(':') as [string, string];
      await reassign(
        props.token,
        id,
        kind === 'agent' ? { agentId: value } : { queue: value },
        reason,
      );
      // The alert may stay (moved to another queue, still waiting): start it afresh.
      setTarget('');
      setReason('');
      props.onDone();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Could not reassign.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="reassign" onSubmit={(e) => void submit(e)} aria-label={`Reassign ${id}`}>
      <label>
        Move to
        <select value={target} required onChange={(e) => setTarget(e.currentTarget.value)}>
          <option value="">Choose…</option>
          <optgroup label="Agents online with room">
            {available.map((a) => (
              <option key={a.id} value={`agent:${a.id}`}>
                {a.name} ({a.load}/{a.maxConcurrent})
              </option>
            ))}
          </optgroup>
          <optgroup label="Queues">
            {props.queues.map((q) => (
              <option key={q.id} value={`queue:${q.id}`}>
                {q.name}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label>
        Reason
        <input
          type="text"
          maxLength={1000}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </label>
      <button class="button button--primary" type="submit" disabled={busy || !target}>
        Reassign
      </button>
      {error && (
        <span class="form-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
