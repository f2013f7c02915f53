/**
 * A small HTTP client that behaves as a browser does for sign-in flows: follows redirects
 * across origins and keeps each origin's cookies (name, path, expiry), sending them back where
 * their path matches. Returns the last response and every URL it passed through. The secrets
 * it receives are noted for the server's log sentry (issued-tokens.ts).
 */
import {
  cookieSecrets,
  noteIssuedToken,
  noteIssuedTokensWhenRead,
  secretsIn,
} from './issued-tokens.ts';

interface StoredCookie {
  readonly value: string;
  readonly path: string;
}

export class BrowserClient {
  private readonly jar = new Map<string, Map<string, StoredCookie>>();
  /** Every Set-Cookie line received, in order, to check a cookie's attributes. */
  readonly setCookieLines: string[] = [];

  /** GET `url`, following up to 10 redirects. */
  async navigate(url: string): Promise<{ response: Response; visited: string[] }> {
    const visited: string[] = [];
    let next = url;
    for (let hop = 0; hop < 10; hop += 1) {
      visited.push(next);
      const response = await this.fetch(next);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location)
        return { response, visited };
      await response.body?.cancel();
      next = new URL(location, next).href;
    }
    throw new Error(`too many redirects from ${url}`);
  }

  /** One request with this origin's cookies, keeping what it sets. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const cookies = [...(this.jar.get(target.origin) ?? new Map<string, StoredCookie>())]
      .filter(([, c]) => target.pathname.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
    const headers = new Headers(init.headers);
    if (cookies) headers.set('cookie', cookies);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      this.setCookieLines.push(line);
      this.keep(target, line);
    }
    // The cookies' and a JSON answer's secrets are looked for in the server's log.
    for (const cookie of cookieSecrets(response.headers.getSetCookie()))
      noteIssuedToken(url, cookie);
    if (/\bjson\b/.test(response.headers.get('content-type') ?? ''))
      noteIssuedTokensWhenRead(
        response
          .clone()
          .json()
          .then((body: unknown) => secretsIn(body).map((token) => ({ baseUrl: url, token }))),
      );
    return response;
  }

  /** The value of a cookie the browser holds for `origin`, if any. */
  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name)?.value;
  }

  /** Replaces a cookie's value, as a tampering user could. */
  setCookie(origin: string, name: string, value: string, path = '/'): void {
    const cookies = this.jar.get(origin) ?? new Map<string, StoredCookie>();
    cookies.set(name, { value, path });
    this.jar.set(origin, cookies);
  }

  private keep(target: URL, line: string): void {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const attr = (key: string) =>
      attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const maxAge = attr('max-age');
    const expires = attr('expires');
    const gone =
      (maxAge !== undefined && Number(maxAge) <= 0) ||
      (expires !== undefined && Date.parse(expires) <= Date.now()) ||
      value === '';
    const cookies = this.jar.get(target.origin) ?? new Map<string, StoredCookie>();
    if (gone) cookies.delete(name);
    else cookies.set(name, { value, path: attr('path') ?? '/' });
    this.jar.set(target.origin, cookies);
  }
}
