// Inline edit of one account: name, skills, languages and capacity for supervisors and
// admins, the role for admins only (the server refuses it otherwise). The server's note (a
// capacity below the current load) is shown with the result.

import { useState } from 'preact/hooks';
import {
  ROLES,
  listProblem,
  splitList,
  updateAgent,
  type AccountFields,
  type Role,
  type TeamAgent,
} from './team-api.ts';

export function AgentEditForm(props: {
  token: string;
  agent: TeamAgent;
  canChangeRole: boolean;
  onSaved: (agent: TeamAgent, note: string | null) => void;
  onCancel: () => void;
}) {
  const a = props.agent;
  const [name, setName] = useState(a.name);
  const [role, setRole] = useState<Role>(a.role);
  const [skills, setSkills] = useState(a.skills.join(', '));
  const [languages, setLanguages] = useState(a.languages.join(', '));
  const [capacity, setCapacity] = useState(String(a.maxConcurrent));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const fields: AccountFields = {
      name: name.trim(),
      skills: splitList(skills),
      languages: splitList(languages),
      maxConcurrent: Number(capacity),
      ...(props.canChangeRole && role !== a.role ? { role } : {}),
    };
    const problem = listProblem('Skills', skills) ?? listProblem('Languages', languages);
    if (problem !== null) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      const saved = await updateAgent(props.token, a.id, fields);
      props.onSaved(saved.agent, saved.note);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Could not save.');
    } finally {
      setBusy(false);
    }
  };

  const id = (field: string) => `edit-${a.id}-${field}`;
  return (
    <form class="team-form" aria-label={`Edit ${a.name}`} onSubmit={(e) => void submit(e)}>
      <label for={id('name')}>
        Name
        <input
          id={id('name')}
          type="text"
          required
          maxLength={100}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      <label for={id('skills')}>
        Skills
        <input
          id={id('skills')}
          type="text"
          value={skills}
          onInput={(e) => setSkills(e.currentTarget.value)}
        />
      </label>
      <label for={id('languages')}>
        Languages
        <input
          id={id('languages')}
          type="text"
          value={languages}
          onInput={(e) => setLanguages(e.currentTarget.value)}
        />
      </label>
      <label for={id('capacity')}>
        Capacity
        <input
          id={id('capacity')}
          type="number"
          min={1}
          max={50}
          required
          value={capacity}
          onInput={(e) => setCapacity(e.currentTarget.value)}
        />
      </label>
      {props.canChangeRole && (
        <label for={id('role')}>
          Role
          <select
            id={id('role')}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as Role)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      )}
      <button class="button button--primary" type="submit" disabled={busy}>
        Save
      </button>
      <button class="button" type="button" onClick={props.onCancel}>
        Cancel
      </button>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
