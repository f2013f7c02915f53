/**
 * What can be checked of the deploy files without pulling images (docs/deploy.md): the
 * Compose file's Baton services set only variables Baton reads, with values its config
 * schema accepts, pointing at the Compose services that exist; HAProxy's servers are those
 * services on Baton's port, checked on /readyz, round robin without stickiness; `haproxy -c`
 * accepts the config; `systemd-analyze verify` accepts the units; the image runs as a
 * non-root user with a health check on /healthz; and every metric the Grafana dashboard
 * queries is one Baton registers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createInProcessBus } from '../../src/bus/in-process-bus.ts';
import { ENV_OVERRIDES } from '../../src/config/env-overrides.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { createPrometheusMetrics } from '../../src/app/metrics/prometheus.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';

const KNOWN = new Set(ENV_OVERRIDES.map((o) => o.env));
const compose = parse(readFileSync('deploy/compose.yaml', 'utf8'), { merge: true }) as {
  services: Record<string, any>;
  networks: Record<string, any>;
};
const haproxyCfg = readFileSync('deploy/haproxy.cfg', 'utf8');
const batonServices = Object.keys(compose.services).filter((name) => /^baton-\d+$/.test(name));

/** Compose's `${VAR:?message}` and `${VAR:-default}`, filled as an operator would. */
function substitute(value: string): string {
  return value.replace(/\$\{(\w+)(?::[?-]([^}]*))?\}/g, (_all, name: string, fallback) =>
    name === 'BATON_METRICS_TOKEN'
      ? 'a-scrape-token-of-32-characters!'
      : name === 'POSTGRES_PASSWORD'
        ? 'secret'
        : (fallback ?? ''),
  );
}

/** `server <name> <host>:<port> …` lines of HAProxy's backend. */
const haproxyServers = [...haproxyCfg.matchAll(/^\s*server\s+(\S+)\s+([\w.-]+):(\d+)\s/gm)].map(
  (m) => ({ name: m[1]!, host: m[2]!, port: Number(m[3]) }),
);

describe('deploy/compose.yaml', () => {
  it('runs three Baton nodes, PostgreSQL, Redis, HAProxy and a one-shot migration', () => {
    expect(batonServices).toEqual(['baton-1', 'baton-2', 'baton-3']);
    for (const name of ['postgres', 'redis', 'haproxy', 'migrate'])
      expect(compose.services).toHaveProperty(name);
    expect(compose.services.migrate.command).toEqual(['migrate']);
    for (const name of batonServices) {
      expect(compose.services[name].depends_on.migrate.condition).toBe(
        'service_completed_successfully',
      );
    }
  });

  it.each(batonServices)('%s sets only variables Baton reads, with values it accepts', (name) => {
    const env = compose.services[name].environment as Record<string, string>;
    for (const key of Object.keys(env)) expect(KNOWN, key).toContain(key);
    const filled = Object.fromEntries(
      Object.entries(env).map(([k, v]) => [k, substitute(String(v))]),
    );
    const loaded = loadConfig({ env: filled, cwd: mkdtempSync(path.join(os.tmpdir(), 'c-')) });
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    const { config } = loaded;
    // Reachable: the database and Redis are the Compose services, on their default ports.
    const database = new URL(config.databaseUrl);
    expect(database.protocol).toBe('postgres:');
    expect(database.hostname).toBe('postgres');
    expect(database.pathname.slice(1)).toBe(compose.services.postgres.environment.POSTGRES_DB);
    expect(database.username).toBe(compose.services.postgres.environment.POSTGRES_USER);
    expect(new URL(config.redis.url!).hostname).toBe('redis');
    expect(config.server.host).toBe('0.0.0.0');
    expect(config.demo.enabled).toBe(false);
    expect(config.metrics.token).toBeDefined();
    // Only the balancer's own address is trusted for X-Forwarded-For.
    const balancer = compose.services.haproxy.networks.baton.ipv4_address as string;
    expect(config.server.trustProxy).toEqual([balancer]);
    const subnet = compose.networks.baton.ipam.config[0].subnet as string;
    expect(balancer.startsWith(subnet.split('.').slice(0, 3).join('.') + '.')).toBe(true);
  });

  it('publishes the balancer only, on the port its frontend binds', () => {
    const published = Object.entries(compose.services)
      .filter(([, service]) => service.ports)
      .map(([name]) => name);
    expect(published).toEqual(['haproxy']);
    const bind = /^\s*bind\s+:(\d+)/m.exec(haproxyCfg)?.[1];
    expect(compose.services.haproxy.ports).toEqual([`${bind}:${bind}`]);
    expect(compose.services.haproxy.volumes[0]).toMatch(/^\.\/haproxy\.cfg:/);
  });
});

describe('deploy/haproxy.cfg', () => {
  it('balances over exactly the Compose Baton services, on their PORT, checked on /readyz', () => {
    expect(haproxyServers.map((s) => s.name)).toEqual(batonServices);
    expect(haproxyServers.map((s) => s.host)).toEqual(batonServices);
    for (const name of batonServices) {
      const port = Number(compose.services[name].environment.PORT);
      expect(haproxyServers.find((s) => s.name === name)?.port).toBe(port);
    }
    expect(haproxyCfg).toMatch(/^\s*balance\s+roundrobin\s*$/m);
    expect(haproxyCfg).toMatch(/^\s*http-check send meth GET uri \/readyz\s*$/m);
    expect(haproxyCfg).toMatch(/^\s*option forwardfor\s*$/m);
    expect(haproxyCfg).toMatch(/^\s*timeout tunnel\s+\S+/m);
    // No stickiness: no cookie insertion, no stick tables.
    expect(haproxyCfg).not.toMatch(/^\s*(cookie|stick|stick-table|balance\s+source)\b/m);
  });

  const haproxy = ['/usr/sbin/haproxy', '/usr/bin/haproxy'].find((p) => existsSync(p));
  const skip = haproxy ? null : 'haproxy is not installed (apt-get install haproxy)';
  if (skip && process.env.CI === 'true') throw new Error(`${skip} (CI=true: nothing may skip)`);
  if (skip) console.warn(`[skip] ${skip}`);
  it.skipIf(skip)('is valid for `haproxy -c`', () => {
    const r = spawnSync(haproxy!, ['-c', '-f', 'deploy/haproxy.cfg'], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toContain('Configuration file is valid');
    expect(r.status).toBe(0);
  });
});

describe('deploy/systemd', () => {
  const units = ['baton.service', 'baton-backup.service', 'baton-backup.timer'];

  it('reads its settings from an EnvironmentFile whose example Baton accepts', () => {
    expect(readFileSync('deploy/systemd/baton.service', 'utf8')).toMatch(
      /^EnvironmentFile=\/etc\/baton\/baton\.env$/m,
    );
    const example = readFileSync('deploy/systemd/baton.env.example', 'utf8');
    const env = Object.fromEntries(
      example
        .split('\n')
        .filter((line) => /^\w+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    for (const key of Object.keys(env)) expect(KNOWN, key).toContain(key);
    const loaded = loadConfig({ env, cwd: mkdtempSync(path.join(os.tmpdir(), 'c-')) });
    expect(loaded.ok ? [] : loaded.errors).toEqual([]);
  });

  const analyze = ['/usr/bin/systemd-analyze', '/bin/systemd-analyze'].find((p) => existsSync(p));
  it.skipIf(!analyze)('passes `systemd-analyze verify`', () => {
    // The units name /usr/bin/node; verify checks that it is executable, so use this one.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-units-'));
    for (const unit of units) {
      const text = readFileSync(`deploy/systemd/${unit}`, 'utf8');
      writeFileSync(path.join(dir, unit), text.replaceAll('/usr/bin/node', process.execPath));
    }
    const r = spawnSync(analyze!, ['verify', ...units.map((u) => path.join(dir, u))], {
      encoding: 'utf8',
    });
    // Any complaint about our files (an unknown key, a bad value) is printed with their path.
    expect(r.stderr.split('\n').filter((line) => line.includes(dir))).toEqual([]);
    expect(r.status).toBe(0);
  });
});

describe('deploy/Dockerfile', () => {
  const dockerfile = readFileSync('deploy/Dockerfile', 'utf8');

  it('builds the web apps, ships production dependencies, runs as node with a health check', () => {
    const stages = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const image of stages) expect(image).toMatch(/^node:20-/);
    expect(dockerfile).toMatch(/npm run build:web/);
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
    const final = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(final).toMatch(/^USER node$/m);
    expect(final).toMatch(/^HEALTHCHECK .*\n?.*\/healthz/m);
    const env = /^ENV ([\s\S]*?)\n(?!\s)/m.exec(final)?.[1] ?? '';
    const keys = [...env.matchAll(/(\w+)=/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) if (key !== 'NODE_ENV') expect(KNOWN, key).toContain(key);
  });

  it('is given a .dockerignore that keeps local dependencies and data out', () => {
    const ignore = readFileSync('.dockerignore', 'utf8').split('\n');
    for (const entry of ['node_modules', 'data', 'dist', '.git']) expect(ignore).toContain(entry);
  });
});

describe('deploy/grafana/baton-dashboard.json', () => {
  it('queries only metrics Baton registers, and shows the operators’ ones', async () => {
    const dashboard = JSON.parse(readFileSync('deploy/grafana/baton-dashboard.json', 'utf8'));
    const queried = new Set<string>();
    for (const panel of dashboard.panels)
      for (const target of panel.targets)
        for (const m of (target.expr as string).matchAll(/\b(baton_[a-z0-9_]+)\b/g))
          queried.add(m[1]!);

    const opened = await TEST_DATABASES.find((d) => d.name === 'sqlite')!.open();
    const bus = createInProcessBus();
    const metrics = createPrometheusMetrics(
      bus,
      opened.store,
      {
        onlineAgentCount: () => 0,
        isConnected: () => false,
        socketCounts: () => ({ customer: 0, agent: 0 }),
      },
      () => new Date(),
    );
    try {
      const registered = new Set<string>();
      for (const metric of await metrics.registry.getMetricsAsJSON()) {
        registered.add(metric.name);
        if (String(metric.type) === 'histogram')
          for (const suffix of ['_bucket', '_sum', '_count']) registered.add(metric.name + suffix);
      }
      for (const name of queried) expect(registered, name).toContain(name);
      for (const name of [
        'baton_conversations_waiting',
        'baton_timer_lag_seconds',
        'baton_outbox_backlog',
        'baton_sockets_open',
        'baton_commit_duration_seconds_bucket',
        'baton_bus_lag_seconds_bucket',
      ])
        expect(queried, name).toContain(name);
    } finally {
      metrics.close();
      await bus.close();
      await opened.cleanup();
    }
  });
});
