/**
 * The team API's request and answer shapes (and their part of the OpenAPI document). The
 * limits come from account-rules.ts, so the API refuses exactly what `baton agents` refuses.
 */
import { Type } from '@sinclair/typebox';
import {
  ACCOUNT_ROLES,
  EMAIL_PATTERN,
  LIST_ITEM_PATTERN,
  MAX_CONCURRENT,
  NAME_MAX_LENGTH,
} from '../auth/account-rules.ts';

const Role = Type.Union(ACCOUNT_ROLES.map((r) => Type.Literal(r)));
const NameList = Type.Array(Type.String({ pattern: LIST_ITEM_PATTERN, maxLength: 64 }), {
  minItems: 1,
  maxItems: 20,
  uniqueItems: true,
});
// At least one visible character: customers see this name.
const Name = Type.String({ minLength: 1, maxLength: NAME_MAX_LENGTH, pattern: '\\S' });
const Capacity = Type.Integer({ minimum: MAX_CONCURRENT.min, maximum: MAX_CONCURRENT.max });

export const CreateAgentBody = Type.Object(
  {
    email: Type.String({ maxLength: 320, pattern: EMAIL_PATTERN }),
    name: Name,
    role: Type.Optional(Role),
    skills: Type.Optional(NameList),
    languages: Type.Optional(NameList),
    maxConcurrent: Type.Optional(Capacity),
  },
  { additionalProperties: false },
);

export const UpdateAgentBody = Type.Object(
  {
    name: Type.Optional(Name),
    role: Type.Optional(Role),
    skills: Type.Optional(NameList),
    languages: Type.Optional(NameList),
    maxConcurrent: Type.Optional(Capacity),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const AgentParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const AuditQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    before: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    agentId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    action: Type.Optional(
      Type.String({
        maxLength: 64,
        pattern: '^[a-z_]+\\.([a-z_]+)?$',
        description:
          'One action (`conversation.claimed`), or a family ending with a dot (`session.`)',
      }),
    ),
  },
  { additionalProperties: false },
);

/** The audit CSV: the same filters, newest first, up to `limit` rows. */
export const AuditExportQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 10_000 })),
    agentId: AuditQuery.properties.agentId,
    action: AuditQuery.properties.action,
  },
  { additionalProperties: false },
);

export const TeamAgent = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  // An enum in the document, a plain string to the serializer (no anyOf to try).
  role: Type.Unsafe<(typeof ACCOUNT_ROLES)[number]>(Type.String({ enum: [...ACCOUNT_ROLES] })),
  skills: Type.Array(Type.String()),
  languages: Type.Array(Type.String()),
  maxConcurrent: Type.Integer(),
  presence: Type.String(),
  load: Type.Integer(),
  connected: Type.Boolean(),
  disabledAt: Type.Union([Type.String(), Type.Null()]),
});

const Person = Type.Object({ id: Type.String(), name: Type.Union([Type.String(), Type.Null()]) });

export const AuditEntry = Type.Object({
  id: Type.String(),
  at: Type.String(),
  action: Type.String(),
  actor: Person,
  agent: Person,
  changes: Type.Record(Type.String(), Type.Unknown()),
  /** The client address the action came from; null for the CLI and older entries. */
  ip: Type.Union([Type.String(), Type.Null()]),
});
