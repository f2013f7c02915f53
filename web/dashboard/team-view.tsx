// The Team tab: every account with its role, skills, languages, capacity, presence, load and
// status. Supervisors edit skills, languages and capacity; admins also add accounts, change
// roles, disable, enable and reset passwords. Refreshed every 10 seconds and after each change.

import { Fragment } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiRequestError } from '../shared/http.ts';
import { AddAgentForm } from './add-agent-form.tsx';
import { AgentEditForm } from './agent-edit-form.tsx';
import { MemberSessions } from './member-sessions.tsx';
import { PasswordOnce } from './password-once.tsx';
import { TeamAudit } from './team-audit.tsx';
import { fetchTeam, resetPassword, setEnabled, type TeamAgent } from './team-api.ts';

const POLL_MS = 10_000;

export function TeamView(props: {
  token: string;
  role: string;
  selfId: string;
  onAuthError: () => void;
}) {
  const isAdmin = props.role === 'admin';
  const [team, setTeam] = useState<TeamAgent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  /** The member whose sessions are open under their row (admins). */
  const [sessionsOf, setSessionsOf] = useState<string | null>(null);
  const [shown, setShown] = useState<{ email: string; password: string } | null>(null);
  const [changes, setChanges] = useState(0);

  const fail = (failure: unknown, fallback: string) => {
    if (failure instanceof ApiRequestError && failure.status === 401) props.onAuthError();
    else setError(failure instanceof Error ? failure.message : fallback);
  };
  const refresh = useCallback(async () => {
    try {
      setTeam(await fetchTeam(props.token));
    } catch (failure) {
      fail(failure, 'Could not load the team.');
    }
  }, [props.token]);
  const changed = (message: string) => {
    setError(null);
    setStatus(message);
    setChanges((n) => n + 1);
    void refresh();
  };

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const toggle = async (agent: TeamAgent) => {
    const enable = agent.disabledAt !== null;
    if (
      !enable &&
      !confirm(
        `Disable ${agent.name}? Their sessions end and their open conversations go back to the queue.`,
      )
    )
      return;
    try {
      await setEnabled(props.token, agent.id, enable);
      changed(`${agent.name} is ${enable ? 'enabled' : 'disabled'}.`);
    } catch (failure) {
      fail(failure, 'Could not change the account.');
    }
  };
  const reset = async (agent: TeamAgent) => {
    if (!confirm(`Reset ${agent.name}'s password? Their sessions end now.`)) return;
    try {
      const { password } = await resetPassword(props.token, agent.id);
      setShown({ email: agent.email, password });
      changed(`${agent.name} has a new password.`);
    } catch (failure) {
      fail(failure, 'Could not reset the password.');
    }
  };

  if (team === null) return <p aria-live="polite">{error ?? 'Loading…'}</p>;
  return (
    <section class="team" aria-labelledby="team-title">
      <div class="section-head">
        <h1 id="team-title">Team</h1>
        <p class="muted">
          {team.filter((a) => a.disabledAt === null).length} enabled accounts · changes are in the
          audit log below
        </p>
      </div>
      <p class="form-error" role="alert">
        {error}
      </p>
      <p class="team-status" role="status">
        {status}
      </p>
      {shown && (
        <PasswordOnce
          email={shown.email}
          password={shown.password}
          onClose={() => setShown(null)}
        />
      )}
      {isAdmin && (
        <section class="card" aria-labelledby="add-agent-title">
          <h2 id="add-agent-title">Add an agent</h2>
          <AddAgentForm
            token={props.token}
            onCreated={(agent, password) => {
              setShown({ email: agent.email, password });
              changed(`${agent.name} was added.`);
            }}
          />
        </section>
      )}
      <section class="card" aria-labelledby="accounts-title">
        <h2 id="accounts-title">Accounts</h2>
        <table class="data-table team-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Skills</th>
              <th scope="col">Languages</th>
              <th scope="col">Capacity</th>
              <th scope="col">Presence</th>
              <th scope="col">Load</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {team.map((a) => (
              <Fragment key={a.id}>
                <tr data-agent-id={a.id} data-email={a.email}>
                  <th scope="row">{a.name}</th>
                  <td>{a.email}</td>
                  <td data-field="role">{a.role}</td>
                  <td data-field="skills">{a.skills.join(', ')}</td>
                  <td data-field="languages">{a.languages.join(', ')}</td>
                  <td data-field="capacity">{a.maxConcurrent}</td>
                  <td>
                    <span class={`presence presence--${a.connected ? a.presence : 'closed'}`}>
                      {a.presence}
                      {a.presence === 'online' && !a.connected ? ', inbox closed' : ''}
                    </span>
                  </td>
                  <td data-field="load">{a.load}</td>
                  <td data-field="status">{a.disabledAt ? 'disabled' : 'enabled'}</td>
                  <td class="row-actions">
                    <button
                      type="button"
                      class="button"
                      aria-expanded={editing === a.id}
                      aria-label={`Edit ${a.name}`}
                      onClick={() => {
                        setStatus(null);
                        setEditing(editing === a.id ? null : a.id);
                      }}
                    >
                      Edit
                    </button>
                    {isAdmin && a.id !== props.selfId && (
                      <button
                        type="button"
                        class="button"
                        aria-label={`${a.disabledAt ? 'Enable' : 'Disable'} ${a.name}`}
                        onClick={() => void toggle(a)}
                      >
                        {a.disabledAt ? 'Enable' : 'Disable'}
                      </button>
                    )}
                    {isAdmin && (
                      <button
                        type="button"
                        class="button"
                        aria-expanded={sessionsOf === a.id}
                        aria-label={`Sessions of ${a.name}`}
                        onClick={() => setSessionsOf(sessionsOf === a.id ? null : a.id)}
                      >
                        Sessions
                      </button>
                    )}
                    {/* Not yourself: resetting ends your own session before you could copy it. */}
                    {isAdmin && a.id !== props.selfId && (
                      <button
                        type="button"
                        class="button"
                        aria-label={`Reset password for ${a.name}`}
                        onClick={() => void reset(a)}
                      >
                        Reset password
                      </button>
                    )}
                  </td>
                </tr>
                {sessionsOf === a.id && (
                  <tr class="edit-row">
                    <td colSpan={10}>
                      <MemberSessions
                        token={props.token}
                        agent={a}
                        onAuthError={props.onAuthError}
                        onRevoked={() => changed(`A session of ${a.name} was ended.`)}
                      />
                    </td>
                  </tr>
                )}
                {editing === a.id && (
                  <tr class="edit-row">
                    <td colSpan={10}>
                      <AgentEditForm
                        token={props.token}
                        agent={a}
                        canChangeRole={isAdmin}
                        onCancel={() => setEditing(null)}
                        onSaved={(saved, note) => {
                          setEditing(null);
                          changed(note ?? `${saved.name} was saved.`);
                        }}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </section>
      <TeamAudit token={props.token} reload={changes} />
    </section>
  );
}
