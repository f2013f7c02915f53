/**
 * Timers across nodes, read from the store: a node made to die while it holds claimed
 * timers, and the event log checked for any timer whose effect happened twice.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { BatonNode } from './baton-node.ts';
import { query } from './cluster-checks.ts';

export interface HeldTimer {
  id: string;
  kind: string;
  owner: string;
}

/**
 * Stops every node but the victim (SIGSTOP), then lets the victim run in short slices until
 * the store shows it holding a claimed timer it has not finished, and kills it there
 * (SIGKILL) — a crash in the middle of firing. Returns the timers it held.
 */
export async function killWhileHoldingTimers(
  databaseUrl: string,
  victim: BatonNode,
  others: readonly BatonNode[],
  leaseMs: number,
): Promise<HeldTimer[]> {
  const signal = (node: BatonNode, s: NodeJS.Signals) => node.pid && process.kill(node.pid, s);
  for (const node of [victim, ...others]) signal(node, 'SIGSTOP');
  try {
    // Every node stopped: the claims they held lapse with their lease. From then on any live
    // claim is the victim's.
    await waitFor(async () => (await liveClaims(databaseUrl)).length === 0, leaseMs + 30_000);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      signal(victim, 'SIGCONT');
      await sleep(60);
      signal(victim, 'SIGSTOP');
      const held = await liveClaims(databaseUrl);
      if (held.length > 0) {
        await victim.kill('SIGKILL');
        return held;
      }
    }
    throw new Error('the victim never held a claimed timer');
  } finally {
    if (victim.running) signal(victim, 'SIGCONT');
    for (const node of others) signal(node, 'SIGCONT');
  }
}

/** Timers claimed by a node whose lease has not lapsed. */
function liveClaims(databaseUrl: string) {
  return query<HeldTimer>(
    databaseUrl,
    `select id, kind, claimed_by as owner from timers
     where status = 'claimed' and claimed_until > $1`,
    [new Date().toISOString()],
  );
}

/** Polls the condition (a store read) every 200 ms until it holds, or fails after `ms`. */
export async function waitFor(condition: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await sleep(200);
  }
}

/** How many of the conversations have had an SLA breach. */
export async function breachedCount(databaseUrl: string, ids: readonly string[]) {
  const rows = await query<{ n: string }>(
    databaseUrl,
    `select count(distinct conversation_id) as n from events
     where type = 'conversation.sla_breached' and conversation_id = any($1)`,
    [ids],
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Whether each of the dead node's timers was taken over: fired (or cancelled) by a survivor,
 * none still claimed.
 */
export async function takenOver(databaseUrl: string, held: readonly HeldTimer[]) {
  const rows = await query<{ status: string; claimed_by: string | null }>(
    databaseUrl,
    'select status, claimed_by from timers where id = any($1)',
    [held.map((t) => t.id)],
  );
  const dead = new Set(held.map((t) => t.owner));
  return (
    rows.length === held.length &&
    rows.every(
      (t) => t.status !== 'claimed' && (t.status === 'cancelled' || !dead.has(t.claimed_by ?? '')),
    )
  );
}

export interface TimerEffects {
  /** SLA breaches stored, and breaches whose number repeated in one conversation (a double fire). */
  slaBreaches: number;
  repeatedBreaches: number;
  /** Offers that expired, and expiries with no offer pending (a second fire of one offer's timer). */
  offersExpired: number;
  expiredTwice: number;
}

/** Reads the conversations' SLA and offer events in order and counts double effects. */
export async function timerEffects(
  databaseUrl: string,
  ids: readonly string[],
): Promise<TimerEffects> {
  const rows = await query<{ conversation_id: string; type: string; data: string }>(
    databaseUrl,
    `select conversation_id, type, data from events
     where conversation_id = any($1) and type in
       ('conversation.sla_breached', 'conversation.offered', 'conversation.offer_expired',
        'conversation.offer_declined', 'conversation.assigned', 'conversation.transferred',
        'conversation.requeued')
     order by conversation_id, seq`,
    [ids],
  );
  const effects: TimerEffects = {
    slaBreaches: 0,
    repeatedBreaches: 0,
    offersExpired: 0,
    expiredTwice: 0,
  };
  const breaches = new Map<string, Set<number>>();
  const offerOpen = new Map<string, boolean>();
  for (const row of rows) {
    const id = row.conversation_id;
    if (row.type === 'conversation.sla_breached') {
      effects.slaBreaches += 1;
      const n = Number((JSON.parse(row.data) as { breaches?: number }).breaches);
      const seen = breaches.get(id) ?? new Set<number>();
      if (seen.has(n)) effects.repeatedBreaches += 1;
      seen.add(n);
      breaches.set(id, seen);
    } else if (row.type === 'conversation.offered') {
      offerOpen.set(id, true);
    } else if (row.type === 'conversation.offer_expired') {
      effects.offersExpired += 1;
      if (!offerOpen.get(id)) effects.expiredTwice += 1;
      offerOpen.set(id, false);
    } else {
      // Declined, taken, or a new waiting spell: the next offer and breach count afresh.
      offerOpen.set(id, false);
      if (row.type !== 'conversation.offer_declined') breaches.delete(id);
    }
  }
  return effects;
}
