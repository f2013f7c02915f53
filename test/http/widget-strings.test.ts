/** GET /api/v1/widget/strings/:language: the widget's words, the nearest language Baton speaks. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIDGET_CATALOGUES } from '../../src/core/i18n/widget-catalogues.ts';
import { api } from '../helpers/api-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe('GET /api/v1/widget/strings/:language', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ engine: 'sqlite' });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('answers the catalogue of the nearest language, English when none fits', async () => {
    const cases = [
      ['es', 'es'],
      ['pt', 'pt-BR'],
      ['pt-PT', 'pt-PT'],
      ['de-CH', 'de'],
      ['ja', 'en'],
    ] as const;
    for (const [asked, answered] of cases) {
      const answer = await api(s.baseUrl, 'GET', `/api/v1/widget/strings/${asked}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        language: answered,
        strings: WIDGET_CATALOGUES[answered],
      });
    }
  });
});
