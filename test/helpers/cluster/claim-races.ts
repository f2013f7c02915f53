/**
 * Claim races across nodes: in each round every agent claims every waiting conversation at
 * once, and the three claims on one conversation go to three different nodes (straight to
 * each node, so the race is surely across processes). A round has as many conversations as
 * the agents have free capacity together, so both the conversation and each agent's capacity
 * are contested. Winners transfer their conversations back to the queue for the next round.
 * Counted per round: 200s per conversation (more than one is a double assignment) and per
 * agent (more than the free capacity is an overrun), checked again in the store.
 */
import pg from 'pg';
import { api } from '../api-client.ts';
import { agentToken, setCapacity, waitingConversation } from './chat-traffic.ts';
import { openResilientSocket, type ResilientSocket } from './resilient-socket.ts';
import type { Cluster } from './start-cluster.ts';

export interface ClaimRaceOptions {
  readonly races: number;
  /** Free capacity of each of the three agents for the races (a round has 3 × this many). */
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
  /** Refusals by code (ALREADY_CLAIMED, AGENT_UNAVAILABLE, CONVERSATION_NOT_FOUND …). */
  refusals: Record<string, number>;
  /** Anything but 200, a 409 refusal or a 404 out of scope: 5xx, timeouts. */
  unexpectedResponses: string[];
  seconds: number;
}

const REFUSALS = new Set(['ALREADY_CLAIMED', 'AGENT_UNAVAILABLE', 'INVALID_TRANSITION']);
const EMAILS = ['alex@example.com', 'sam@example.com', 'riley@example.com'];

type RaceAgent = Awaited<ReturnType<typeof agentToken>> & { maxConcurrent: number };

/**
 * The three agents, ready to race: inbox open, away, and `capacity` free beside what they
 * already hold (the chat test's conversations).
 */
async function raceAgents(cluster: Cluster, db: pg.Client, capacity: number) {
  const lb = cluster.balancer.baseUrl;
  const agents: RaceAgent[] = [];
  const inboxes: ResilientSocket[] = [];
  for (const email of EMAILS) {
    const agent = await agentToken(lb, email);
    const held = await db.query(
      `select count(*) as n from conversations where status = 'assigned' and assignee_id = $1`,
      [agent.id],
    );
    const maxConcurrent = Number(held.rows[0]?.n ?? 0) + capacity;
    await setCapacity(lb, agent.id, maxConcurrent);
    // Away: the router offers them nothing, so every assignment comes from a claim raced
    // here. Inbox open, as in the product: an agent whose inbox is gone for
    // routing.deadEnds.ownerGoneSeconds has what they hold handed back (owner-presence.ts),
    // which would take conversations from the winners mid-race.
    const away = await api(lb, 'PUT', '/api/v1/me/presence', {
      token: agent.token,
      body: { presence: 'away' },
    });
    if (away.status !== 200) throw new Error(`presence: ${away.status}`);
    inboxes.push(
      await openResilientSocket({
        kind: 'agent',
        conversations: [],
        token: agent.token,
        url: () => `${cluster.balancer.wsUrl}/api/v1/agent/stream`,
      }),
    );
    agents.push({ ...agent, maxConcurrent });
  }
  return { agents, inboxes };
}

export async function runClaimRaces(
  cluster: Cluster,
  options: ClaimRaceOptions,
): Promise<ClaimRaceResult> {
  const started = Date.now();
  const lb = cluster.balancer.baseUrl;
  const db = new pg.Client({ connectionString: cluster.databaseUrl });
  await db.connect();
  const { agents, inboxes } = await raceAgents(cluster, db, options.capacity);
  const ids = await Promise.all(
    Array.from(
      { length: agents.length * options.capacity },
      async (_, i) => (await waitingConversation(lb, `Race customer ${i}`)).id,
    ),
  );
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
    let lastLog = Date.now();
    while (result.races < options.races) {
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        const seconds = (lastLog - started) / 1000;
        console.log(`[cluster] claim races: ${result.races} in ${seconds.toFixed(0)} s`);
      }
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
        // A loser who asks once the winner holds it finds it out of their scope: 404 (the
        // scope check comes before the claim, src/http/routes/workflow-routes.ts).
        const outOfScope = o.status === 404 && o.code === 'CONVERSATION_NOT_FOUND';
        if (o.code && ((o.status === 409 && REFUSALS.has(o.code)) || outOfScope)) {
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
      // The store agrees: nobody holds more than their capacity, counting everything they hold.
      const held = await db.query(
        `select assignee_id as agent, count(*) as n from conversations
         where status = 'assigned' and assignee_id = any($1) group by assignee_id`,
        [agents.map((a) => a.id)],
      );
      for (const row of held.rows) {
        const agent = agents.find((a) => a.id === row.agent);
        if (agent && Number(row.n) > agent.maxConcurrent) result.overCapacity += 1;
      }
      // Back to the queue for the next round, by the winner (through the balancer).
      await Promise.all(wins.map((w) => transferBack(lb, db, w.id, w.agent)));
    }
    const stored = await db.query(
      `select count(*) as n from events where type = 'conversation.assigned' and conversation_id = any($1)`,
      [ids],
    );
    result.storedAssignments = Number(stored.rows[0]?.n ?? 0);
  } finally {
    for (const inbox of inboxes) inbox.close();
    await db.end();
  }
  result.seconds = Math.round((Date.now() - started) / 1000);
  return result;
}

/** The winner hands the conversation back to the queue; a refusal says what happened to it. */
async function transferBack(lb: string, db: pg.Client, id: string, agent: RaceAgent) {
  const r = await api(lb, 'POST', `/api/v1/conversations/${id}/transfer`, {
    token: agent.token,
    body: { queue: 'general' },
  });
  if (r.status === 200) return;
  const events = await db.query(
    `select seq, type, actor_type, actor_id, data from events
     where conversation_id = $1 order by seq desc limit 8`,
    [id],
  );
  throw new Error(
    `transfer by ${agent.id} of ${id}: ${r.status} ${JSON.stringify(r.body)}; ` +
      `its last events: ${JSON.stringify(events.rows)}`,
  );
}
