/**
 * Claim races across nodes: in each round every agent claims every waiting conversation at
 * once, and the three claims on one conversation go to three different nodes (straight to
 * each node, so the race is surely across processes). A round has as many conversations as
 * the agents have free capacity together, so both the conversation and each agent's capacity
 * are contested. Winners transfer their conversations back to the queue for the next round.
 * A conversation counts as a race only if at least two of its claims were in flight together.
 * Checked per round: 200s per conversation (more than one is a double assignment) and per
 * agent (more than the free capacity is an overrun), and what each agent holds in the store;
 * at the end, each conversation's stored `conversation.assigned` events (race-checks.ts).
 * Requests go on keep-alive connections (keep-alive-client.ts): the races are CPU-bound, and
 * the test process shares the two cores with the nodes.
 */
import pg from 'pg';
import { api } from '../api-client.ts';
import { agentToken, setCapacity, waitingConversation } from './chat-traffic.ts';
import { keepAliveClient, type KeepAliveClient, type TimedResponse } from './keep-alive-client.ts';
import { storedAssignments, storedOverCapacity } from './race-checks.ts';
import { openResilientSocket, type ResilientSocket } from './resilient-socket.ts';
import type { Cluster } from './start-cluster.ts';

export interface ClaimRaceOptions {
  readonly races: number;
  /** Free capacity of each of the three agents for the races (a round has 3 × this many). */
  readonly capacity: number;
}

export interface ClaimRaceResult {
  /** Conversations raced: claimed by every agent, on different nodes, in flight together. */
  races: number;
  /** Conversations whose claims did not overlap in flight (not counted as races). */
  uncontested: number;
  rounds: number;
  claims: number;
  wins: number;
  doubleAssignments: number;
  overCapacity: number;
  /** `conversation.assigned` events stored for the raced conversations. */
  storedAssignments: number;
  /** Conversations whose stored assignments differ from their 200s, or follow one another. */
  storedMismatches: string[];
  /** Refusals by code (ALREADY_CLAIMED, AGENT_UNAVAILABLE, CONVERSATION_NOT_FOUND …). */
  refusals: Record<string, number>;
  /** Anything but 200, a 409 refusal or a 404 out of scope: 5xx, timeouts. */
  unexpectedResponses: string[];
  /** Winners who could not hand back (someone else holds it: the races stop there). */
  failedTransfers: string[];
  /** Requests sent and connections opened for them (keep-alive). */
  requests: number;
  connections: number;
  /** The whole run, and the rounds alone (without the agents' and conversations' set-up). */
  seconds: number;
  racingSeconds: number;
}

const REFUSALS = new Set(['ALREADY_CLAIMED', 'AGENT_UNAVAILABLE', 'INVALID_TRANSITION']);
const EMAILS = ['alex@example.com', 'sam@example.com', 'riley@example.com'];

type RaceAgent = Awaited<ReturnType<typeof agentToken>> & { maxConcurrent: number };
type Outcome = TimedResponse & { agent: RaceAgent; id: string; node: string };

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

function emptyResult(): ClaimRaceResult {
  return {
    races: 0,
    uncontested: 0,
    rounds: 0,
    claims: 0,
    wins: 0,
    doubleAssignments: 0,
    overCapacity: 0,
    storedAssignments: 0,
    storedMismatches: [],
    refusals: {},
    unexpectedResponses: [],
    failedTransfers: [],
    requests: 0,
    connections: 0,
    seconds: 0,
    racingSeconds: 0,
  };
}

export async function runClaimRaces(
  cluster: Cluster,
  options: ClaimRaceOptions,
): Promise<ClaimRaceResult> {
  const started = Date.now();
  const lb = cluster.balancer.baseUrl;
  const db = new pg.Client({ connectionString: cluster.databaseUrl });
  await db.connect();
  const client = keepAliveClient();
  const { agents, inboxes } = await raceAgents(cluster, db, options.capacity);
  const ids: string[] = [];
  // Created a few at a time: each is two requests through the balancer.
  for (let i = 0; i < agents.length * options.capacity; i += 20) {
    const batch = Array.from({ length: Math.min(20, agents.length * options.capacity - i) });
    ids.push(
      ...(await Promise.all(
        batch.map(async (_, j) => (await waitingConversation(lb, `Race customer ${i + j}`)).id),
      )),
    );
  }
  const result = emptyResult();
  /** 200s per conversation, over every round: what the store must hold. */
  const winsOf = new Map<string, number>(ids.map((id) => [id, 0]));
  const racing = Date.now();
  try {
    let lastLog = Date.now();
    while (result.races < options.races) {
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        const seconds = (lastLog - started) / 1000;
        console.log(`[cluster] claim races: ${result.races} in ${seconds.toFixed(0)} s`);
      }
      const round = result.rounds++;
      const outcomes = await claimRound(cluster, client, agents, ids, round);
      const wins = tally(result, outcomes, agents, ids, options.capacity);
      for (const w of wins) winsOf.set(w.id, (winsOf.get(w.id) ?? 0) + 1);
      // The store agrees: nobody holds more than their capacity, counting everything they hold.
      result.overCapacity += await storedOverCapacity(db, agents);
      // Back to the queue for the next round, by the winner (through the balancer). A refusal
      // leaves the conversation held: the races stop, and the checks below say why.
      const refused = await Promise.all(
        wins.map((w) => transferBack(client, lb, db, w.id, w.agent)),
      );
      result.failedTransfers.push(...refused.filter((r) => r !== undefined).slice(0, 5));
      if (result.failedTransfers.length > 0) break;
    }
    result.racingSeconds = Math.round((Date.now() - racing) / 1000);
    const stored = await storedAssignments(db, winsOf);
    result.storedAssignments = stored.total;
    result.storedMismatches = stored.mismatches;
  } finally {
    for (const inbox of inboxes) inbox.close();
    client.close();
    await db.end();
  }
  result.requests = client.counts.requests;
  result.connections = client.counts.connections;
  result.seconds = Math.round((Date.now() - started) / 1000);
  return result;
}

/**
 * Every agent claims every conversation at once; the claims on one conversation go to
 * different nodes, and consecutive conversations start on different nodes, so each node
 * serves every agent.
 */
function claimRound(
  cluster: Cluster,
  client: KeepAliveClient,
  agents: readonly RaceAgent[],
  ids: readonly string[],
  round: number,
): Promise<Outcome[]> {
  const attempts = ids.flatMap((id, c) =>
    agents.map((agent, a) => ({
      agent,
      id,
      node: cluster.nodes[(a + c + round) % cluster.nodes.length]!,
    })),
  );
  return Promise.all(
    attempts.map(async (t) => ({
      agent: t.agent,
      id: t.id,
      node: t.node.name,
      ...(await client.post(t.node.baseUrl, `/api/v1/conversations/${t.id}/claim`, t.agent.token)),
    })),
  );
}

/** Counts a round's answers into `result`; the winning claims. */
function tally(
  result: ClaimRaceResult,
  outcomes: readonly Outcome[],
  agents: readonly RaceAgent[],
  ids: readonly string[],
  capacity: number,
): Outcome[] {
  result.claims += outcomes.length;
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
      result.unexpectedResponses.push(`${o.node} ${o.status} ${o.code ?? ''}`);
    }
  }
  const byConversation = new Map<string, Outcome[]>();
  for (const o of outcomes) byConversation.set(o.id, [...(byConversation.get(o.id) ?? []), o]);
  for (const id of ids) {
    const claims = byConversation.get(id) ?? [];
    if (claims.filter((o) => o.status === 200).length > 1) result.doubleAssignments += 1;
    // A race: at least two claims, on different nodes, in flight at the same time.
    const raced = claims.some((x) =>
      claims.some((y) => x.node !== y.node && x.sentAt < y.answeredAt && y.sentAt < x.answeredAt),
    );
    if (raced) result.races += 1;
    else result.uncontested += 1;
  }
  for (const agent of agents) {
    if (wins.filter((w) => w.agent === agent).length > capacity) result.overCapacity += 1;
  }
  return wins;
}

/**
 * The winner hands the conversation back to the queue; a refusal says what happened to it
 * (undefined when it went back).
 */
async function transferBack(
  client: KeepAliveClient,
  lb: string,
  db: pg.Client,
  id: string,
  agent: RaceAgent,
): Promise<string | undefined> {
  const r = await client.post(lb, `/api/v1/conversations/${id}/transfer`, agent.token, {
    queue: 'general',
  });
  if (r.status === 200) return undefined;
  const events = await db.query(
    `select seq, type, actor_type, actor_id, data from events
     where conversation_id = $1 order by seq desc limit 8`,
    [id],
  );
  return (
    `transfer by ${agent.id} of ${id}: ${r.status} ${r.code ?? ''}; ` +
    `its last events: ${JSON.stringify(events.rows)}`
  );
}
