/**
 * Fills an instance with a few days of realistic simulated traffic, through the real
 * conversation service, escalation policy, router workflow and timers (only the clock is
 * simulated), so that the dashboard is worth opening on a demo: bot-only conversations,
 * handoffs for every kind of reason in five languages, waits with SLA breaches and overflows,
 * transfers (some bouncing back: misroutes), repeat-guard hits, resolutions with outcomes,
 * ratings, customers who gave up or came back, and a few conversations still waiting at the
 * end for the supervisor view.
 */
import { createRng, type Rng } from '../../core/sla/simulate/prng.ts';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { AgentRecord } from '../../core/records.ts';
import type { applyCommand, CommandRequest } from '../conversations/apply-command.ts';
import type { ConversationWriter } from '../conversations/conversation-writer.ts';
import type { AgentWorkflow } from '../conversations/agent-workflow.ts';
import type { ConversationService } from '../conversations/conversation-service.ts';
import type { TimerRunner } from '../timers/timer-runner.ts';
import {
  AGENT_REPLIES,
  BOT_SCRIPTS,
  HANDOFF_SCRIPTS,
  REPEATED_QUESTION,
  type TrafficScript,
} from './traffic-scripts.ts';

export interface DemoTrafficOptions {
  readonly days: number;
  readonly perDay: number;
  readonly seed: number;
  /** Moves the simulated clock (the app was built with a clock that reads it). */
  readonly setTime: (ms: number) => void;
  readonly endMs: number;
}

export interface DemoTrafficResult {
  readonly conversations: number;
  readonly handoffs: number;
  readonly abandoned: number;
  /** Handed over in the last minutes and left waiting, for the supervisor view. */
  readonly waiting: number;
}

const MINUTE = 60_000;
const DAY_MS = 24 * 60 * MINUTE;
/** Handoffs this close to the end are left waiting: the live view has something to show. */
const LEAVE_WAITING_MS = 40 * MINUTE;
const LIVE_TAIL_MINUTES = [28, 19, 12, 4];
const QUEUES_TO_TRANSFER_TO = ['billing', 'technical', 'retention', 'general'];
const pick = <T>(rng: Rng, items: readonly T[]): T =>
  items[Math.floor(rng.next() * items.length)] as T;

/** The parts of a built Baton (src/main/build-app.ts) the generator drives. */
export interface DemoTrafficParts {
  readonly service: ConversationService;
  readonly workflow: AgentWorkflow;
  readonly timers: TimerRunner;
  readonly writer: ConversationWriter;
  readonly applyCommand: (id: string, request: CommandRequest) => ReturnType<typeof applyCommand>;
}

export async function generateDemoTraffic(
  built: DemoTrafficParts,
  agents: readonly AgentRecord[],
  options: DemoTrafficOptions,
): Promise<DemoTrafficResult> {
  const rng = createRng(options.seed);
  const total = Math.round(options.days * options.perDay);
  // The last `days` × 24 hours, whatever the time of day now (so the volume does not depend
  // on when the generator runs), with arrivals drawn per calendar day (UTC) so that the busy
  // hours are office hours on the charts: `days + 1` calendar days, cut to the window.
  const windowStart = options.endMs - options.days * DAY_MS;
  const firstMidnight = Math.floor(windowStart / DAY_MS) * DAY_MS;
  const calendarDays = options.days + 1;
  // Returning customers: a pool three times the traffic, so some come back (recontacts).
  const customers = Math.max(5, total * 3);
  const times = Array.from({ length: Math.round(options.perDay * calendarDays) }, () => {
    const day = Math.floor(rng.next() * calendarDays);
    const hour = rng.next() < 0.85 ? 8 + rng.next() * 14 : rng.next() * 24;
    return firstMidnight + day * DAY_MS + hour * 60 * MINUTE;
  })
    .filter((t) => t >= windowStart && t < options.endMs - 5 * MINUTE)
    .sort((a, b) => a - b);
  let handoffs = 0;
  let abandoned = 0;
  let waiting = 0;
  const simulation: Simulation = { built, agents, options, rng, customers };
  // One transaction per simulated day (writer.batch): on PostgreSQL a day's commits share one
  // commit to disk instead of one each, and nothing of a day is stored unless all of it is.
  for (const day of byCalendarDay(times)) {
    await built.writer.batch(async () => {
      for (const at of day) {
        const outcome = await simulateConversation(simulation, at);
        if (outcome === 'bot only') continue;
        handoffs++;
        if (outcome === 'left waiting') waiting++;
        if (outcome === 'abandoned') abandoned++;
      }
    });
  }
  // The live tail: a few handoffs in the last half hour nobody has taken yet, the older ones
  // past their SLA, so the supervisor view has queues and alerts to show.
  await built.writer.batch(async () => {
    for (const [i, minutesAgo] of LIVE_TAIL_MINUTES.entries()) {
      options.setTime(options.endMs - minutesAgo * MINUTE);
      const script = HANDOFF_SCRIPTS[(i * 3) % HANDOFF_SCRIPTS.length]!;
      const n = Math.floor(rng.next() * customers) + 1000;
      const { conversation } = await built.service.start({
        channel: 'web',
        customer: { name: `Visitor ${n}`, email: `visitor${n}@example.com` },
        language: script.language ?? 'en',
      });
      for (const text of script.messages) {
        await built.service.postCustomerMessage(conversation.id, { text });
      }
      if ((await built.service.get(conversation.id)).status === 'bot') continue;
      handoffs++;
      waiting++;
      await built.timers.tick();
    }
    options.setTime(options.endMs);
    await built.timers.tick();
  });
  return { conversations: times.length + LIVE_TAIL_MINUTES.length, handoffs, abandoned, waiting };
}

/** What the generator needs for every simulated conversation. */
interface Simulation {
  readonly built: DemoTrafficParts;
  readonly agents: readonly AgentRecord[];
  readonly options: DemoTrafficOptions;
  readonly rng: Rng;
  /** The size of the pool of returning customers. */
  readonly customers: number;
}

/** How a simulated conversation ended. */
type ConversationOutcome = 'bot only' | 'left waiting' | 'abandoned' | 'resolved';

/**
 * One customer's conversation arriving at `at`, from the first message to its end: answered
 * by the bot, or handed over and then left waiting (near the end), abandoned, or taken
 * (sometimes transferred), answered and resolved. The simulated clock moves as it goes.
 */
async function simulateConversation(
  { built, agents, options, rng, customers }: Simulation,
  at: number,
): Promise<ConversationOutcome> {
  let now = at;
  const tick = async (ms: number) => {
    options.setTime((now += ms));
    // Fire what fell due meanwhile: SLA breaches (priority bump, overflow) and offers.
    await built.timers.tick();
  };
  options.setTime(now);
  const script: TrafficScript =
    rng.next() < 0.3 ? pick(rng, HANDOFF_SCRIPTS) : pick(rng, BOT_SCRIPTS);
  const n = Math.floor(rng.next() * customers) + 1000;
  const { conversation } = await built.service.start({
    channel: pick(rng, ['web', 'web', 'web', 'api']),
    customer: { name: `Visitor ${n}`, email: `visitor${n}@example.com` },
    language: script.language ?? 'en',
  });
  for (const text of script.messages) {
    await tick(20_000 + rng.next() * 40_000);
    await built.service.postCustomerMessage(conversation.id, { text });
  }
  const current = await built.service.get(conversation.id);
  if (current.status === 'bot') {
    if (rng.next() < 0.4)
      await rate(built, conversation.id, rng.next() < 0.8 ? 4 + Math.round(rng.next()) : 2);
    return 'bot only';
  }
  if (at > options.endMs - LEAVE_WAITING_MS) return 'left waiting';
  // Long tail: most are taken within minutes, some wait past the SLA (and overflow).
  await tick(
    rng.next() < 0.15 ? 6 * MINUTE + rng.exponential(8 * MINUTE) : rng.exponential(3 * MINUTE),
  );
  if (rng.next() < 0.07) {
    await built.applyCommand(conversation.id, {
      command: { type: 'abandon' },
      actor: { type: 'system' },
      data: { reason: 'customer_left' },
    });
    return 'abandoned';
  }
  let agent = await claimByOneWhoMay(built, rng, conversation.id, agents);
  if (rng.next() < 0.1)
    agent = await transferAround(built, rng, conversation.id, agent, agents, tick);
  await tick(30_000 + rng.next() * 90_000);
  const repeated = rng.next() < 0.12;
  await built.service.postAgentMessage(conversation.id, agent, {
    text: repeated ? REPEATED_QUESTION : pick(rng, AGENT_REPLIES),
    ...(repeated ? { repeatGuard: { fields: ['order_id'], overridden: true } } : {}),
  });
  await tick(rng.logNormal(8 * MINUTE, 0.6));
  const botCouldHaveHandled = rng.next() < 0.15;
  await built.workflow.resolve(conversation.id, agent, {
    resolved: rng.next() < 0.88,
    botCouldHaveHandled,
    ...(botCouldHaveHandled ? { note: pick(rng, IMPROVEMENT_NOTES) } : {}),
  });
  if (rng.next() < 0.5) await rate(built, conversation.id, 3 + Math.round(rng.next() * 2));
  return 'resolved';
}

/** The arrival times (sorted) cut into runs of one calendar day (UTC). */
function byCalendarDay(times: readonly number[]): number[][] {
  const days: number[][] = [];
  for (const at of times) {
    const last = days[days.length - 1];
    if (last && Math.floor(last[0]! / DAY_MS) === Math.floor(at / DAY_MS)) last.push(at);
    else days.push([at]);
  }
  return days;
}

const IMPROVEMENT_NOTES = [
  'the answer is in the knowledge base',
  'tracking link question: the bot should have sent it',
  'refund status is visible in the account page',
];

/** A transfer to another queue and a colleague's claim; a third of them bounce back (misroute). */
async function transferAround(
  built: DemoTrafficParts,
  rng: Rng,
  id: string,
  from: AgentRecord,
  agents: readonly AgentRecord[],
  tick: (ms: number) => Promise<void>,
): Promise<AgentRecord> {
  const origin = (await built.service.get(id)).queue ?? 'general';
  const to = pick(
    rng,
    QUEUES_TO_TRANSFER_TO.filter((q) => q !== origin),
  );
  await tick(60_000);
  await built.workflow.transfer(id, from, to, 'not for us, see the customer’s last message');
  await tick(rng.exponential(2 * MINUTE));
  // A colleague when one may take it there, else the one who sent it (a queue only a
  // supervisor covers, such as retention in the demo team).
  let next = await claimByOneWhoMay(
    built,
    rng,
    id,
    agents.filter((a) => a.id !== from.id),
    from,
  );
  if (rng.next() < 0.33) {
    await tick(60_000);
    await built.workflow.transfer(id, next, origin, 'sorry, this belongs back with you');
    next = from;
    await built.workflow.claim(id, next);
  }
  return next;
}

/**
 * A claim by one of `candidates`, drawn at random among those whose queues hold the
 * conversation: the store refuses an agent's write out of their scope (OUT_OF_SCOPE), as it
 * would an agent in the inbox, so the demo's agents take only what they may.
 */
async function claimByOneWhoMay(
  built: DemoTrafficParts,
  rng: Rng,
  id: string,
  candidates: readonly AgentRecord[],
  lastResort?: AgentRecord,
): Promise<AgentRecord> {
  const drawn = [...candidates];
  const order: AgentRecord[] = [];
  while (drawn.length > 0) order.push(drawn.splice(Math.floor(rng.next() * drawn.length), 1)[0]!);
  if (lastResort) order.push(lastResort);
  for (const agent of order) {
    try {
      await built.workflow.claim(id, agent);
      return agent;
    } catch (error) {
      if (!(error instanceof BatonError && error.code === 'OUT_OF_SCOPE')) throw error;
    }
  }
  throw new Error(`baton demo-traffic: no demo agent may take conversation ${id}`);
}

async function rate(built: DemoTrafficParts, id: string, rating: number): Promise<void> {
  await built.writer.commit({
    conversationId: id,
    events: [
      {
        type: 'csat.submitted',
        actor: { type: 'customer' },
        data: { rating },
        clientMessageId: 'csat',
      },
    ],
  });
}
