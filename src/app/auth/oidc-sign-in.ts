/**
 * OpenID Connect sign-in for agents (authorization code flow with PKCE, state and nonce,
 * through openid-client). `begin` sends the browser to the provider with the flow's secrets
 * sealed in a cookie, never in a URL; `finish` checks the state, exchanges the code, lets
 * openid-client verify the ID token (signature against the provider's JWKS, issuer, audience,
 * nonce, expiry), maps the email to an agent and opens the same session a password log-in
 * does. The session token reaches the inbox in a sealed cookie the inbox redeems once by POST,
 * so it never appears in a URL or the browser's history. Redeeming gives the session a new
 * token and answers that one: the token in the cookie stops working, so a copy of the cookie
 * replayed within its lifetime finds nothing.
 */
import { timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { AgentRecord } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import type { AuditTrail } from '../audit/audit-trail.ts';
import type { AgentSessions } from './agent-sessions.ts';
import { agentForIdentity, type OidcAccountRules } from './oidc-accounts.ts';
import { SealedCookies } from './sealed-cookie.ts';
import { hashToken, newToken } from './tokens.ts';

export interface OidcSettings extends OidcAccountRules {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly scopes: string;
}

export interface OidcSignInOptions {
  readonly settings: OidcSettings;
  readonly store: Store;
  readonly clock: () => Date;
  readonly sessions: AgentSessions;
  readonly audit: AuditTrail;
}

/** Where the request came from, for the session record and the audit log. */
export interface SignInClient {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/** Time to sign in at the provider; the handoff is redeemed by the page right away. */
export const FLOW_TTL_SECONDS = 600;
export const HANDOFF_TTL_SECONDS = 60;

export class OidcSignIn {
  private discovered: Promise<client.Configuration> | null = null;
  private readonly cookies: SealedCookies;
  /** Cookies marked Secure when the callback is https (browsers drop them over plain http). */
  readonly secureCookies: boolean;

  constructor(private readonly options: OidcSignInOptions) {
    this.cookies = new SealedCookies(options.settings.clientSecret);
    this.secureCookies = new URL(options.settings.redirectUri).protocol === 'https:';
  }

  /** The provider's authorization URL and the sealed flow cookie to set beside it. */
  async begin(): Promise<{ url: string; flow: string }> {
    const config = await this.configuration();
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.options.settings.redirectUri,
      scope: this.options.settings.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const flow = await this.cookies.seal('flow', { verifier, state, nonce }, FLOW_TTL_SECONDS);
    return { url: url.href, flow };
  }

  /**
   * The provider sent the browser back to `callbackUrl`: a sealed handoff for the inbox, or a
   * BatonError (every refusal is audited as a failed log-in with the method and the reason).
   */
  async finish(
    callbackUrl: URL,
    flowCookie: string | undefined,
    from: SignInClient,
  ): Promise<{ handoff: string; agent: AgentRecord }> {
    try {
      const agent = await this.identify(callbackUrl, flowCookie);
      const { token } = await this.options.sessions.openVerified(agent, from.ip, from.userAgent, {
        method: 'oidc',
      });
      const handoff = await this.cookies.seal('handoff', { token }, HANDOFF_TTL_SECONDS);
      return { handoff, agent };
    } catch (error) {
      if (error instanceof BatonError) await this.auditRefusal(error, from.ip);
      throw error;
    }
  }

  /**
   * The session a handoff cookie carries, under a new token; null when the cookie is missing,
   * stale, or was redeemed before (its token no longer names a session).
   */
  async redeem(handoffCookie: string | undefined): Promise<string | null> {
    const payload = await this.cookies.open('handoff', handoffCookie);
    const sealed = payload?.['token'];
    if (typeof sealed !== 'string') return null;
    const token = newToken();
    const taken = await this.options.store.sessions.rekey(hashToken(sealed), hashToken(token));
    return taken ? token : null;
  }

  private async identify(callbackUrl: URL, flowCookie: string | undefined): Promise<AgentRecord> {
    const flow = await this.cookies.open('flow', flowCookie);
    const { verifier, state, nonce } = flow ?? {};
    if (typeof verifier !== 'string' || typeof state !== 'string' || typeof nonce !== 'string')
      throw new BatonError(
        'OIDC_STATE_INVALID',
        'This sign-in was not started here or took too long; start again.',
      );
    // A state other than the one this browser was sent with: a forged or crossed callback.
    if (!sameText(callbackUrl.searchParams.get('state') ?? '', state))
      throw new BatonError('OIDC_STATE_INVALID', 'The sign-in state does not match; start again.');
    const config = await this.configuration();
    // The redirect URI sent to the token endpoint must be the registered one, whatever
    // address the proxy in front of Baton made of it.
    const current = new URL(this.options.settings.redirectUri);
    current.search = callbackUrl.search;
    let claims: client.IDToken | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: verifier,
        expectedState: state,
        expectedNonce: nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      throw refusal(error);
    }
    if (!claims) throw new BatonError('OIDC_REJECTED', 'The provider returned no ID token.');
    return agentForIdentity(this.options.store, this.options.clock, this.options.settings, claims);
  }

  /** Discovery once, again after a failure (the provider may have been down at boot). */
  private configuration(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.options.settings;
    const server = new URL(issuer);
    this.discovered ??= client
      .discovery(server, clientId, undefined, client.ClientSecretPost(clientSecret), {
        // Plain HTTP only to the same machine (a provider beside Baton, the tests' stand-in).
        ...(isLoopbackHttp(server) ? { execute: [client.allowInsecureRequests] } : {}),
      })
      .catch((error: unknown) => {
        this.discovered = null;
        throw new BatonError(
          'OIDC_PROVIDER_UNAVAILABLE',
          `The identity provider at ${issuer} did not answer its discovery document (${messageOf(error)}).`,
        );
      });
    return this.discovered;
  }

  private async auditRefusal(error: BatonError, ip: string | null): Promise<void> {
    const email = error.details?.['email'];
    const known =
      typeof email === 'string'
        ? await this.options.store.agents.findByEmail(email, { includeDisabled: true })
        : undefined;
    await this.options.audit.session('session.login_failed', known?.id ?? '', ip, {
      method: 'oidc',
      reason: error.code,
      ...(typeof email === 'string' && !known ? { email } : {}),
    });
  }
}

/** A failed exchange: the state or the token did not check out, or the provider was away. */
function refusal(error: unknown): BatonError {
  if (error instanceof client.AuthorizationResponseError)
    return new BatonError(
      'OIDC_REJECTED',
      `The identity provider refused the sign-in (${error.error}).`,
    );
  if (error instanceof TypeError && error.message === 'fetch failed')
    return new BatonError('OIDC_PROVIDER_UNAVAILABLE', 'The identity provider did not answer.');
  // openid-client names the check that failed in the cause (nonce, aud, signature, …).
  const cause = (error as { cause?: unknown }).cause;
  const detail = cause instanceof Error ? cause.message : messageOf(error);
  return new BatonError('OIDC_REJECTED', `The sign-in did not verify: ${detail}.`);
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
