// Loading the knowledge base from a real folder: the demo articles, and bad files reported
// with their names, all at once.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeBaseError, loadKnowledgeBase, parseKbArticle } from '../../src/bot/index.ts';

const DEMO = path.resolve(import.meta.dirname, '../../kb/demo');
const dirs: string[] = [];

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'baton-kb-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const GOOD =
  '---\nid: good\ntitle: Good\ntags: [a]\nquestions:\n  - Is it good?\n---\nYes, it is good.\n';

describe('loadKnowledgeBase', () => {
  it('loads the 20 demo articles with ids, titles, tags, questions and bodies', async () => {
    const articles = await loadKnowledgeBase(DEMO);
    expect(articles).toHaveLength(20);
    expect(new Set(articles.map((a) => a.id)).size).toBe(20);
    const times = articles.find((a) => a.id === 'shipping-times');
    expect(times?.title).toBe('Shipping times');
    expect(times?.tags).toContain('shipping');
    expect(times?.questions.length).toBeGreaterThan(0);
    expect(times?.body).toMatch(/3–5 business days/);
  });

  it('reports every bad file by name instead of skipping it', async () => {
    const dir = await folder({
      'good.md': GOOD,
      'no-front-matter.md': 'Just text.\n',
      'no-title.md': '---\nid: no-title\ntags: []\n---\nBody.\n',
      'bad-yaml.md': '---\nid: [unclosed\n---\nBody.\n',
      'twin.md': GOOD,
    });
    const error = await loadKnowledgeBase(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeBaseError);
    const problems = (error as KnowledgeBaseError).problems.join('\n');
    expect(problems).toMatch(/no-front-matter\.md: missing front matter/);
    expect(problems).toMatch(/no-title\.md: title/);
    expect(problems).toMatch(/bad-yaml\.md: front matter is not valid YAML/);
    expect(problems).toMatch(/twin\.md: id "good" is already used by good\.md/);
  });

  it('refuses an empty or missing folder', async () => {
    await expect(loadKnowledgeBase(await folder({}))).rejects.toThrow(/no articles found/);
    await expect(loadKnowledgeBase('/nonexistent/baton-kb')).rejects.toThrow(/cannot read folder/);
  });
});

describe('parseKbArticle', () => {
  it('parses front matter and trims the body', () => {
    const result = parseKbArticle(GOOD);
    expect(result).toEqual({
      ok: true,
      article: {
        id: 'good',
        title: 'Good',
        tags: ['a'],
        questions: ['Is it good?'],
        body: 'Yes, it is good.',
      },
    });
  });

  it('lists every problem of one article', () => {
    const result = parseKbArticle('---\nid: Not Kebab\ntags: nope\nquestions: [1]\n---\n\n');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(5);
      expect(result.problems.join(' ')).toMatch(/id:.*title:.*tags:.*questions:.*body:/);
    }
  });
});
