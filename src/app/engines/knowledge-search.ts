/** "Ask the bot" for agents: the answer engine's ranking over the knowledge base. */
import type { AnswerEngine, KbArticle } from '../../bot/index.ts';

export interface KnowledgeHit {
  readonly id: string;
  readonly title: string;
  readonly score: number;
  readonly body: string;
}

export interface KnowledgeSearch {
  search(query: string, limit: number): KnowledgeHit[];
}

export function createKnowledgeSearch(
  engine: AnswerEngine,
  article: (id: string) => KbArticle | undefined,
): KnowledgeSearch {
  return {
    search: (query, limit) =>
      engine.rank(query, limit).hits.map((hit) => ({
        id: hit.article.id,
        title: hit.article.title,
        score: Math.round(hit.score * 1000) / 1000,
        body: article(hit.article.id)?.body ?? '',
      })),
  };
}
