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

describe('articles in several languages', () => {
  const TRANSLATED = `---
id: gift-wrap
title: Gift wrapping
tags: [gift wrap]
translations:
  es:
    title: Envolver para regalo
    tags: [envolver]
    questions: ['¿Envolvéis regalos?']
    body: Envolvemos cualquier pedido por 3 €.
  pt:
    title: Embrulho
    body: Embrulhamos qualquer encomenda por 3 €.
---
We wrap any order for €3.
`;

  it('reads the translations: title and body required, questions and tags optional', () => {
    const result = parseKbArticle(TRANSLATED);
    expect(result.ok && result.article.translations).toEqual({
      es: {
        title: 'Envolver para regalo',
        tags: ['envolver'],
        questions: ['¿Envolvéis regalos?'],
        body: 'Envolvemos cualquier pedido por 3 €.',
      },
      pt: {
        title: 'Embrulho',
        tags: [],
        questions: [],
        body: 'Embrulhamos qualquer encomenda por 3 €.',
      },
    });
  });

  it('lists every problem of the translations', () => {
    const bad = TRANSLATED.replace('  pt:\n    title: Embrulho\n', '  pt:\n')
      .replace('tags: [envolver]', 'tags: envolver')
      .replace('translations:\n', 'language: EN\ntranslations:\n  pt-BR: {title: X, body: Y}\n');
    const result = parseKbArticle(bad);
    expect(result.ok).toBe(false);
    const problems = result.ok ? '' : result.problems.join('\n');
    expect(problems).toMatch(/language: a lower-case primary language tag/);
    expect(problems).toMatch(/translations\.pt-BR: the key must be/);
    expect(problems).toMatch(/translations\.es\.tags: must be a list/);
    expect(problems).toMatch(/translations\.pt\.title: required/);
  });

  it('loads the demo articles with all five languages, old-format files beside them', async () => {
    const dir = await folder({ 'good.md': GOOD, 'gift-wrap.md': TRANSLATED });
    const [good, wrap] = await loadKnowledgeBase(dir).then((a) =>
      a.sort((x, y) => (x.id > y.id ? -1 : 1)),
    );
    expect(good?.translations).toBeUndefined();
    expect(Object.keys(wrap?.translations ?? {})).toEqual(['es', 'pt']);
    for (const article of await loadKnowledgeBase(DEMO)) {
      expect(Object.keys(article.translations ?? {}).sort(), article.id).toEqual([
        'de',
        'es',
        'fr',
        'pt',
      ]);
    }
  });
});
