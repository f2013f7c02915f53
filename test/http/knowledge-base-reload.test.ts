/**
 * The knowledge base in force: edited articles reach the bot and "ask the bot" without a
 * restart (the folder is watched), and a broken edit is refused while the old articles stay.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

const SADDLE_ARTICLE = [
  '---',
  'id: unicorn-saddles',
  'title: Unicorn saddles',
  'tags: [saddles]',
  'questions:',
  '  - Do you sell unicorn saddles?',
  '---',
  'Yes: our unicorn saddles come in three sizes and ship within a week.',
  '',
].join('\n');

const LANTERN_ARTICLE_YAML = [
  'id: dragon-lanterns',
  'title: Dragon lanterns',
  'tags: [lanterns]',
  'questions: ["Are dragon lanterns fireproof?"]',
  'body: Dragon lanterns are fireproof up to 900 degrees.',
  '',
].join('\n');

async function botAnswer(s: TestServer, question: string): Promise<any> {
  const c = await startConversation(s.baseUrl);
  const r = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
    token: c.token,
    body: { text: question },
  });
  return r.body.events.find((e: any) => e.type === 'message.created' && e.data.from === 'bot');
}

describe('knowledge base hot reload', () => {
  let s: TestServer;
  let dir: string;
  let agent: string;
  let supervisor: string;
  const kbStatus = async () => (await api(s.baseUrl, 'GET', '/api/v1/kb', { token: agent })).body;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'baton-kb-live-'));
    cpSync('kb/demo', dir, { recursive: true });
    s = await startTestServer({ env: { BATON_KB_DIR: dir } });
    agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    supervisor = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('picks up a new Markdown article without a restart', async () => {
    const before = await kbStatus();
    expect(before.articles).toBe(20);
    expect((await botAnswer(s, 'Do you sell unicorn saddles?')).data.article?.id).toBeUndefined();

    writeFileSync(path.join(dir, 'unicorn-saddles.md'), SADDLE_ARTICLE);
    const after = await until(async () => {
      const status = await kbStatus();
      return status.articles === 21 ? status : undefined;
    });
    expect(after.generation).toBeGreaterThan(before.generation);
    const answer = await botAnswer(s, 'Do you sell unicorn saddles?');
    expect(answer.data.article?.id).toBe('unicorn-saddles');
    expect(answer.data.text).toMatch(/three sizes/);

    const hits = await api(s.baseUrl, 'GET', '/api/v1/kb/search?q=unicorn%20saddle', {
      token: agent,
    });
    expect(hits.body.hits[0].id).toBe('unicorn-saddles');
    expect(hits.body.hits[0].body).toMatch(/three sizes/);
  });

  it('reads YAML articles too', async () => {
    writeFileSync(path.join(dir, 'dragon-lanterns.yaml'), LANTERN_ARTICLE_YAML);
    await until(async () => ((await kbStatus()).articles === 22 ? true : undefined));
    const answer = await botAnswer(s, 'Are dragon lanterns fireproof?');
    expect(answer.data.article?.id).toBe('dragon-lanterns');
  });

  it('refuses a broken edit, names the file, and keeps answering from the last good articles', async () => {
    const good = await kbStatus();
    writeFileSync(path.join(dir, 'broken.md'), '---\nid: Broken Id\n---\n');
    const status = await until(async () => {
      const st = await kbStatus();
      return st.lastRejected ? st : undefined;
    });
    expect(status.articles).toBe(good.articles);
    expect(status.generation).toBe(good.generation);
    expect(status.lastRejected.problems.join('\n')).toMatch(/broken\.md: id/);
    expect((await botAnswer(s, 'Do you sell unicorn saddles?')).data.article?.id).toBe(
      'unicorn-saddles',
    );

    const forbidden = await api(s.baseUrl, 'POST', '/api/v1/kb/reload', { token: agent });
    expect(forbidden.status).toBe(403);
    const refused = await api(s.baseUrl, 'POST', '/api/v1/kb/reload', { token: supervisor });
    expect(refused.body).toMatchObject({ ok: false, articles: good.articles });
    expect(refused.body.problems.join('\n')).toMatch(/broken\.md/);

    rmSync(path.join(dir, 'broken.md'));
    const fixed = await api(s.baseUrl, 'POST', '/api/v1/kb/reload', { token: supervisor });
    expect(fixed.body).toEqual({ ok: true, articles: good.articles, problems: [] });
    expect((await kbStatus()).lastRejected).toBeNull();
  });
});
