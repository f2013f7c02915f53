// Reads a folder of knowledge-base articles (`*.md`). Every bad file is reported together,
// each with its name, so an author fixes them in one pass; nothing is skipped silently.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseKbArticle } from './kb-article.ts';
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

/** Loads every `*.md` article in `dir` (not recursive), sorted by file name. */
export async function loadKnowledgeBase(dir: string): Promise<KbArticle[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  } catch (error) {
    throw new KnowledgeBaseError(dir, [`cannot read folder: ${(error as Error).message}`]);
  }
  const problems: string[] = [];
  const articles: KbArticle[] = [];
  const fileById = new Map<string, string>();
  for (const name of names) {
    const result = parseKbArticle(await readFile(path.join(dir, name), 'utf8'));
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
  if (names.length === 0) problems.push('no *.md articles found');
  if (problems.length > 0) throw new KnowledgeBaseError(dir, problems);
  return articles;
}
