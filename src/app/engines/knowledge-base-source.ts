/**
 * Holds the knowledge base in force and reloads it when its folder changes (or on request).
 * Editing an article must not need a restart; a broken edit must not take the bot down: an
 * invalid folder is refused with every problem listed, and the last good articles stay.
 */
import { watch, type FSWatcher } from 'node:fs';
import {
  createAnswerEngine,
  isArticleFile,
  KnowledgeBaseError,
  loadKnowledgeBase,
  type AnswerEngine,
  type KbArticle,
} from '../../bot/index.ts';

export interface KnowledgeBaseStatus {
  readonly dir: string;
  readonly articles: number;
  readonly loadedAt: string;
  /** How many times the folder was (re)loaded successfully, the start included. */
  readonly generation: number;
  /** The problems of the last refused reload, while the older articles stay in force. */
  readonly lastRejected: { readonly at: string; readonly problems: string[] } | null;
}

export type KnowledgeReloadResult =
  | { readonly ok: true; readonly articles: number }
  | { readonly ok: false; readonly problems: string[] };

export interface KnowledgeBaseSource {
  /** Always answers from the articles in force now, so holders never see a stale index. */
  readonly engine: AnswerEngine;
  article(id: string): KbArticle | undefined;
  status(): KnowledgeBaseStatus;
  reload(): Promise<KnowledgeReloadResult>;
  close(): void;
}

export interface KnowledgeBaseSourceOptions {
  readonly dir: string;
  readonly clock: () => Date;
  /** Watch the folder and reload after changes settle. */
  readonly watch?: boolean;
  /** Editors save in bursts (temp file, rename, chmod): wait this long for quiet. */
  readonly debounceMs?: number;
  readonly onReload?: (result: KnowledgeReloadResult) => void;
}

interface Loaded {
  readonly engine: AnswerEngine;
  readonly byId: ReadonlyMap<string, KbArticle>;
  readonly count: number;
}

function index(articles: readonly KbArticle[]): Loaded {
  return {
    engine: createAnswerEngine(articles),
    byId: new Map(articles.map((a) => [a.id, a])),
    count: articles.length,
  };
}

/** Rejects when the first load fails: Baton does not start without a knowledge base. */
export async function createKnowledgeBaseSource(
  options: KnowledgeBaseSourceOptions,
): Promise<KnowledgeBaseSource> {
  let loaded = index(await loadKnowledgeBase(options.dir));
  let loadedAt = options.clock().toISOString();
  let generation = 1;
  let lastRejected: KnowledgeBaseStatus['lastRejected'] = null;
  // Reloads never overlap: a change during a reload queues exactly one more.
  let running: Promise<KnowledgeReloadResult> | null = null;
  let again = false;

  const loadOnce = async (): Promise<KnowledgeReloadResult> => {
    try {
      const articles = await loadKnowledgeBase(options.dir);
      loaded = index(articles);
      loadedAt = options.clock().toISOString();
      generation++;
      lastRejected = null;
      return { ok: true, articles: articles.length };
    } catch (error) {
      const problems =
        error instanceof KnowledgeBaseError ? error.problems : [(error as Error).message];
      lastRejected = { at: options.clock().toISOString(), problems };
      return { ok: false, problems };
    }
  };

  const reload = (): Promise<KnowledgeReloadResult> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let result = await loadOnce();
      while (again) {
        again = false;
        result = await loadOnce();
      }
      running = null;
      return result;
    })();
    return running;
  };

  let watcher: FSWatcher | null = null;
  let pending: NodeJS.Timeout | null = null;
  if (options.watch) {
    watcher = watch(options.dir, (_event, name) => {
      if (name !== null && !isArticleFile(name)) return;
      if (pending) clearTimeout(pending);
      pending = setTimeout(() => {
        pending = null;
        void reload().then((result) => options.onReload?.(result));
      }, options.debounceMs ?? 250);
    });
    // A watcher error (the folder was removed) must not crash the server; the last good
    // articles stay in force and a manual reload reports the problem.
    watcher.on('error', () => watcher?.close());
  }

  const engine: AnswerEngine = {
    answer: (text, language) => loaded.engine.answer(text, language),
    rank: (text, limit, language) => loaded.engine.rank(text, limit, language),
  };
  return {
    engine,
    article: (id) => loaded.byId.get(id),
    status: () => ({
      dir: options.dir,
      articles: loaded.count,
      loadedAt,
      generation,
      lastRejected,
    }),
    reload,
    close: () => {
      if (pending) clearTimeout(pending);
      watcher?.close();
    },
  };
}
