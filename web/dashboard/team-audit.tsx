// The latest changes to accounts from the team audit log, newest first, in plain words. The
// values are rendered as text (names and skills come from people).

import { useEffect, useState } from 'preact/hooks';
import { fetchAudit, type AuditEntry } from './team-api.ts';

const ACTIONS: Record<string, string> = {
  'agent.created': 'added',
  'agent.updated': 'changed',
  'agent.disabled': 'disabled',
  'agent.enabled': 'enabled',
  'agent.password_reset': 'reset the password of',
};

const show = (value: unknown): string =>
  Array.isArray(value) ? value.join(', ') : value === null ? '—' : String(value);

/** "capacity 3 → 1; skills general → general, billing" for edits; the count for disables. */
export function describeChanges(entry: AuditEntry): string {
  if (entry.action === 'agent.disabled')
    return `${show(entry.changes.released)} conversation(s) handed back`;
  if (entry.action !== 'agent.updated') return '';
  return Object.entries(entry.changes)
    .map(([field, change]) => {
      const { from, to } = change as { from: unknown; to: unknown };
      return `${field === 'maxConcurrent' ? 'capacity' : field} ${show(from)} → ${show(to)}`;
    })
    .join('; ');
}

export function TeamAudit(props: { token: string; reload: number }) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetchAudit(props.token).then(
      (list) => {
        setEntries(list);
        setError(null);
      },
      (failure: unknown) =>
        setError(failure instanceof Error ? failure.message : 'Could not load the audit log.'),
    );
  }, [props.token, props.reload]);

  return (
    <section class="card" aria-labelledby="audit-title">
      <h2 id="audit-title">Recent changes</h2>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {entries !== null && entries.length === 0 && <p class="muted">No changes yet.</p>}
      {entries !== null && entries.length > 0 && (
        <ol class="audit-list">
          {entries.map((e) => (
            <li key={e.id} data-action={e.action}>
              <time dateTime={e.at}>{e.at.slice(0, 16).replace('T', ' ')} UTC</time>{' '}
              <strong>{e.actor.name ?? e.actor.id}</strong> {ACTIONS[e.action] ?? e.action}{' '}
              <strong>{e.agent.name ?? e.agent.id}</strong>
              {describeChanges(e) && <span class="muted"> ({describeChanges(e)})</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
