// The details of an audit entry in words, for the Team tab's log (team-audit.tsx). Plain
// values in, text out: no page APIs, so a unit test can call it.

/** The part of an audit entry (team-api.ts) the words are made from. */
export interface DescribedEntry {
  readonly action: string;
  readonly changes: Record<string, unknown>;
}

const show = (value: unknown): string =>
  Array.isArray(value) ? value.join(', ') : value === null ? '—' : String(value);

/** "capacity 3 → 1; skills general → general, billing" for edits; the count for disables. */
export function describeChanges(entry: DescribedEntry): string {
  const c = entry.changes;
  if (entry.action === 'agent.disabled') return `${show(c.released)} conversation(s) handed back`;
  if (entry.action === 'session.login_failed')
    return [c.email ? `as ${show(c.email)}` : '', c.locked ? 'account locked' : '']
      .filter(Boolean)
      .join('; ');
  if (entry.action === 'session.password_changed')
    return `${show(c.endedSessions)} other session(s) ended`;
  if (entry.action === 'session.password_change_failed')
    return c.locked ? 'account locked' : 'wrong current password';
  if (entry.action === 'session.revoked') return `session ${show(c.sessionId)}`;
  if (entry.action === 'totp.check_failed')
    return `${c.wrong === 'replayed' ? 'a code already used' : c.wrong === 'recovery_code' ? 'an unknown recovery code' : 'a wrong code'} (${show(c.during)})`;
  if (entry.action === 'totp.recovery_code_used') return `${show(c.recoveryCodesLeft)} left`;
  if (entry.action === 'conversation.transferred' || entry.action === 'conversation.reassigned')
    return c.toQueue ? `to ${show(c.toQueue)}` : `to agent ${show(c.toAgentId)}`;
  if (entry.action === 'policy.reloaded' || entry.action === 'knowledge_base.reloaded')
    return c.ok ? 'taken' : `refused: ${show(c.problems)}`;
  if (entry.action !== 'agent.updated') return '';
  return Object.entries(c)
    .map(([field, change]) => {
      const { from, to } = change as { from: unknown; to: unknown };
      return `${field === 'maxConcurrent' ? 'capacity' : field} ${show(from)} → ${show(to)}`;
    })
    .join('; ');
}
