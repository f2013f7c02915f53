/**
 * A stand-in OpenID Connect provider on a loopback port, built with jose: discovery, JWKS, an
 * authorize endpoint that consents at once for `user`, and a token endpoint that checks the
 * client secret, the redirect URI and the PKCE verifier before signing an ID token. `tamper`
 * makes it sign a token with a wrong claim, as a broken or hostile provider would.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { freePort } from './cluster/free-port.ts';

export interface StandInUser {
  email: string;
  email_verified?: boolean;
  name?: string;
}

export interface OidcStandIn {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Who "signs in" at the next authorize request. */
  user: StandInUser;
  /** Claims put over the honest ones in the next ID tokens (`{ nonce: 'x' }`, `{ aud: 'y' }`). */
  tamper: Record<string, unknown>;
  close(): Promise<void>;
}

interface Grant {
  readonly nonce: string;
  readonly challenge: string;
  readonly redirectUri: string;
  readonly user: StandInUser;
}

/** On `port`, or a free one the OS picks. */
export async function startOidcStandIn(port = 0): Promise<OidcStandIn> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'stand-in', alg: 'RS256', use: 'sig' };
  const grants = new Map<string, Grant>();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const standIn: OidcStandIn = {
    issuer,
    clientId: 'baton-test',
    clientSecret: 'stand-in-client-secret-0123456789',
    user: { email: 'alex@example.com', email_verified: true, name: 'Alex' },
    tamper: {},
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname === '/.well-known/openid-configuration')
      return send(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_post'],
      });
    if (url.pathname === '/jwks') return send(res, 200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      const redirectUri = q.get('redirect_uri') ?? '';
      if (
        q.get('client_id') !== standIn.clientId ||
        q.get('response_type') !== 'code' ||
        q.get('code_challenge_method') !== 'S256' ||
        !q.get('code_challenge') ||
        !redirectUri
      )
        return send(res, 400, { error: 'invalid_request' });
      const code = randomBytes(16).toString('hex');
      grants.set(code, {
        nonce: q.get('nonce') ?? '',
        challenge: q.get('code_challenge') ?? '',
        redirectUri,
        user: { ...standIn.user },
      });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      res.writeHead(302, { location: back.href }).end();
      return;
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      const form = new URLSearchParams(await body(req));
      const grant = grants.get(form.get('code') ?? '');
      grants.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (
        form.get('client_id') !== standIn.clientId ||
        form.get('client_secret') !== standIn.clientSecret
      )
        return send(res, 401, { error: 'invalid_client' });
      if (!grant || grant.redirectUri !== form.get('redirect_uri') || grant.challenge !== challenge)
        return send(res, 400, { error: 'invalid_grant' });
      const idToken = await new SignJWT({
        nonce: grant.nonce,
        email: grant.user.email,
        ...(grant.user.email_verified === undefined
          ? {}
          : { email_verified: grant.user.email_verified }),
        name: grant.user.name,
        ...standIn.tamper,
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'stand-in' })
        .setIssuer(issuer)
        .setAudience((standIn.tamper['aud'] as string | undefined) ?? standIn.clientId)
        .setSubject(`sub-${grant.user.email}`)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
      return send(res, 200, {
        access_token: randomBytes(16).toString('hex'),
        token_type: 'Bearer',
        expires_in: 300,
        id_token: idToken,
      });
    }
    send(res, 404, { error: 'not_found' });
  }
  return standIn;
}

function send(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The environment of a Baton server that signs agents in through `provider` (as "Stand-in ID"),
 * on a port picked now so that its callback address is known before it listens.
 */
export async function oidcServerEnv(
  provider: OidcStandIn,
  env: Readonly<Record<string, string>> = {},
): Promise<Record<string, string>> {
  const port = await freePort();
  return {
    PORT: String(port),
    BATON_PUBLIC_URL: `http://127.0.0.1:${port}`,
    BATON_OIDC_ISSUER: provider.issuer,
    BATON_OIDC_CLIENT_ID: provider.clientId,
    BATON_OIDC_CLIENT_SECRET: provider.clientSecret,
    BATON_OIDC_NAME: 'Stand-in ID',
    ...env,
  };
}
