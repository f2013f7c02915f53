// The audit log, newest first, in plain words: account changes, sign-ins, conversation work,
// reloads and privacy work, each with who, when and from which address; filtered by kind and
// downloadable as CSV. The values are rendered as text (names and skills come from people).

import { useEffect, useState } from 'preact/hooks';
import { describeChanges } from './describe-changes.ts';
import { downloadFile } from './dashboard-api.ts';
import { auditCsvUrl, fetchAudit, type AuditEntry } from './team-api.ts';

/** The filter's choices: an action family (ending with a dot) or everything. */
export const AUDIT_KINDS: ReadonlyArray<readonly [string, string]> = [
  ['', 'Everything'],
  ['agent.', 'Account changes'],
  ['session.', 'Sign-ins'],
  ['totp.', 'Two-factor sign-in'],
  ['conversation.', 'Conversation work'],
  ['policy.', 'Policy reloads'],
  ['knowledge_base.', 'Knowledge base reloads'],
  ['customer.', 'Customer data'],
];

const ACTIONS: Record<string, string> = {
  'agent.created': 'added',
  'agent.updated': 'changed',
  'agent.disabled': 'disabled',
  'agent.enabled': 'enabled',
  'agent.password_reset': 'reset the password of',
  'session.logged_in': 'signed in',
  'session.login_failed': 'failed to sign in',
  'session.logged_out': 'signed out',
  'session.password_changed': 'changed their password',
  'session.password_change_failed': 'failed to change their password',
  'session.revoked': 'ended a session of',
  'totp.setup_started': 'started setting up two-factor sign-in',
  'totp.enabled': 'turned two-factor sign-in on',
  'totp.disabled': 'turned two-factor sign-in off',
  'totp.check_failed': 'gave a wrong two-factor code',
  'totp.recovery_code_used': 'used a recovery code',
  'totp.reset': 'cleared the two-factor sign-in of',
  'conversation.claimed': 'took',
  'conversation.declined': 'declined',
  'conversation.replied': 'replied in',
  'conversation.noted': 'added a note to',
  'conversation.transferred': 'transferred',
  'conversation.reassigned': 'reassigned',
  'conversation.resolved': 'resolved',
  'conversation.returned_to_bot': 'returned to the bot',
  'conversation.called_back': 'called the customer back',
  'policy.reloaded': 'reloaded the policy',
  'knowledge_base.reloaded': 'reloaded the knowledge base',
  'customer.erased': 'erased a customer’s data',
  'customer.exported': 'exported a customer’s data',
  'conversations.expired': 'erased expired conversations',
};

/** Who or what the action was done to: an agent, a conversation, or nothing more to say. */
function subject(entry: AuditEntry): string {
  if (
    entry.action.startsWith('agent.') ||
    entry.action === 'session.revoked' ||
    entry.action === 'totp.reset'
  )
    return entry.agent.name ?? entry.agent.id;
  const conversation = entry.changes.conversationId;
  return typeof conversation === 'string' ? conversation : '';
}

export function TeamAudit(props: { token: string; reload: number }) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [kind, setKind] = useState('');
  useEffect(() => {
    fetchAudit(props.token, 20, kind).then(
      (list) => {
        setEntries(list);
        setError(null);
      },
      (failure: unknown) =>
        setError(failure instanceof Error ? failure.message : 'Could not load the audit log.'),
    );
  }, [props.token, props.reload, kind]);

  const download = () =>
    downloadFile(props.token, auditCsvUrl(kind), 'baton-audit.csv').catch((failure: unknown) =>
      setError(failure instanceof Error ? failure.message : 'The export failed.'),
    );

  return (
    <section class="card" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      <div class="audit-tools">
        <label>
          Show{' '}
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            {AUDIT_KINDS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="button" onClick={download}>
          Download CSV
        </button>
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {entries !== null && entries.length === 0 && <p class="muted">Nothing recorded yet.</p>}
      {entries !== null && entries.length > 0 && (
        <ol class="audit-list">
          {entries.map((e) => (
            <li key={e.id} data-action={e.action}>
              <time dateTime={e.at}>{e.at.slice(0, 16).replace('T', ' ')} UTC</time>{' '}
              <strong>{e.actor.name ?? (e.actor.id || 'Someone')}</strong>{' '}
              {ACTIONS[e.action] ?? e.action}
              {subject(e) && (
                <>
                  {' '}
                  <strong>{subject(e)}</strong>
                </>
              )}
              {describeChanges(e) && <span class="muted"> ({describeChanges(e)})</span>}
              {e.ip && <span class="muted"> from {e.ip}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
