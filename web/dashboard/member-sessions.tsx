// An admin's view of one member's sessions, under their row in the Team tab: where they are
// signed in (browser, address, when), each with Revoke, which ends it and closes its inbox at
// once. Values from the server are rendered as text.

import { useEffect, useState } from 'preact/hooks';
import { ApiRequestError } from '../shared/http.ts';
import { fetchMemberSessions, revokeMemberSession, type MemberSession } from './team-api.ts';

export interface MemberSessionsProps {
  token: string;
  agent: { id: string; name: string };
  onAuthError: () => void;
  /** A session was ended: the audit log below has a new row. */
  onRevoked: () => void;
}

export function MemberSessions({ token, agent, onAuthError, onRevoked }: MemberSessionsProps) {
  const [sessions, setSessions] = useState<MemberSession[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const failed = (e: unknown, fallback: string) => {
    if (e instanceof ApiRequestError && e.status === 401) onAuthError();
    setError(e instanceof Error ? e.message : fallback);
  };
  const load = () =>
    fetchMemberSessions(token, agent.id)
      .then((list) => {
        setSessions(list);
        setError(null);
      })
      .catch((e: unknown) => failed(e, 'Could not load the sessions.'));
  useEffect(() => {
    void load();
  }, [agent.id]);
  const revoke = (id: string) =>
    revokeMemberSession(token, agent.id, id)
      .then(() => {
        onRevoked();
        return load();
      })
      .catch((e: unknown) => failed(e, 'Could not end that session.'));
  return (
    <section class="member-sessions" aria-label={`Sessions of ${agent.name}`}>
      {error && <p role="alert">{error}</p>}
      {sessions === null ? (
        <p>Loading…</p>
      ) : sessions.length === 0 ? (
        <p>{agent.name} is not signed in anywhere.</p>
      ) : (
        <ul>
          {sessions.map((s) => (
            <li key={s.id} data-session={s.id}>
              <span>
                {s.userAgent ?? 'Unknown browser'} · {s.ip ?? 'unknown address'} · signed in{' '}
                {new Date(s.createdAt).toLocaleString()}
                {s.lastSeenAt && ` · last seen ${new Date(s.lastSeenAt).toLocaleString()}`}
              </span>{' '}
              <button
                type="button"
                class="button"
                aria-label={`Revoke ${agent.name}'s session from ${s.userAgent ?? 'an unknown browser'}`}
                onClick={() => void revoke(s.id)}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
