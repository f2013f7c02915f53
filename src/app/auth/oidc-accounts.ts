/**
 * Which agent an OpenID Connect identity signs in as: the provider must vouch for the email
 * (`email_verified`), its domain must be allowed, and it must name an active account, matched
 * case-folded. With `autoCreate`, an unknown email gets an `agent` account with no skills
 * (an admin gives it queues) and a random password nobody is told.
 */
import { BatonError } from '../../core/errors/baton-error.ts';
import type { AgentRecord } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import { ACCOUNT_DEFAULTS, generatePassword, newAgentId } from './account-rules.ts';
import { hashPassword } from './password.ts';

export interface OidcAccountRules {
  readonly allowedDomains?: readonly string[] | undefined;
  readonly autoCreate: boolean;
}

/** What the ID token says about the person (claims already verified by openid-client). */
export interface OidcIdentity {
  readonly email?: unknown;
  readonly email_verified?: unknown;
  readonly name?: unknown;
  readonly [claim: string]: unknown;
}

/** The agent, or a BatonError whose `details.email` names the refused address. */
export async function agentForIdentity(
  store: Store,
  clock: () => Date,
  rules: OidcAccountRules,
  identity: OidcIdentity,
): Promise<AgentRecord> {
  if (typeof identity.email !== 'string' || !identity.email.includes('@'))
    throw new BatonError('OIDC_EMAIL_UNVERIFIED', 'The identity provider gave no email address.');
  const email = identity.email.trim().toLowerCase();
  const refuse = (code: 'OIDC_EMAIL_UNVERIFIED' | 'OIDC_ACCOUNT_REFUSED', message: string) =>
    new BatonError(code, message, { email });
  // Only `true` counts: a provider that leaves the claim out has not verified anything.
  if (identity.email_verified !== true)
    throw refuse('OIDC_EMAIL_UNVERIFIED', `The identity provider has not verified ${email}.`);
  const domain = email.slice(email.lastIndexOf('@') + 1);
  const allowed = rules.allowedDomains?.map((d) => d.toLowerCase());
  if (allowed && !allowed.includes(domain))
    throw refuse('OIDC_ACCOUNT_REFUSED', `Accounts at ${domain} may not sign in here.`);
  const known = await store.agents.findByEmail(email, { includeDisabled: true });
  if (known?.disabledAt)
    throw refuse('OIDC_ACCOUNT_REFUSED', `The account ${email} is disabled; ask an admin.`);
  if (known) return known;
  if (!rules.autoCreate)
    throw refuse(
      'OIDC_ACCOUNT_REFUSED',
      `No Baton account has the email ${email}; ask an admin to create one.`,
    );
  return createFromIdentity(store, clock, email, identity.name);
}

async function createFromIdentity(
  store: Store,
  clock: () => Date,
  email: string,
  name: unknown,
): Promise<AgentRecord> {
  const now = clock();
  const fields = {
    email,
    name:
      typeof name === 'string' && name.trim() ? name.trim().slice(0, 100) : email.split('@')[0]!,
    role: 'agent' as const,
    skills: [] as string[],
    languages: [...ACCOUNT_DEFAULTS.languages],
    maxConcurrent: ACCOUNT_DEFAULTS.maxConcurrent,
  };
  const agent = await store.agents.create({
    id: newAgentId(),
    ...fields,
    passwordHash: await hashPassword(generatePassword()),
    now,
  });
  // Nobody created it but the person themselves, through the provider.
  await store.teamAudit.record({
    at: now,
    actorId: agent.id,
    agentId: agent.id,
    action: 'agent.created',
    changes: { ...fields, method: 'oidc' },
  });
  return agent;
}
