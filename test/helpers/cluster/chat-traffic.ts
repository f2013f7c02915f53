/**
 * Live chat traffic through the balancer: customers on the widget's socket and agents on the
 * inbox's, in claimed conversations, each side sending at a steady pace. `phase` runs the
 * traffic around a disruption (a node killed, a rolling restart, PostgreSQL restarted) and
 * then drains: it stops sending and waits until every message was acknowledged.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { api, login } from '../api-client.ts';
import type { Cluster } from './start-cluster.ts';
import { openResilientSocket, type ResilientSocket } from './resilient-socket.ts';

export interface ChatTraffic {
  readonly conversationIds: readonly string[];
  readonly customers: readonly ResilientSocket[];
  readonly agents: readonly ResilientSocket[];
  /** Every clientMessageId sent so far. */
  readonly sent: Set<string>;
  /** Sends during `disrupt` and around it, then waits until nothing is pending. */
  phase(name: string, disrupt: () => Promise<void>): Promise<{ unacked: number }>;
  close(): void;
}

export interface ChatTrafficOptions {
  readonly conversations: number;
  /** Each customer sends every tickMs, each agent every other tick. */
  readonly tickMs: number;
  /** Sending before and after the disruption (ms). */
  readonly aroundMs: number;
}

const PASSWORD = 'baton-demo';

/**
 * Sessions by balancer and email. A log-in costs a scrypt hash (about half a CPU-second), and
 * a session holds across node restarts (it is in the database), so each agent logs in once.
 */
const sessions = new Map<string, Promise<{ token: string; id: string }>>();

export function agentToken(baseUrl: string, email: string) {
  const key = `${baseUrl} ${email}`;
  let session = sessions.get(key);
  if (!session) {
    session = (async () => {
      const token = await login(baseUrl, email, PASSWORD);
      const me = await api(baseUrl, 'GET', '/api/v1/me', { token });
      return { token, id: me.body.agent.id as string };
    })();
    session.catch(() => sessions.delete(key));
    sessions.set(key, session);
  }
  return session;
}

/** A supervisor sets an agent's capacity (the team API), through the balancer. */
export async function setCapacity(baseUrl: string, agentId: string, maxConcurrent: number) {
  const supervisor = (await agentToken(baseUrl, 'riley@example.com')).token;
  const r = await api(baseUrl, 'PATCH', `/api/v1/team/agents/${agentId}`, {
    token: supervisor,
    body: { maxConcurrent },
  });
  if (r.status !== 200) throw new Error(`capacity: ${r.status} ${JSON.stringify(r.body)}`);
}

/** A conversation handed over to the agents' queue (not claimed), through the balancer. */
export async function waitingConversation(baseUrl: string, name: string, channel?: string) {
  const created = await api(baseUrl, 'POST', '/api/v1/conversations', {
    body: { ...(channel ? { channel } : {}), customer: { name } },
  });
  if (created.status !== 201) throw new Error(`create: ${created.status}`);
  const id = created.body.conversation.id as string;
  const token = created.body.token as string;
  const handed = await api(baseUrl, 'POST', `/api/v1/conversations/${id}/messages`, {
    token,
    body: { action: 'request_human', clientMessageId: `handover-${id}` },
  });
  if (handed.status >= 300)
    throw new Error(`handover: ${handed.status} ${JSON.stringify(handed.body)}`);
  return { id, token };
}

export async function startChatTraffic(
  cluster: Cluster,
  options: ChatTrafficOptions,
): Promise<ChatTraffic> {
  const lb = cluster.balancer;
  const agents = [
    await agentToken(lb.baseUrl, 'alex@example.com'),
    await agentToken(lb.baseUrl, 'sam@example.com'),
  ];
  for (const a of agents) await setCapacity(lb.baseUrl, a.id, 50);
  // Side by side: each is its own customer, and set-up time counts on a shared machine.
  const conversations = await Promise.all(
    Array.from({ length: options.conversations }, async (_, i) => {
      const c = await waitingConversation(lb.baseUrl, `Chat customer ${i}`);
      const agent = i % agents.length;
      const claim = await api(lb.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, {
        token: agents[agent]?.token,
      });
      if (claim.status !== 200)
        throw new Error(`claim: ${claim.status} ${JSON.stringify(claim.body)}`);
      return { ...c, agent };
    }),
  );
  const customers = await Promise.all(
    conversations.map((c) =>
      openResilientSocket({
        kind: 'customer',
        conversations: [c.id],
        token: c.token,
        url: (last) => `${lb.wsUrl}/api/v1/conversations/${c.id}/stream?since=${last(c.id)}`,
      }),
    ),
  );
  // Two inbox sockets per agent, each following half of the agent's conversations, so that
  // inbox sockets land on several nodes.
  const inboxes: { socket: ResilientSocket; ids: string[] }[] = [];
  for (const [n, agent] of agents.entries()) {
    const mine = conversations.filter((c) => c.agent === n).map((c) => c.id);
    for (const half of [mine.filter((_, i) => i % 2 === 0), mine.filter((_, i) => i % 2 === 1)]) {
      const socket = await openResilientSocket({
        kind: 'agent',
        conversations: half,
        token: agent.token,
        url: () => `${lb.wsUrl}/api/v1/agent/stream`,
      });
      inboxes.push({ socket, ids: half });
    }
  }
  const sent = new Set<string>();
  const all = [...customers, ...inboxes.map((i) => i.socket)];
  return {
    conversationIds: conversations.map((c) => c.id),
    customers,
    agents: inboxes.map((i) => i.socket),
    sent,
    async phase(name, disrupt) {
      let tick = 0;
      const timer = setInterval(() => {
        tick += 1;
        conversations.forEach((c, i) => {
          const id = `${name}-c${i}-${tick}`;
          sent.add(id);
          customers[i]?.send(c.id, id, `customer line ${tick}`);
        });
        if (tick % 2 === 0) {
          for (const inbox of inboxes) {
            for (const conversationId of inbox.ids) {
              const id = `${name}-a-${conversationId}-${tick}`;
              sent.add(id);
              inbox.socket.send(conversationId, id, `agent line ${tick}`);
            }
          }
        }
      }, options.tickMs);
      const t0 = Date.now();
      const log = (what: string) =>
        console.log(`[cluster] ${name}: ${what} at ${Date.now() - t0} ms`);
      try {
        await sleep(options.aroundMs);
        await disrupt();
        log('disruption over');
        await sleep(options.aroundMs);
      } finally {
        clearInterval(timer);
      }
      // Drain: the clients resend on reconnect and after a refusal, until all is stored.
      const deadline = Date.now() + 60_000;
      while (all.some((s) => s.pending.size > 0) && Date.now() < deadline) await sleep(250);
      const unacked = all.reduce((n, s) => n + s.pending.size, 0);
      log(`drained (${sent.size} sent in all, ${unacked} unacknowledged)`);
      return { unacked };
    },
    close() {
      for (const s of all) s.close();
    },
  };
}
