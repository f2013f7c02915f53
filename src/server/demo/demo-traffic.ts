/**
 * Fills an instance with a few days of realistic simulated traffic, through the real
 * conversation service and escalation policy (only the clock is simulated), so that the
 * analytics are worth opening on a demo: bot-only conversations, handoffs for every kind of
 * reason, waits, replies, resolutions with outcomes, ratings, and customers who gave up.
 */
import { createRng, type Rng } from '../../core/sla/simulate/prng.ts';
import type { AgentRecord } from '../../store/records.ts';
import type { BuiltApp } from '../app.ts';
import { applyCommand } from '../conversations/apply-command.ts';
import { AGENT_REPLIES, BOT_SCRIPTS, HANDOFF_SCRIPTS } from './traffic-scripts.ts';
import { LIFECYCLE_TIMERS } from '../timers/lifecycle-timers.ts';

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
}

const MINUTE = 60_000;
const pick = <T>(rng: Rng, items: readonly T[]): T =>
  items[Math.floor(rng.next() * items.length)] as T;

export async function generateDemoTraffic(
  built: BuiltApp,
  agents: readonly AgentRecord[],
  options: DemoTrafficOptions,
): Promise<DemoTrafficResult> {
  const rng = createRng(options.seed);
  const total = Math.round(options.days * options.perDay);
  const start = options.endMs - options.days * 24 * 60 * MINUTE;
  // Arrival times, weighted to the day (more traffic 08:00–22:00 UTC), in order.
  const times = Array.from({ length: total }, () => {
    const day = Math.floor(rng.next() * options.days);
    const hour = rng.next() < 0.85 ? 8 + rng.next() * 14 : rng.next() * 24;
    return start + day * 24 * 60 * MINUTE + hour * 60 * MINUTE;
  })
    .filter((t) => t < options.endMs - 60 * MINUTE)
    .sort((a, b) => a - b);
  let handoffs = 0;
  let abandoned = 0;
  for (const at of times) {
    let now = at;
    const tick = (ms: number) => options.setTime((now += ms));
    options.setTime(now);
    const script = rng.next() < 0.3 ? pick(rng, HANDOFF_SCRIPTS) : pick(rng, BOT_SCRIPTS);
    const { conversation, token: _ } = await built.service.start({
      channel: pick(rng, ['web', 'web', 'web', 'api']),
      customer: { name: `Visitor ${Math.floor(rng.next() * 9000 + 1000)}` },
      language: 'en',
    });
    for (const text of script.messages) {
      tick(20_000 + rng.next() * 40_000);
      await built.service.postCustomerMessage(conversation.id, { text });
    }
    const current = await built.service.get(conversation.id);
    if (current.status === 'bot') {
      if (rng.next() < 0.4)
        await rate(built, conversation.id, rng.next() < 0.8 ? 4 + Math.round(rng.next()) : 2);
      continue;
    }
    handoffs++;
    tick(rng.exponential(5 * MINUTE));
    if (rng.next() < 0.07) {
      await applyCommand(built.deps, conversation.id, {
        command: { type: 'abandon' },
        actor: { type: 'system' },
        data: { reason: 'customer_left' },
        timers: { cancel: LIFECYCLE_TIMERS },
      });
      abandoned++;
      continue;
    }
    const agent = pick(rng, agents);
    await built.workflow.claim(conversation.id, agent);
    tick(30_000 + rng.next() * 90_000);
    await built.service.postAgentMessage(conversation.id, agent, {
      text: pick(rng, AGENT_REPLIES),
    });
    tick(rng.logNormal(8 * MINUTE, 0.6));
    const botCouldHaveHandled = rng.next() < 0.15;
    await built.workflow.resolve(conversation.id, agent, {
      resolved: rng.next() < 0.88,
      botCouldHaveHandled,
      ...(botCouldHaveHandled ? { note: 'the answer is in the knowledge base' } : {}),
    });
    if (rng.next() < 0.5) await rate(built, conversation.id, 3 + Math.round(rng.next() * 2));
  }
  return { conversations: times.length, handoffs, abandoned };
}

async function rate(built: BuiltApp, id: string, rating: number): Promise<void> {
  const result = await built.deps.store.conversations.commit({
    conversationId: id,
    events: [
      {
        type: 'csat.submitted',
        actor: { type: 'customer' },
        data: { rating },
        clientMessageId: 'csat',
      },
    ],
    now: built.deps.clock(),
  });
  if (result.ok) built.deps.bus.publish(result);
}
