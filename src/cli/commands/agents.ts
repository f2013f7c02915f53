/**
 * `baton agents`: the team's accounts — list, add, update, disable, reset two-factor. The demo agents are for
 * trying Baton; a real team is created here. Passwords are read from stdin (never from the
 * command line, where they would land in the shell history) or generated and shown once.
 * Every change is written to the team audit log with the actor `cli`, as the team API does.
 * The list shows presence as the API does when it can learn whose inbox is open (from the
 * servers, through Redis or PostgreSQL; not on SQLite).
 */
import type { Command } from 'commander';
import {
  ACCOUNT_DEFAULTS,
  ACCOUNT_ROLES,
  MAX_CONCURRENT,
  MIN_PASSWORD_LENGTH,
  generatePassword,
  isAccountRole,
  isCapacity,
  isEmailAddress,
  newAgentId,
  parseNameList,
} from '../../app/auth/account-rules.ts';
import type { PresenceChannel } from '../../bus/read-cluster-presence.ts';
import type { AgentRecord } from '../../core/records.ts';
import { shownPresence } from '../../core/routing/agent-presence.ts';
import type { Store } from '../../store/store.ts';
import type { TeamAuditAction } from '../../store/team-audit-repository.ts';
import { resolveConfigOrExit } from '../resolve-config.ts';
import { UsageError, withStore } from '../with-store.ts';

interface AccountOptions {
  name?: string;
  role?: string;
  skills?: string;
  languages?: string;
  maxConcurrent?: string;
  passwordStdin?: boolean;
}

/** A usage error: printed without a stack, exit code 2. */

export function registerAgentsCommand(program: Command): void {
  const agents = program.command('agents').description("manage the team's accounts");

  agents
    .command('list')
    .description(
      'list the accounts (with --all, disabled ones too); with Redis or PostgreSQL, presence as the servers show it (listens one heartbeat)',
    )
    .option('--all', 'include disabled accounts')
    .option('--json', 'one JSON object per line')
    .action((options: { all?: boolean; json?: boolean }) =>
      withStore('agents', async (store) => {
        const list = await store.agents.list({ includeDisabled: options.all === true });
        const open = await openInboxes(store);
        if (options.json) {
          for (const a of list) console.log(JSON.stringify(publicView(a, open)));
          return;
        }
        printTable(list, open);
      }),
    );

  withAccountOptions(
    agents
      .command('add <email>')
      .description('create an account; prints a generated password unless --password-stdin')
      .requiredOption('--name <name>', 'the name customers see ("Alex from Billing")'),
  ).action((email: string, options: AccountOptions) =>
    withStore('agents', async (store) => {
      if (!isEmailAddress(email)) throw new UsageError(`"${email}" is not an email address`);
      if (await store.agents.findByEmail(email, { includeDisabled: true }))
        throw new UsageError(`an account for ${email} already exists (use: baton agents update)`);
      const fields = accountFields(options);
      const { password, generated } = await passwordFrom(options);
      const { hashPassword } = await import('../../app/auth/password.ts');
      const agent = await store.agents.create({
        id: newAgentId(),
        email,
        name: fields.name ?? email,
        role: fields.role ?? ACCOUNT_DEFAULTS.role,
        skills: fields.skills ?? ACCOUNT_DEFAULTS.skills,
        languages: fields.languages ?? ACCOUNT_DEFAULTS.languages,
        maxConcurrent: fields.maxConcurrent ?? ACCOUNT_DEFAULTS.maxConcurrent,
        passwordHash: await hashPassword(password),
        now: new Date(),
      });
      await audit(store, agent.id, 'agent.created', {
        email: agent.email,
        name: agent.name,
        role: agent.role,
        skills: agent.skills,
        languages: agent.languages,
        maxConcurrent: agent.maxConcurrent,
      });
      console.log(`created ${agent.email} (${agent.role}, id ${agent.id})`);
      if (generated) console.log(`password (shown once): ${password}`);
    }),
  );

  withAccountOptions(
    agents
      .command('update <email>')
      .description('change an account; --enable gives a disabled one back its access')
      .option('--name <name>', 'the name customers see')
      .option('--enable', 'enable a disabled account'),
  ).action((email: string, options: AccountOptions & { enable?: boolean }) =>
    withStore('agents', async (store) => {
      const agent = await existing(store, email);
      const fields = accountFields(options);
      const passwordHash = options.passwordStdin
        ? await (
            await import('../../app/auth/password.ts')
          ).hashPassword((await passwordFrom(options)).password)
        : undefined;
      const columns = { ...fields, ...(options.enable ? { disabledAt: null } : {}) };
      // A password alone changes no column here (resetPassword below writes it).
      const updated =
        Object.keys(columns).length > 0 ? await store.agents.update(agent.id, columns) : agent;
      const { accountDiff } = await import('../../app/team/team-accounts.ts');
      const changes = accountDiff(agent, fields);
      if (Object.keys(changes).length > 0) await audit(store, agent.id, 'agent.updated', changes);
      if (passwordHash) {
        // The new password, the end of every session and the audit row in one transaction.
        await store.teamAudit.resetPassword(
          agent.id,
          passwordHash,
          auditEntry(agent.id, 'agent.password_reset', {}),
        );
        await sessionsEnded(store, agent.id, 'password reset');
      }
      if (options.enable && agent.disabledAt !== null)
        await audit(store, agent.id, 'agent.enabled', {});
      console.log(`updated ${updated?.email ?? email}`);
    }),
  );

  agents
    .command('reset-totp <email>')
    .description(
      'clear two-factor log-in (a lost phone) and end all their sessions; the next log-in needs only the password',
    )
    .action((email: string) =>
      withStore('agents', async (store) => {
        const agent = await existing(store, email);
        const ended = await store.totp.clear(
          agent.id,
          {
            at: new Date(),
            actorId: 'cli',
            agentId: agent.id,
            action: 'totp.reset',
            changes: { wasEnabled: agent.totpEnabled },
          },
          null,
        );
        await sessionsEnded(store, agent.id, 'two-factor reset');
        console.log(
          `two-factor log-in cleared for ${agent.email}; ${ended?.length ?? 0} session(s) ended`,
        );
      }),
    );

  agents
    .command('disable <email>')
    .description('end all sessions and refuse logins and routing (history is kept)')
    .action((email: string) =>
      withStore('agents', async (store) => {
        const agent = await existing(store, email);
        await store.agents.disable(agent.id, new Date());
        const open = await store.reads.assignedTo(agent.id);
        if (agent.disabledAt === null)
          await audit(store, agent.id, 'agent.disabled', { stillAssigned: open.length });
        await sessionsEnded(store, agent.id, 'account disabled');
        console.log(`disabled ${agent.email}; their sessions have ended`);
        if (open.length > 0) {
          console.log(
            `${open.length} conversation(s) are still assigned to them: reassign them from the supervisor view`,
          );
        }
      }),
    );
}

function withAccountOptions(command: Command): Command {
  return command
    .option('--role <role>', `one of ${ACCOUNT_ROLES.join(', ')}`)
    .option('--skills <list>', 'comma-separated queue skills, e.g. general,billing')
    .option('--languages <list>', 'comma-separated languages they serve, e.g. en,es')
    .option('--max-concurrent <n>', 'conversations at once (capacity)')
    .option('--password-stdin', 'read the password from the first line of stdin');
}

function accountFields(options: AccountOptions) {
  const list = (value: string, what: string) => {
    const items = parseNameList(value);
    if (items === null)
      throw new UsageError(`--${what}: lower-case names separated by commas (got "${value}")`);
    return items;
  };
  if (options.role !== undefined && !isAccountRole(options.role))
    throw new UsageError(`--role must be one of ${ACCOUNT_ROLES.join(', ')}`);
  const max = options.maxConcurrent === undefined ? undefined : Number(options.maxConcurrent);
  if (max !== undefined && !isCapacity(max))
    throw new UsageError(
      `--max-concurrent must be a whole number from ${MAX_CONCURRENT.min} to ${MAX_CONCURRENT.max}`,
    );
  return {
    ...(options.name !== undefined ? { name: options.name.trim() } : {}),
    ...(options.role !== undefined ? { role: options.role as AgentRecord['role'] } : {}),
    ...(options.skills !== undefined ? { skills: list(options.skills, 'skills') } : {}),
    ...(options.languages !== undefined ? { languages: list(options.languages, 'languages') } : {}),
    ...(max !== undefined ? { maxConcurrent: max } : {}),
  };
}

async function passwordFrom(
  options: AccountOptions,
): Promise<{ password: string; generated: boolean }> {
  if (!options.passwordStdin) return { password: generatePassword(), generated: true };
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const password = input.split(/\r?\n/)[0] ?? '';
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new UsageError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  return { password, generated: false };
}

/** The team audit log, as the team API writes it; the actor is the shell (`cli`). */
async function audit(
  store: Store,
  agentId: string,
  action: TeamAuditAction,
  changes: Record<string, unknown>,
): Promise<void> {
  await store.teamAudit.record(auditEntry(agentId, action, changes));
}

function auditEntry(agentId: string, action: TeamAuditAction, changes: Record<string, unknown>) {
  return { at: new Date(), actorId: 'cli', agentId, action, changes };
}

/**
 * The agent's sessions ended in the database; the running servers close their inbox sockets
 * at once. With Redis (REDIS_URL) every node hears it on the bus; without, on PostgreSQL,
 * through NOTIFY (store/pg-session-notices.ts); on SQLite without Redis, each server's
 * periodic session check closes them (src/http/realtime/agent-stream.ts).
 */
async function sessionsEnded(store: Store, agentId: string, reason: string): Promise<void> {
  const config = resolveConfigOrExit();
  if (!config.redis.url) {
    if (store.engine !== 'postgres') return;
    const { notifySessionsEnded } = await import('../../store/pg-session-notices.ts');
    try {
      await notifySessionsEnded(
        {
          url: config.databaseUrl,
          db: store.db,
          prefix: config.redis.channelPrefix,
          onError: () => undefined,
        },
        { agentId, reason },
      );
    } catch (error) {
      // The sessions have ended all the same; the servers' session check closes the sockets.
      console.error(
        `baton agents: could not tell the servers through PostgreSQL: ${String(error)}`,
      );
    }
    return;
  }
  const { publishSessionsEnded } = await import('../../bus/redis-bus.ts');
  try {
    await publishSessionsEnded(
      { url: config.redis.url, prefix: config.redis.channelPrefix },
      {
        agentId,
        reason,
      },
    );
  } catch (error) {
    // The sessions have ended all the same; the servers' session check closes the sockets.
    console.error(`baton agents: could not tell the servers through Redis: ${String(error)}`);
  }
}

async function existing(store: Store, email: string): Promise<AgentRecord> {
  const agent = await store.agents.findByEmail(email, { includeDisabled: true });
  if (!agent) throw new UsageError(`no account for ${email} (see: baton agents list --all)`);
  return agent;
}

/**
 * Whose inbox is open, as the servers know it: from their presence announcements
 * (src/bus/read-cluster-presence.ts), over Redis with REDIS_URL, and on PostgreSQL over NOTIFY
 * (src/store/pg-presence.ts), which a cluster's nodes (Redis up or not) and a server without
 * Redis all answer: so NOTIFY is also asked when Redis cannot be reached. Null when this
 * process cannot know: a SQLite server keeps its sockets to itself, and both may fail (or no
 * server answer: their listeners lost), which also sets exit status 1.
 */
async function openInboxes(store: Store): Promise<ReadonlySet<string> | null> {
  const config = resolveConfigOrExit();
  const { readClusterPresence, redisPresenceChannel } =
    await import('../../bus/read-cluster-presence.ts');
  const { url, channelPrefix: prefix, heartbeatMs } = config.redis;
  const channels: [string, () => Promise<PresenceChannel>][] = [];
  if (url) channels.push(['Redis', () => Promise.resolve(redisPresenceChannel({ url, prefix }))]);
  if (store.engine === 'postgres') {
    channels.push([
      'PostgreSQL',
      async () =>
        (await import('../../store/pg-presence.ts')).pgPresenceChannel({
          url: config.databaseUrl,
          db: store.db,
          prefix,
          onError: () => undefined,
        }),
    ]);
  }
  for (const [through, open] of channels) {
    try {
      return await readClusterPresence(await open(), heartbeatMs);
    } catch (error) {
      console.error(`baton agents: could not ask the servers through ${through}: ${String(error)}`);
    }
  }
  if (channels.length > 0) {
    // The list is printed all the same; the exit status says it is not the whole answer.
    console.error(
      'baton agents: so whose inbox is open is unknown: "online" is shown as stored, marked (inbox state unknown)',
    );
    process.exitCode = 1;
  }
  return null;
}

/**
 * Presence as the API shows it (the same rule, src/core/routing/agent-presence.ts) when the
 * open inboxes are known; otherwise the stored choice, with `inboxOpen: null`.
 */
function listedPresence(
  a: AgentRecord,
  open: ReadonlySet<string> | null,
): { presence: AgentRecord['presence']; inboxOpen: boolean | null } {
  if (open === null) return { presence: a.presence, inboxOpen: null };
  const inboxOpen = open.has(a.id);
  return { presence: shownPresence(a.presence, inboxOpen), inboxOpen };
}

function publicView(a: AgentRecord, open: ReadonlySet<string> | null) {
  return {
    id: a.id,
    email: a.email,
    name: a.name,
    role: a.role,
    skills: a.skills,
    languages: a.languages,
    maxConcurrent: a.maxConcurrent,
    ...listedPresence(a, open),
    disabledAt: a.disabledAt,
    totpEnabled: a.totpEnabled,
  };
}

function statusCell(a: AgentRecord, open: ReadonlySet<string> | null): string {
  if (a.disabledAt) return 'disabled';
  const { presence, inboxOpen } = listedPresence(a, open);
  return presence === 'online' && inboxOpen === null ? 'online (inbox state unknown)' : presence;
}

function printTable(list: readonly AgentRecord[], open: ReadonlySet<string> | null): void {
  const rows = list.map((a) => [
    a.email,
    a.name,
    a.role,
    a.skills.join(','),
    a.languages.join(','),
    String(a.maxConcurrent),
    statusCell(a, open),
  ]);
  const header = ['email', 'name', 'role', 'skills', 'languages', 'capacity', 'status'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  for (const row of [header, ...rows])
    console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
}
