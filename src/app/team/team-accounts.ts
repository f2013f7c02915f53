/**
 * What the team API does to accounts: create, edit, disable, enable, reset a password. Each
 * change is written to the team audit log with who made it. Who may call what is checked by
 * the routes; the rules that depend on the team itself (the last admin, yourself) are here.
 */
import { BatonError } from '../../core/errors/baton-error.ts';
import type { AgentRecord } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import type { AgentChanges } from '../../store/agent-repository.ts';
import { ACCOUNT_DEFAULTS, generatePassword, newAgentId } from '../auth/account-rules.ts';
import { hashPassword } from '../auth/password.ts';

export interface TeamDeps {
  readonly store: Store;
  readonly clock: () => Date;
  /** Hands an agent's open conversations back to their queues, telling the customers. */
  readonly releaseAll: (agent: AgentRecord) => Promise<number>;
  /** A routing pass now: capacity or the team changed. */
  readonly kickRouter: () => void;
  /** Closes the agent's open inbox sockets: their sessions ended. */
  readonly endConnections: (agentId: string) => void;
}

export interface NewAccount {
  readonly email: string;
  readonly name: string;
  readonly role?: AgentRecord['role'];
  readonly skills?: readonly string[];
  readonly languages?: readonly string[];
  readonly maxConcurrent?: number;
}

export type AccountEdit = Pick<
  AgentChanges,
  'name' | 'role' | 'skills' | 'languages' | 'maxConcurrent'
>;

async function existing(store: Store, id: string): Promise<AgentRecord> {
  const agent = await store.agents.get(id);
  if (!agent) throw new BatonError('AGENT_NOT_FOUND', `No agent has the id ${id}.`);
  return agent;
}

/** Creates an account with a generated password, returned once and stored only as a hash. */
export async function createAccount(deps: TeamDeps, actor: AgentRecord, input: NewAccount) {
  const email = input.email.trim().toLowerCase();
  if (await deps.store.agents.findByEmail(email, { includeDisabled: true }))
    throw new BatonError('EMAIL_TAKEN', `An account for ${email} already exists.`);
  const password = generatePassword();
  const now = deps.clock();
  const fields = {
    email,
    name: input.name.trim(),
    role: input.role ?? ACCOUNT_DEFAULTS.role,
    skills: input.skills ?? ACCOUNT_DEFAULTS.skills,
    languages: input.languages ?? ACCOUNT_DEFAULTS.languages,
    maxConcurrent: input.maxConcurrent ?? ACCOUNT_DEFAULTS.maxConcurrent,
  };
  const agent = await deps.store.agents.create({
    id: newAgentId(),
    ...fields,
    passwordHash: await hashPassword(password),
    now,
  });
  await deps.store.teamAudit.record({
    at: now,
    actorId: actor.id,
    agentId: agent.id,
    action: 'agent.created',
    changes: fields,
  });
  return { agent, password };
}

/** `{ field: { from, to } }` for the fields whose value really changes. */
export function accountDiff(before: AgentRecord, edit: AccountEdit): Record<string, unknown> {
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of ['name', 'role', 'skills', 'languages', 'maxConcurrent'] as const) {
    const to = edit[key];
    if (to !== undefined && JSON.stringify(to) !== JSON.stringify(before[key]))
      diff[key] = { from: before[key], to };
  }
  return diff;
}

async function enabledAdmins(store: Store): Promise<number> {
  return (await store.agents.list()).filter((a) => a.role === 'admin').length;
}

/**
 * Edits an account. Role changes are for admins (the route checks); the team always keeps
 * one enabled admin. A capacity below the current load is accepted: nothing is taken away,
 * routing just offers no more until the load is below it, and the note says so.
 */
export async function updateAccount(
  deps: TeamDeps,
  actor: AgentRecord,
  id: string,
  edit: AccountEdit,
): Promise<{ agent: AgentRecord; note: string | null }> {
  const before = await existing(deps.store, id);
  const edited = { ...edit, ...(edit.name !== undefined ? { name: edit.name.trim() } : {}) };
  const changes = accountDiff(before, edited);
  if (
    'role' in changes &&
    before.role === 'admin' &&
    before.disabledAt === null &&
    (await enabledAdmins(deps.store)) <= 1
  )
    throw new BatonError('LAST_ADMIN', `${before.name} is the only enabled admin.`);
  if (Object.keys(changes).length === 0) return { agent: before, note: 'Nothing changed.' };
  const agent = (await deps.store.agents.update(id, edited)) ?? before;
  await deps.store.teamAudit.record({
    at: deps.clock(),
    actorId: actor.id,
    agentId: id,
    action: 'agent.updated',
    changes,
  });
  deps.kickRouter();
  const load = (await deps.store.reads.loadByAgent()).get(id) ?? 0;
  const note =
    'maxConcurrent' in changes && load > agent.maxConcurrent
      ? `${agent.name} holds ${load} conversations, more than the new capacity of ${agent.maxConcurrent}: they keep them, and routing offers no new ones until fewer than ${agent.maxConcurrent} are open.`
      : null;
  return { agent, note };
}

/**
 * Disables an account: its sessions end, it goes offline, and its open conversations go back
 * to their queues with their priority, the customers told (the same hand-back as going
 * offline). Admins cannot disable themselves, so the team keeps at least one admin.
 */
export async function disableAccount(deps: TeamDeps, actor: AgentRecord, id: string) {
  if (id === actor.id)
    throw new BatonError('CANNOT_DISABLE_SELF', 'Ask another admin to disable your account.');
  const before = await existing(deps.store, id);
  if (before.disabledAt !== null) return { agent: before, released: 0 };
  const agent = (await deps.store.agents.disable(id, deps.clock())) ?? before;
  deps.endConnections(id);
  const released = await deps.releaseAll(agent);
  await deps.store.teamAudit.record({
    at: deps.clock(),
    actorId: actor.id,
    agentId: id,
    action: 'agent.disabled',
    changes: { released },
  });
  deps.kickRouter();
  return { agent, released };
}

export async function enableAccount(deps: TeamDeps, actor: AgentRecord, id: string) {
  const before = await existing(deps.store, id);
  if (before.disabledAt === null) return { agent: before };
  const agent = (await deps.store.agents.update(id, { disabledAt: null })) ?? before;
  await deps.store.teamAudit.record({
    at: deps.clock(),
    actorId: actor.id,
    agentId: id,
    action: 'agent.enabled',
    changes: { disabledAt: { from: before.disabledAt, to: null } },
  });
  return { agent };
}

/** A new generated password, returned once; every session of the account ends. */
export async function resetAccountPassword(deps: TeamDeps, actor: AgentRecord, id: string) {
  await existing(deps.store, id);
  const password = generatePassword();
  const recorded = await deps.store.teamAudit.resetPassword(id, await hashPassword(password), {
    at: deps.clock(),
    actorId: actor.id,
    agentId: id,
    action: 'agent.password_reset',
    changes: {},
  });
  if (!recorded) throw new BatonError('AGENT_NOT_FOUND', `No agent has the id ${id}.`);
  deps.endConnections(id);
  return { password };
}

/** The account changes above, bound once at boot to the store and the live parts they touch. */
export class TeamAccounts {
  constructor(private readonly deps: TeamDeps) {}

  create(actor: AgentRecord, input: NewAccount) {
    return createAccount(this.deps, actor, input);
  }

  update(actor: AgentRecord, id: string, edit: AccountEdit) {
    return updateAccount(this.deps, actor, id, edit);
  }

  disable(actor: AgentRecord, id: string) {
    return disableAccount(this.deps, actor, id);
  }

  enable(actor: AgentRecord, id: string) {
    return enableAccount(this.deps, actor, id);
  }

  resetPassword(actor: AgentRecord, id: string) {
    return resetAccountPassword(this.deps, actor, id);
  }
}
