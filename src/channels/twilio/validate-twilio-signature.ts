/**
 * `X-Twilio-Signature`: base64 HMAC-SHA1 (auth token) of the full URL followed by every POST
 * parameter as key+value in key order. Written against Twilio's published algorithm and the
 * official SDKs' test vectors, because the `twilio` package is not installed (see
 * docs/channels.md); swap in `twilio.validateRequest` once it is, the vectors stay.
 */
import { createHash, createHmac } from 'node:crypto';
import { safeEqual } from '../safe-equal.ts';

export type TwilioParams = Record<string, string | string[]>;

export function computeTwilioSignature(
  authToken: string,
  url: string,
  params: TwilioParams = {},
): string {
  let data = url;
  // Code-unit order, as the SDKs' default sort; repeated values de-duplicated and sorted (twilio-php, twilio-node).
  for (const key of Object.keys(params).sort()) {
    const value = params[key] ?? '';
    const values = Array.isArray(value) ? [...new Set(value)].sort() : [value];
    for (const v of values) data += key + v;
  }
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export interface TwilioSignatureInput {
  authToken: string;
  signature: string;
  /** The full public URL Twilio requested, query string included. */
  url: string;
  /** Form parameters (application/x-www-form-urlencoded bodies). */
  params?: TwilioParams;
  /** JSON bodies are not signed as params: the URL carries `bodySHA256` of the raw body. */
  rawBody?: Buffer | string;
}

export function validateTwilioSignature(input: TwilioSignatureInput): boolean {
  let params = input.params ?? {};
  const bodyHash = bodySha256Of(input.url);
  if (input.rawBody !== undefined && input.params === undefined) {
    if (bodyHash === undefined) return false;
    const actual = createHash('sha256').update(input.rawBody).digest('hex');
    if (!safeEqual(actual, bodyHash.toLowerCase())) return false;
    params = {};
  }
  // Twilio's back end is inconsistent about default ports: try the URL as is, with and without.
  return urlVariants(input.url).some((url) =>
    safeEqual(computeTwilioSignature(input.authToken, url, params), input.signature),
  );
}

function bodySha256Of(url: string): string | undefined {
  const query = url.split('#')[0]?.split('?')[1];
  return query === undefined
    ? undefined
    : (new URLSearchParams(query).get('bodySHA256') ?? undefined);
}

const DEFAULT_PORT: Record<string, string> = { http: '80', https: '443' };

/**
 * The URL as given, with the scheme's default port added, and with any port removed — by
 * string surgery, because `new URL()` would lower-case the host and drop `:443`, and Twilio
 * signs the URL exactly as configured (host, scheme and userinfo case included).
 */
export function urlVariants(url: string): string[] {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/s.exec(url);
  if (!match) return [url];
  const [, scheme = '', authority = '', rest = ''] = match;
  const at = authority.lastIndexOf('@');
  const userinfo = authority.slice(0, at + 1);
  const hostPort = authority.slice(at + 1);
  // IPv6 hosts are bracketed and contain colons; the port follows the bracket.
  const bracket = /^\[[^\]]*\]/.exec(hostPort);
  const colon = hostPort.indexOf(':', bracket ? bracket[0].length : 0);
  const host = colon === -1 ? hostPort : hostPort.slice(0, colon);
  const port = colon === -1 ? '' : hostPort.slice(colon + 1);
  const defaultPort = DEFAULT_PORT[scheme.slice(0, -3).toLowerCase()];
  const variants = new Set([url, `${scheme}${userinfo}${host}${rest}`]);
  if (!port && defaultPort) variants.add(`${scheme}${userinfo}${host}:${defaultPort}${rest}`);
  return [...variants];
}
