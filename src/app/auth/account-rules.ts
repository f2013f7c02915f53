/**
 * The rules an agent account must follow, shared by `baton agents` and the team API so both
 * accept and refuse the same things. Pure values and checks; each caller turns a refusal into
 * its own kind of error (a usage message, a 400).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AgentRecord } from '../../core/records.ts';

export type AccountRole = AgentRecord['role'];

export const ACCOUNT_ROLES: readonly AccountRole[] = ['agent', 'supervisor', 'admin'];

/** Skills (queue names) and languages: lower-case names, as queues are spelt in config. */
export const LIST_ITEM_PATTERN = '^[a-z][a-z0-9_]*$';
export const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$';
export const MAX_CONCURRENT = { min: 1, max: 50 } as const;
export const MIN_PASSWORD_LENGTH = 10;
export const NAME_MAX_LENGTH = 100;

/** What a new account gets when the creator leaves a field out. */
export const ACCOUNT_DEFAULTS = {
  role: 'agent',
  skills: ['general'],
  languages: ['en'],
  maxConcurrent: 3,
} as const satisfies {
  role: AccountRole;
  skills: readonly string[];
  languages: readonly string[];
  maxConcurrent: number;
};

const LIST_ITEM = new RegExp(LIST_ITEM_PATTERN);
const EMAIL = new RegExp(EMAIL_PATTERN);

export const isAccountRole = (value: string): value is AccountRole =>
  (ACCOUNT_ROLES as readonly string[]).includes(value);

export const isEmailAddress = (value: string): boolean => EMAIL.test(value);

export const isListItem = (value: string): boolean => LIST_ITEM.test(value);

export const isCapacity = (value: number): boolean =>
  Number.isInteger(value) && value >= MAX_CONCURRENT.min && value <= MAX_CONCURRENT.max;

/** "general, billing" → ["general", "billing"]; null when empty or a name breaks the rule. */
export function parseNameList(value: string): string[] | null {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length > 0 && items.every(isListItem) ? items : null;
}

/** 12 random bytes, base64url: 16 characters, shown to the creator once and never stored. */
export const generatePassword = (): string => randomBytes(12).toString('base64url');

export const newAgentId = (): string => `a_${randomUUID().replaceAll('-', '')}`;
