/** A password hash as Baton stored them before scrypt's cost was raised to OWASP's (N=2^14). */
import { scryptSync } from 'node:crypto';

export function oldCostHash(password: string): string {
  const salt = Buffer.from('0123456789abcdef');
  const key = scryptSync(password, salt, 64, { N: 16384, r: 8, p: 1 });
  return `scrypt$16384$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
}
