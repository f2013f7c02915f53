/**
 * The app layer of one Baton node, in-process over a real store, with a fake clock and fake
 * inbox/customer presence: the writer, the agent workflow, the router, the timer runner with
 * every lifecycle handler, the owner-presence sweep and the customer-presence watch. A
 * "restart" builds all of it again over the same store (sockets are gone after a restart).
 * The ledger hears what each node's writer publishes.
 */
import { ConversationWriter } from '../../../src/app/conversations/conversation-writer.ts';
import { timerPolicy } from '../../../src/app/conversations/timer-policy.ts';
import { OwnerPresence } from '../../../src/app/routing/owner-presence.ts';
import { handlePromiseDue } from '../../../src/app/timers/promise-due.ts';
import { handleReplyDue } from '../../../src/app/timers/reply-due.ts';
import { createInProcessBus } from '../../../src/bus/in-process-bus.ts';
import * as kinds from '../../../src/core/conversation/timer-kinds.ts';
import { DEFAULT_QUEUES } from '../../../src/core/routing/default-queues.ts';
import { AgentWorkflow } from '../../../src/app/conversations/agent-workflow.ts';
import { teamAvailability } from '../../../src/app/conversations/team-availability.ts';
import { waitingSettings } from '../../../src/app/conversations/waiting-settings.ts';
import { queueCatalog } from '../../../src/app/routing/queue-catalog.ts';
import { handleOfferExpiry } from '../../../src/app/routing/offer-expiry.ts';
import { RouterService } from '../../../src/app/routing/router-service.ts';
import { handleInactivity, watchCustomerPresence } from '../../../src/app/timers/abandonment.ts';
import { handleFollowUp } from '../../../src/app/timers/follow-up.ts';
import { handleSlaBreach } from '../../../src/app/timers/sla-breach.ts';
import { TimerRunner } from '../../../src/app/timers/timer-runner.ts';
import type { Store } from '../../../src/store/store.ts';
import type { SimLedger } from './sim-ledger.ts';

export const SETTINGS = {
  abandonAfterSeconds: 300,
  deadEnds: {
    offerRoundsBeforeAlert: 2,
    offerRoundPauseSeconds: 30,
    replyNudgeSeconds: 120,
    replyAlertSeconds: 240,
    replyRequeueSeconds: 420,
    ownerGoneSeconds: 60,
    priorityStep: 15,
    priorityCeiling: 90,
  },
} as const;

const QUEUES = queueCatalog(DEFAULT_QUEUES);
const slaMsFor = (q: string | null) => (QUEUES.get(q)?.sla.firstResponseSeconds ?? 300) * 1000;
export const POLICY = timerPolicy(SETTINGS, slaMsFor, QUEUES.get);

/** Shared across restarts: the clock and who has a socket open (cleared on restart). */
export interface Outside {
  nowMs: number;
  readonly agentsConnected: Set<string>;
  readonly customersConnected: Set<string>;
}

export type Node = ReturnType<typeof buildNode>;

export function buildNode(store: Store, outside: Outside, ledger: SimLedger) {
  const clock = () => new Date(outside.nowMs);
  const bus = createInProcessBus();
  ledger.watch(bus);
  const writer = new ConversationWriter({ store, bus, clock, policy: POLICY });
  const settings = waitingSettings({}, QUEUES);
  const workflow = new AgentWorkflow({
    store,
    writer,
    clock,
    queues: QUEUES,
    settings,
    isConnected: (id) => outside.agentsConnected.has(id),
  });
  const log = { error: () => undefined, warn: () => undefined };
  const router = new RouterService({
    store,
    bus,
    writer,
    clock,
    queues: QUEUES.list,
    alertAfterRounds: SETTINGS.deadEnds.offerRoundsBeforeAlert,
    roundPauseMs: SETTINGS.deadEnds.offerRoundPauseSeconds * 1000,
    isConnected: (id) => outside.agentsConnected.has(id),
    intervalMs: 60_000,
    log,
  });
  // Routing runs when the simulation says (settle), not on bus kicks: a seed replays exactly.
  if (!process.env.SIM_KICKS) void router.stop();
  const bump = { step: SETTINGS.deadEnds.priorityStep, ceiling: SETTINGS.deadEnds.priorityCeiling };
  const deps = { store, writer, clock };
  const abandonment = {
    ...deps,
    isCustomerConnected: (id: string) => outside.customersConnected.has(id),
    onError: (error: unknown) => {
      throw error;
    },
  };
  const timers = new TimerRunner({
    store,
    clock,
    intervalMs: 60_000,
    leaseMs: 30_000,
    handlers: {
      [kinds.SLA_TIMER]: handleSlaBreach({ store, writer, queues: QUEUES.list, bump }),
      [kinds.OFFER_TIMER]: handleOfferExpiry(deps),
      [kinds.INACTIVITY_TIMER]: handleInactivity(abandonment),
      [kinds.FOLLOW_UP_TIMER]: handleFollowUp({ ...deps, settings }),
      [kinds.REPLY_DUE_TIMER]: handleReplyDue({ ...deps, bump, teamName: QUEUES.teamName }),
      [kinds.PROMISE_TIMER]: handlePromiseDue({
        ...deps,
        settings,
        team: () =>
          teamAvailability(store, { isConnected: (id) => outside.agentsConnected.has(id) }),
        handleMinutes: () => Promise.resolve(6),
      }),
    },
    reconcile: (id, fired) => writer.reconcile(id, fired),
    log: {
      warn: () => undefined,
      // A handler that fails is retried by design; the simulation wants to know.
      error: (obj: unknown) => {
        throw Object.assign(new Error('timer handler failed'), { cause: obj });
      },
    },
  });
  const owners = new OwnerPresence({
    store,
    clock,
    isConnected: (id) => outside.agentsConnected.has(id),
    graceMs: SETTINGS.deadEnds.ownerGoneSeconds * 1000,
    release: (agent) => workflow.releaseAll(agent, 'agent_disconnected'),
  });
  const customerPresence = watchCustomerPresence(abandonment);
  return { store, writer, workflow, router, timers, owners, customerPresence, clock, settings };
}

/** Everything due by now has fired, routing has run: what a live node does between steps. */
export async function settle(node: Node): Promise<void> {
  for (let round = 0; round < 20; round++) {
    await node.owners.sweep();
    await node.router.pass();
    await node.timers.tick();
    const due = await node.store.db
      .selectFrom('timers')
      .select('id')
      .where('status', '=', 'pending')
      .where('due_at', '<=', node.clock().toISOString())
      .limit(1)
      .execute();
    if (due.length === 0) return;
  }
  throw new Error('timers kept coming due: a handler does not move its conversation on');
}
