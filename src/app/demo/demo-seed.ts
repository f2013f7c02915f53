/** Demo agent accounts for a fresh instance, so `npm start` is usable at once. */
import { randomUUID } from 'node:crypto';
import type { Store } from '../../store/store.ts';
import { hashPassword } from '../auth/password.ts';

export const DEMO_AGENTS = [
  { email: 'alex@example.com', name: 'Alex', role: 'agent', skills: ['general', 'billing'] },
  { email: 'sam@example.com', name: 'Sam', role: 'agent', skills: ['general', 'technical'] },
  { email: 'riley@example.com', name: 'Riley', role: 'supervisor', skills: ['general'] },
  // Admins manage the team (the dashboard's Team tab); not routed to in demo traffic.
  { email: 'morgan@example.com', name: 'Morgan', role: 'admin', skills: ['general'] },
] as const;

/** Creates the demo agents when there are no agents at all; returns the ones it created. */
export async function seedDemoAgents(store: Store, password: string, now: Date): Promise<string[]> {
  if ((await store.agents.count()) > 0) return [];
  const created: string[] = [];
  // One hash for the shared demo password: scrypt at full cost takes a moment per hash.
  const passwordHash = await hashPassword(password);
  for (const agent of DEMO_AGENTS) {
    await store.agents.create({
      id: `a_${randomUUID().replaceAll('-', '')}`,
      email: agent.email,
      name: agent.name,
      role: agent.role,
      skills: agent.skills,
      languages: ['en', 'es', 'de', 'fr', 'pt'],
      passwordHash,
      now,
    });
    created.push(agent.email);
  }
  return created;
}
