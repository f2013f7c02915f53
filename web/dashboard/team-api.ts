// Typed calls of the team API (docs/team.md). PATCH goes through a local helper: the shared
// requestJson knows GET, POST and PUT only, and errors keep its ApiRequestError shape.

import type { Static } from '@sinclair/typebox';
import type {
  AuditEntry as AuditEntrySchema,
  TeamAgent as TeamAgentSchema,
  UpdateAgentBody,
} from '../../src/app/team/team-schemas.ts';
import type { Session } from '../../src/http/routes/account-security-schemas.ts';
import { ApiRequestError, requestJson } from '../shared/http.ts';

const base = new URL('/api/v1/team/', location.origin);
const url = (path: string): string => new URL(path, base).toString();
const agentUrl = (id: string, action = ''): string =>
  url(`agents/${encodeURIComponent(id)}${action ? `/${action}` : ''}`);

export type Role = TeamAgent['role'];
export const ROLES: readonly Role[] = ['agent', 'supervisor', 'admin'];

/** A member as the team API shows them (src/app/team/team-schemas.ts, type-only). */
export type TeamAgent = Static<typeof TeamAgentSchema>;

/** What an edit may change (the PATCH body's schema, type-only). */
export type AccountFields = Static<typeof UpdateAgentBody>;

export type AuditEntry = Static<typeof AuditEntrySchema>;

export async function fetchTeam(token: string): Promise<TeamAgent[]> {
  return (await requestJson<{ agents: TeamAgent[] }>(url('agents'), { token })).agents;
}

export function createAgent(
  token: string,
  fields: AccountFields & { email: string; name: string },
): Promise<{ agent: TeamAgent; password: string }> {
  return requestJson(url('agents'), { token, body: fields });
}

export async function updateAgent(
  token: string,
  id: string,
  fields: AccountFields,
): Promise<{ agent: TeamAgent; note: string | null }> {
  let response: Response;
  try {
    response = await fetch(agentUrl(id), {
      method: 'PATCH',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(fields),
    });
  } catch {
    throw new ApiRequestError(0, { code: 'NETWORK', message: 'Cannot reach the server.' });
  }
  const payload = (await response.json().catch(() => null)) as {
    error?: { code: string; message: string };
  } | null;
  if (!response.ok)
    throw new ApiRequestError(
      response.status,
      payload?.error ?? { code: `HTTP_${response.status}`, message: 'Request failed' },
    );
  return payload as unknown as { agent: TeamAgent; note: string | null };
}

export function setEnabled(token: string, id: string, enabled: boolean): Promise<unknown> {
  return requestJson(agentUrl(id, enabled ? 'enable' : 'disable'), { token, body: {} });
}

export function resetPassword(token: string, id: string): Promise<{ password: string }> {
  return requestJson(agentUrl(id, 'reset-password'), { token, body: {} });
}

/** A member's session as an admin sees it (never the token). */
export type MemberSession = Static<typeof Session>;

export async function fetchMemberSessions(token: string, id: string): Promise<MemberSession[]> {
  return (await requestJson<{ sessions: MemberSession[] }>(agentUrl(id, 'sessions'), { token }))
    .sessions;
}

export function revokeMemberSession(token: string, id: string, sessionId: string): Promise<void> {
  return requestJson(agentUrl(id, `sessions/${encodeURIComponent(sessionId)}`), {
    method: 'DELETE',
    token,
  });
}

/** The newest entries; `action` is one action or a family ending with a dot (`session.`). */
export async function fetchAudit(token: string, limit = 20, action = ''): Promise<AuditEntry[]> {
  const filter = action ? `&action=${encodeURIComponent(action)}` : '';
  return (
    await requestJson<{ entries: AuditEntry[] }>(url(`audit?limit=${limit}${filter}`), { token })
  ).entries;
}

/** The CSV export's address for the same filter. */
export function auditCsvUrl(action = ''): string {
  return url(`audit.csv${action ? `?action=${encodeURIComponent(action)}` : ''}`);
}

// The server's rule (src/app/auth/account-rules.ts), checked here first for a plain message.
const LIST_ITEM = /^[a-z][a-z0-9_]*$/;

/** Why a skills or languages field would be refused, in words; null when it is fine. */
export function listProblem(label: string, value: string): string | null {
  const items = splitList(value);
  const bad = items.find((item) => !LIST_ITEM.test(item));
  if (items.length === 0) return `${label}: give at least one.`;
  if (bad !== undefined)
    return `${label}: lower-case names (a–z, 0–9, _) separated by commas; "${bad}" is not one.`;
  if (new Set(items).size !== items.length) return `${label}: a name is listed twice.`;
  return null;
}

/** "general, billing" → ["general", "billing"] (the server checks each name). */
export const splitList = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
