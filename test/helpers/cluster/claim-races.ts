/**
 * Claim races across nodes: in each round every agent claims every waiting conversation at
 * once, and the three claims on one conversation go to three different nodes (straight to
 * each node, so the race is surely across processes). Agents' capacity is smaller than the
 * round, so capacity is contested too. Winners transfer their conversations back to the
 * queue for the next round. Counted per round: 200s per conversation (more than one is a
 * double assignment) and per agent (more than the capacity is an overrun), checked again in
 * the store.
 */
import pg from 'pg';
import { api } from '../api-client.ts';
import { agentToken, setCapacity, waitingConversation } from './chat-traffic.ts';
import type { Cluster } from './start-cluster.ts';

export interface ClaimRaceOptions {
  readonly races: number;
  readonly conversations: number;
  readonly capacity: number;
}

export interface ClaimRaceResult {
  races: number;
  rounds: number;
  claims: number;
  wins: number;
  doubleAssignments: number;
  overCapacity: number;
  storedAssignments: number;
  /** Refusals by code (ALREADY_CLAIMED, AGENT_UNAVAILABLE …). */
  refusals: Record<string, number>;
  /** Anything but 200 or a 409 refusal: 5xx, timeouts. */
  unexpectedResponses: string[];
  seconds: number;
}

const REFUSALS = new Set(['ALREADY_CLAIMED', 'AGENT_UNAVAILABLE', 'INVALID_TRANSITION']);

export async function runClaimRaces(
  cluster: Cluster,
  options: ClaimRaceOptions,
): Promise<ClaimRaceResult> {
  const started = Date.now();
  const lb = cluster.balancer.baseUrl;
  const agents = [];
  for (const email of ['alex@example.com', 'sam@example.com', 'riley@example.com']) {
    const agent = await agentToken(lb, email);
    await setCapacity(lb, agent.id, options.capacity);
    agents.push(agent);
  }
  const ids: string[] = [];
  for (let i = 0; i < options.conversations; i += 1) {
    ids.push((await waitingConversation(lb, `Race customer ${i}`)).id);
  }
  const db = new pg.Client({ connectionString: cluster.databaseUrl });
  await db.connect();
  const result: ClaimRaceResult = {
    races: 0,
    rounds: 0,
    claims: 0,
    wins: 0,
    doubleAssignments: 0,
    overCapacity: 0,
    storedAssignments: 0,
    refusals: {},
    unexpectedResponses: [],
    seconds: 0,
  };
  try {
    while (result.races < options.races) {
      const round = result.rounds++;
      const attempts = agents.flatMap((agent, a) =>
        ids.map((id, c) => ({
          agent,
          id,
          node: cluster.nodes[(a + c + round) % cluster.nodes.length]!,
        })),
      );
      const outcomes = await Promise.all(
        attempts.map(async (t) => {
          const r = await api(t.node.baseUrl, 'POST', `/api/v1/conversations/${t.id}/claim`, {
            token: t.agent.token,
          });
          return { ...t, status: r.status, code: r.body?.error?.code as string | undefined };
        }),
      );
      result.claims += outcomes.length;
      result.races += ids.length;
      const wins = outcomes.filter((o) => o.status === 200);
      result.wins += wins.length;
      for (const o of outcomes) {
        if (o.status === 200) continue;
        if (o.status === 409 && o.code && REFUSALS.has(o.code)) {
          result.refusals[o.code] = (result.refusals[o.code] ?? 0) + 1;
        } else if (result.unexpectedResponses.length < 20) {
          result.unexpectedResponses.push(`${o.node.name} ${o.status} ${o.code ?? ''}`);
        }
      }
      for (const id of ids) {
        if (wins.filter((w) => w.id === id).length > 1) result.doubleAssignments += 1;
      }
      for (const agent of agents) {
        if (wins.filter((w) => w.agent === agent).length > options.capacity)
          result.overCapacity += 1;
      }
      // The store agrees: nobody holds more than their capacity.
      const held = await db.query(
        `select assignee_id as agent, count(*) as n from conversations
         where status = 'assigned' and id = any($1) group by assignee_id`,
        [ids],
      );
      for (const row of held.rows) if (Number(row.n) > options.capacity) result.overCapacity += 1;
      // Back to the queue for the next round, by the winner (through the balancer).
      await Promise.all(
        wins.map(async (w) => {
          const r = await api(lb, 'POST', `/api/v1/conversations/${w.id}/transfer`, {
            token: w.agent.token,
            body: { queue: 'general' },
          });
          if (r.status !== 200) throw new Error(`transfer: ${r.status} ${JSON.stringify(r.body)}`);
        }),
      );
    }
    const stored = await db.query(
      `select count(*) as n from events where type = 'conversation.assigned' and conversation_id = any($1)`,
      [ids],
    );
    result.storedAssignments = Number(stored.rows[0]?.n ?? 0);
  } finally {
    await db.end();
  }
  result.seconds = Math.round((Date.now() - started) / 1000);
  return result;
}
