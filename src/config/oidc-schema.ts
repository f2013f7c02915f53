/** `auth.oidc`: agents sign in through the team's OpenID Connect identity provider. */
import { Type } from '@sinclair/typebox';

export const OidcSchema = Type.Object(
  {
    issuer: Type.String({
      minLength: 1,
      description:
        'BATON_OIDC_ISSUER: the provider, found by its discovery document (https; http only on loopback).',
    }),
    clientId: Type.String({ minLength: 1, description: 'BATON_OIDC_CLIENT_ID.' }),
    clientSecret: Type.String({
      minLength: 16,
      description:
        'BATON_OIDC_CLIENT_SECRET: authenticates Baton to the provider and keys the sign-in cookies.',
    }),
    redirectUri: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'BATON_OIDC_REDIRECT_URI; by default server.publicUrl followed by /auth/oidc/callback.',
      }),
    ),
    scopes: Type.String({ minLength: 1, default: 'openid email profile' }),
    name: Type.String({
      minLength: 1,
      maxLength: 60,
      default: 'single sign-on',
      description: 'BATON_OIDC_NAME: the provider as the login button names it.',
    }),
    allowedDomains: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        minItems: 1,
        description: 'BATON_OIDC_ALLOWED_DOMAINS: only emails at these domains may sign in.',
      }),
    ),
    autoCreate: Type.Boolean({
      default: false,
      description:
        'BATON_OIDC_AUTO_CREATE: an unknown (allowed) email gets an `agent` account with no skills.',
    }),
  },
  { additionalProperties: false },
);
