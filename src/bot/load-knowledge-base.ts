// Reads a folder of knowledge-base articles (`*.md` with front matter, or `*.yaml`). Every bad file is reported together,
// each with its name, so an author fixes them in one pass; nothing is skipped silently.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseKbArticle, parseKbArticleYaml } from './kb-article.ts';
import type { KbArticle } from './kb-article.ts';

/** Thrown when the knowledge base cannot be loaded; `problems` name the file of each. */
export class KnowledgeBaseError extends Error {
  readonly problems: string[];
  constructor(dir: string, problems: string[]) {
    super(`knowledge base ${dir} has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    this.name = 'KnowledgeBaseError';
    this.problems = problems;
  }
}

const ARTICLE_FILE = /\.(md|ya?ml)$/;

/** Whether a file name is a knowledge-base article (the folder watcher uses it too). */
export function isArticleFile(name: string): boolean {
  return ARTICLE_FILE.test(name);
}

/** Loads every article in `dir` (not recursive), sorted by file name. */
export async function loadKnowledgeBase(dir: string): Promise<KbArticle[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter(isArticleFile).sort();
  } catch (error) {
    throw new KnowledgeBaseError(dir, [`cannot read folder: ${(error as Error).message}`]);
  }
  const problems: string[] = [];
  const articles: KbArticle[] = [];
  const fileById = new Map<string, string>();
  for (const name of names) {
    const text = await readFile(path.join(dir, name), 'utf8');
    const result = name.endsWith('.md') ? parseKbArticle(text) : parseKbArticleYaml(text);
    if (!result.ok) {
      problems.push(...result.problems.map((problem) => `${name}: ${problem}`));
      continue;
    }
    const earlier = fileById.get(result.article.id);
    if (earlier !== undefined) {
      problems.push(`${name}: id "${result.article.id}" is already used by ${earlier}`);
      continue;
    }
    fileById.set(result.article.id, name);
    articles.push(result.article);
  }
  if (names.length === 0) problems.push('no articles found (*.md, *.yaml)');
  if (problems.length > 0) throw new KnowledgeBaseError(dir, problems);
  return articles;
}
