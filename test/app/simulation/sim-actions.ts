/**
 * One random step of the world: customers arrive (and are handed to a team with a truthful
 * waiting message), write again, leave, come back, fall silent or, handed back to the bot, ask
 * for a person again; agents open and close the
 * inbox, go offline, accept, decline or ignore offers, claim from the queue (two at once, to
 * race), reply, transfer, hand back to the bot and resolve. Every write goes through the app
 * layer (writer, state machine, workflow), never the store.
 */
import { messageCreated } from '../../../src/core/conversation/conversation-events.ts';
import { applyCommand } from '../../../src/app/conversations/apply-command.ts';
import { credibleWait } from '../../../src/core/sla/credible-wait.ts';
import type { Rng } from '../../../src/core/sla/simulate/prng.ts';
import { teamAvailability } from '../../../src/app/conversations/team-availability.ts';
import type { AgentRecord, ConversationRecord } from '../../../src/core/records.ts';
import { handedOverData } from '../../helpers/event-data.ts';
import type { SimLedger } from './sim-ledger.ts';
import type { Node, Outside } from './sim-world.ts';

const QUEUE_IDS = ['billing', 'technical', 'retention', 'sales', 'trust_safety', 'general'];

export interface Tally {
  created: number;
  claimsRaced: number;
  doubleWins: number;
  steps: number;
  restarts: number;
  [action: string]: number;
}

const pick = <T>(rng: Rng, list: readonly T[]): T | undefined =>
  list.length === 0 ? undefined : list[Math.floor(rng.next() * list.length)];

/** Refused actions (a state that changed, no capacity) are part of the game. */
const tolerate = (p: Promise<unknown>) =>
  p.then(
    () => true,
    () => false,
  );

/** From the seeded RNG, so that a seed replays the same conversations in the same order. */
const seededId = (rng: Rng) =>
  `c_${Array.from({ length: 4 }, () =>
    Math.floor(rng.next() * 2 ** 32)
      .toString(16)
      .padStart(8, '0'),
  ).join('')}`;

const bump = (tally: Tally, name: string) => (tally[name] = (tally[name] ?? 0) + 1);

export async function arrive(node: Node, outside: Outside, rng: Rng): Promise<void> {
  const now = node.clock();
  const id = seededId(rng);
  const channel = rng.next() < 0.7 ? 'web' : 'api';
  await node.writer.create({
    id,
    channel,
    customer: { id: id.slice(2, 10) },
    language: 'en',
    tokenHash: id,
    events: [{ type: 'conversation.created', actor: { type: 'customer' }, data: { channel } }],
    now,
  });
  outside.customersConnected.add(id);
  await handOver(node, outside, rng, id);
}

/** The bot hands over to a team, telling the customer their place and a credible wait. */
async function handOver(node: Node, outside: Outside, rng: Rng, id: string): Promise<void> {
  const now = node.clock();
  const queue = pick(rng, QUEUE_IDS)!;
  const team = await teamAvailability(node.store, {
    isConnected: (a) => outside.agentsConnected.has(a),
  });
  const position = (await node.store.reads.positionIfQueued(queue, 50, id)) ?? 1;
  const band = credibleWait(
    {
      position,
      agentsServing: team.online,
      concurrency: team.concurrency,
      freeSlots: team.freeSlots,
      avgHandleMinutes: 6,
    },
    null,
  );
  await applyCommand(
    node.writer && { store: node.store, writer: node.writer, clock: node.clock },
    id,
    {
      command: { type: 'hand_over', queue },
      actor: { type: 'bot' },
      data: handedOverData(queue, ['explicit_request'], now),
      extraChanges: () => ({
        priority: 20 + Math.floor(rng.next() * 70),
        handedOverAt: now.toISOString(),
      }),
      extraEvents: () => [
        messageCreated(
          { type: 'bot' },
          {
            text: band
              ? `You are number ${position}, about ${band.lowMinutes}–${band.highMinutes} minutes.`
              : 'Nobody is available right now.',
            kind: 'handoff',
            extra: {
              position,
              band: band && { lowMinutes: band.lowMinutes, highMinutes: band.highMinutes },
            },
          },
        ),
      ],
    },
  );
}

/** One customer acts: of an open conversation, or one handed back to the bot (asks again). */
export async function customerActs(
  node: Node,
  outside: Outside,
  rng: Rng,
  ledger: SimLedger,
  tally: Tally,
) {
  const withBot = [...ledger.withBot.keys()];
  if (withBot.length > 0 && rng.next() < 0.05) {
    // Handed back to the bot, they ask for a person again (if the bot still has them).
    const id = pick(rng, withBot)!;
    outside.customersConnected.add(id);
    await handOver(node, outside, rng, id);
    return void bump(tally, 'customerAsksAgain');
  }
  const open = [...ledger.open.values()];
  const c = pick(rng, open);
  if (!c) return;
  const r = rng.next();
  if (r < 0.4) {
    bump(tally, 'customerWrites');
    await node.writer.commit({
      conversationId: c.id,
      expectStatus: ['queued', 'offered', 'assigned', 'deferred'],
      events: [messageCreated({ type: 'customer' }, { text: 'Is anyone still there?' })],
    });
  } else if (r < 0.6 && c.channel === 'web') {
    const leaving = outside.customersConnected.has(c.id);
    if (leaving) outside.customersConnected.delete(c.id);
    else outside.customersConnected.add(c.id);
    bump(tally, leaving ? 'customerLeaves' : 'customerReturns');
    // What the hub's presence callback does (abandonment.ts), awaited here.
    if (c.status !== 'assigned') {
      await node.writer.commit({
        conversationId: c.id,
        events: [],
        lifecycle: { customerAwaySince: leaving ? node.clock().toISOString() : null },
      });
    }
    return;
  }
  bump(tally, 'customerSilent');
}

export async function agentActs(
  node: Node,
  outside: Outside,
  rng: Rng,
  agent: AgentRecord,
  open: readonly ConversationRecord[],
  tally: Tally,
) {
  const count = (name: string) => bump(tally, name);
  const r = rng.next();
  const connected = outside.agentsConnected.has(agent.id);
  if (!connected) {
    if (r < 0.5) {
      outside.agentsConnected.add(agent.id);
      await node.owners.connected(agent.id);
      count('agentConnects');
    }
    return;
  }
  if (r < 0.04) {
    outside.agentsConnected.delete(agent.id);
    return void count('agentDisconnects');
  }
  if (r < 0.07) {
    outside.agentsConnected.delete(agent.id);
    const offline = (await node.store.agents.setPresence(agent.id, 'offline')) ?? agent;
    await node.workflow.releaseAll(offline);
    return void count('agentGoesOffline');
  }
  const offered = open.filter((c) => c.status === 'offered' && c.offeredTo === agent.id);
  const mine = open.filter((c) => c.status === 'assigned' && c.assigneeId === agent.id);
  const offer = pick(rng, offered);
  if (offer && r < 0.45) {
    if (await tolerate(node.workflow.claim(offer.id, agent))) count('accepts');
    return;
  }
  if (offer && r < 0.55) {
    if (await tolerate(node.workflow.declineOffer(offer.id, agent))) count('declines');
    return;
  }
  const c = pick(rng, mine);
  if (c && r < 0.7) {
    count('agentReplies');
    await node.writer.commit({
      conversationId: c.id,
      expectStatus: ['assigned'],
      expectAssigneeId: agent.id,
      events: [
        messageCreated({ type: 'agent', id: agent.id, name: agent.name }, { text: 'On it.' }),
      ],
    });
    return;
  }
  if (c && r < 0.8)
    return void ((await tolerate(node.workflow.resolve(c.id, agent, {}))) && count('resolves'));
  if (c && r < 0.84)
    return void (
      (await tolerate(node.workflow.transfer(c.id, agent, pick(rng, QUEUE_IDS)!))) &&
      count('transfers')
    );
  if (c && r < 0.86)
    return void ((await tolerate(node.workflow.returnToBot(c.id, agent))) && count('returnsToBot'));
  const queued = pick(
    rng,
    open.filter((x) => x.status === 'queued'),
  );
  if (queued && r < 0.93) {
    // Two claims of one conversation at once (this agent and a colleague): one wins at most.
    const rival = pick(
      rng,
      [...outside.agentsConnected].filter((id) => id !== agent.id),
    );
    const other = rival ? await node.store.agents.get(rival) : undefined;
    const wins = await Promise.all([
      tolerate(node.workflow.claim(queued.id, agent)),
      other ? tolerate(node.workflow.claim(queued.id, other)) : Promise.resolve(false),
    ]);
    tally.claimsRaced++;
    if (wins.filter(Boolean).length > 1) tally.doubleWins++;
  }
  // The offer (if any) is ignored: it expires, or is taken back when the agent leaves.
  if (offer) count('offersIgnored');
}
