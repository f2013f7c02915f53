/**
 * Every route that takes a body, fuzzed as an admin (who reaches the deepest code): the
 * routes come from the OpenAPI document the server serves, so a route added later is fuzzed
 * without touching this file. Bodies are random JSON, random text, and objects with the
 * route's own property names holding values of the declared type or of any type. Whatever
 * comes in, the answer is below 500 and an error carries a registry code
 * (bad-input.test.ts does the public routes and the channel webhooks in more depth).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { leaf } from '../helpers/fuzz-values.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const RUNS = 30;

interface PropertySchema {
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly anyOf?: readonly PropertySchema[];
}
interface Operation {
  readonly requestBody?: {
    readonly content?: Record<string, { schema?: { properties?: Record<string, PropertySchema> } }>;
  };
}

/**
 * Routes left out, each for a reason: log-out ends the session the fuzz runs with; the MCP
 * endpoint speaks JSON-RPC behind its own token (test/http/mcp-server.test.ts); the file
 * upload takes multipart, not JSON (test/http/widget-attachments.test.ts).
 */
const LEFT_OUT = new Set([
  'POST /api/v1/auth/logout',
  'POST /mcp',
  'POST /api/v1/conversations/{id}/attachments',
]);

const json = fc.jsonValue({ maxDepth: 3 });

/** A value of the declared type most of the time, so the fuzz gets past validation too. */
function valueFor(schema: PropertySchema): fc.Arbitrary<unknown> {
  const declared = (s: PropertySchema): fc.Arbitrary<unknown> => {
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum) return fc.constantFrom(...s.enum);
    if (s.anyOf) return fc.oneof(...s.anyOf.map(declared));
    switch (s.type ?? 'any') {
      case 'string':
        return fc.string({ maxLength: 60 });
      case 'integer':
        return fc.integer({ min: -5, max: 100_000 });
      case 'number':
        return fc.double();
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(fc.oneof(fc.string({ maxLength: 20 }), leaf), { maxLength: 4 });
      default:
        return json;
    }
  };
  return fc.oneof({ weight: 3, arbitrary: declared(schema) }, { weight: 1, arbitrary: leaf });
}

function bodies(properties: Record<string, PropertySchema>): fc.Arbitrary<string> {
  const shape = Object.fromEntries(
    Object.entries(properties).map(([name, schema]) => [name, valueFor(schema)]),
  );
  return fc.oneof(
    { weight: 1, arbitrary: json.map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 120 }) },
    { weight: 4, arbitrary: fc.record(shape, { requiredKeys: [] }).map((v) => JSON.stringify(v)) },
  );
}

describe.each(TEST_DATABASES)('every route with a body, fuzzed ($name)', (database) => {
  let s: TestServer;
  let admin: string;
  const params: Record<string, string> = {};

  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({
      engine: database.name,
      env: { BATON_RATE_LIMIT_PER_MINUTE: '1000000', BATON_CONVERSATION_MESSAGES: '1000000' },
    });
    admin = await login(s.baseUrl, 'morgan@example.com', s.demoAgent.password);
    // Path parameters name things that exist, so requests reach past the lookup.
    const c = await startConversation(s.baseUrl, { customer: { name: 'Kim' } });
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { action: 'request_human' },
    });
    const team = await api(s.baseUrl, 'GET', '/api/v1/team/agents', { token: admin });
    const alex = team.body.agents.find((a: { email: string }) => a.email === 'alex@example.com');
    Object.assign(params, { id: c.id, agentId: alex.id, sessionId: 's_unknown', name: 'x' });
  });
  afterAll(async () => {
    await s?.close();
  });

  it.skipIf(database.skipReason)(
    `sends ${RUNS} bodies to each, and none is answered with a 5xx`,
    async () => {
      const doc = (await (await fetch(`${s.baseUrl}/api/v1/openapi.json`)).json()) as {
        paths: Record<string, Record<string, Operation>>;
      };
      const routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
        Object.entries(operations)
          .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
          .filter(([method]) => !LEFT_OUT.has(`${method.toUpperCase()} ${path}`))
          .map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
      );
      // The document lists the account, team, conversation and channel routes: a fuzz of a
      // handful would say little.
      expect(routes.length).toBeGreaterThanOrEqual(25);
      if (process.env.FUZZ_LIST) console.log(routes.map((r) => `${r.method} ${r.path}`).join('\n'));
      const problems: string[] = [];
      for (const { method, path, operation } of routes) {
        // `{id}` is a conversation's, an agent's or a session's, by the path it stands in.
        const url = path.replace(/\/(\w+)\/\{(\w+)\}/g, (_, owner: string, name: string) => {
          const value =
            name === 'id' && owner === 'agents'
              ? params.agentId
              : name === 'id' && owner === 'sessions'
                ? params.sessionId
                : params[name];
          return `/${owner}/${value ?? 'unknown'}`;
        });
        const properties =
          operation.requestBody?.content?.['application/json']?.schema?.properties ?? {};
        await fc.assert(
          fc.asyncProperty(bodies(properties), async (raw) => {
            const response = await fetch(`${s.baseUrl}${url}`, {
              method,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
              body: raw,
            });
            const text = await response.text();
            if (response.status >= 500)
              problems.push(`${method} ${path} ${response.status} ${raw}`);
            expect(
              response.status,
              `${method} ${path} ${raw} → ${text.slice(0, 200)}`,
            ).toBeLessThan(500);
            if (response.status >= 400 && text.startsWith('{'))
              expect(JSON.parse(text).error.code, `${method} ${path}`).toMatch(/^[A-Z_]+$/);
          }),
          { numRuns: RUNS },
        );
      }
      expect(problems).toEqual([]);
    },
    300_000,
  );
});
