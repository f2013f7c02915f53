/** One figure printed by `npm run bench` (see ../shared/spec/bench.md). */
export interface BenchFigure {
  bench: string;
  metric: string;
  value: number;
  baseline: number;
  ratio: number;
  note?: string;
}

export interface BenchOptions {
  /** Seconds per measured round, from `--duration`. */
  durationSeconds: number;
  /** idle_sockets: the most sockets to open, from `--sockets` (default 20,000). */
  sockets?: number;
  /** idle_sockets: customer sockets per conversation, from `--sockets-per-conversation`. */
  socketsPerConversation?: number;
}
