/**
 * Short-lived values the browser carries for the OpenID Connect sign-in (the flow's state,
 * nonce and PKCE verifier; the session handed to the inbox): encrypted and authenticated with
 * a key derived from the client secret, so every node of a cluster can open them, and the
 * browser can neither read nor forge them. They expire on their own.
 */
import { hkdfSync } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';

export class SealedCookies {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new Uint8Array(hkdfSync('sha256', secret, 'baton', 'baton oidc cookies', 32));
  }

  /** `purpose` is sealed in too: a flow cookie cannot be replayed as a handoff, nor back. */
  seal(purpose: string, payload: Record<string, string>, ttlSeconds: number): Promise<string> {
    return new EncryptJWT({ ...payload, purpose })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .encrypt(this.key);
  }

  /** The payload, or null when missing, tampered with, expired or made for another purpose. */
  async open(purpose: string, sealed: string | undefined): Promise<Record<string, unknown> | null> {
    if (!sealed) return null;
    try {
      const { payload } = await jwtDecrypt(sealed, this.key);
      return payload['purpose'] === purpose ? payload : null;
    } catch {
      return null;
    }
  }
}
