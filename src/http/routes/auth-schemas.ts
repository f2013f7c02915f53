/**
 * The schemas of auth-routes.ts: log-in, the agent as the API shows them, presence. Apart
 * from the routes so that the web (web/inbox/api.ts) can take its types from them without
 * importing Fastify or the application.
 */
import { Type } from '@sinclair/typebox';
import type { AgentRecord } from '../../core/records.ts';
import { oneOf } from './schemas.ts';

const ROLES: readonly AgentRecord['role'][] = ['agent', 'supervisor', 'admin'];
const PRESENCES: readonly AgentRecord['presence'][] = ['online', 'away', 'offline'];

export const Login = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 1000 }),
    totpCode: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 40,
        description:
          "With two-factor on: the authenticator app's 6-digit code, or one of the recovery codes",
      }),
    ),
  },
  { additionalProperties: false },
);

/** An agent as the API shows them (`agentView`): never the password hash or a secret. */
export const Agent = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: oneOf(ROLES),
  skills: Type.Array(Type.String()),
  languages: Type.Array(Type.String()),
  presence: oneOf(PRESENCES),
  capacity: Type.Integer(),
  totpEnabled: Type.Boolean(),
  /** Where Baton serves the agent's profile picture; absent when they have none. */
  avatarUrl: Type.Optional(Type.String()),
});

export const LoginAnswer = Type.Object({
  token: Type.String(),
  agent: Agent,
  totpEnrolmentRequired: Type.Optional(
    Type.Literal(true, {
      description:
        'Two-factor is required and this account has none: the session may only set it up',
    }),
  ),
});

export const PresenceBody = Type.Object(
  { presence: Type.Union([Type.Literal('online'), Type.Literal('away'), Type.Literal('offline')]) },
  { additionalProperties: false },
);

/**
 * PUT /me/presence: the presence the agent now has ("online" only with an open inbox, on any
 * node), how many conversations "offline" handed back, and whether an inbox is open.
 */
export const PresenceAnswer = Type.Object({
  agent: Agent,
  released: Type.Integer(),
  inboxOpen: Type.Boolean(),
});

/** A member of the team as GET /api/v1/agents lists them: with their load and connection. */
export const TeamMember = Type.Intersect([
  Agent,
  Type.Object({ load: Type.Integer(), connected: Type.Boolean() }),
]);

/** GET /api/v1/auth/methods (oidc-routes.ts): how agents may sign in here. */
export const AuthMethods = Type.Object({
  password: Type.Boolean(),
  oidc: Type.Union([Type.Object({ name: Type.String(), url: Type.String() }), Type.Null()]),
});
