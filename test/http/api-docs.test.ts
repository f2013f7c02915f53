/**
 * docs/api.md names every route of the OpenAPI document the server serves, so the written
 * reference cannot fall behind the code (the OpenAPI document itself comes from the routes'
 * schemas and is complete by construction).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe('docs/api.md', () => {
  let s: TestServer;
  let routes: string[] = [];
  beforeAll(async () => {
    s = await startTestServer();
    const doc = (await (await fetch(`${s.baseUrl}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map(
        (method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
      ),
    );
  });
  afterAll(async () => {
    await s?.close();
  });

  it('lists every route', () => {
    const docs = readFileSync('docs/api.md', 'utf8');
    expect(routes.length).toBeGreaterThan(20);
    // The route must end there (`GET /api/v1/kb` is not documented by `GET /api/v1/kb/search`).
    const documented = (route: string) =>
      ['`', '?', ' '].some((end) => docs.includes(`\`${route}${end}`));
    const missing = routes.filter((route) => !documented(route));
    expect(missing).toEqual([]);
  });
});
