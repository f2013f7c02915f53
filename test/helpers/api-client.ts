/** A small HTTP client for tests: JSON in, `{ status, body }` out. */
import { cookieSecrets, noteIssuedSecrets, noteIssuedToken } from './issued-tokens.ts';

export interface ApiResponse<T = any> {
  readonly status: number;
  readonly body: T;
}

export async function api<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined || options.rawBody !== undefined)
    headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(options.rawBody !== undefined
      ? { body: options.rawBody }
      : options.body !== undefined
        ? { body: JSON.stringify(options.body) }
        : {}),
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  // Every secret issued is looked for by value in the server's log (log-sentry.ts).
  noteIssuedSecrets(baseUrl, body);
  for (const cookie of cookieSecrets(response.headers.getSetCookie()))
    noteIssuedToken(baseUrl, cookie);
  return { status: response.status, body: body as T };
}

export async function startConversation(baseUrl: string, body: unknown = {}) {
  const r = await api(baseUrl, 'POST', '/api/v1/conversations', { body });
  if (r.status !== 201) throw new Error(`start failed: ${r.status} ${JSON.stringify(r.body)}`);
  return {
    id: r.body.conversation.id as string,
    token: r.body.token as string,
    events: r.body.events,
  };
}

export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const r = await api(baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password } });
  if (r.status !== 200) throw new Error(`login failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token as string;
}

/** Signs in as the test server's demo agent (Alex); the session token. */
export function loginDemoAgent(server: {
  readonly baseUrl: string;
  readonly demoAgent: { readonly email: string; readonly password: string };
}): Promise<string> {
  return login(server.baseUrl, server.demoAgent.email, server.demoAgent.password);
}
