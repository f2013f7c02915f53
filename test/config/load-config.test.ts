/** Configuration: defaults, file, env precedence, and every error reported with its source. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';

function dirWith(yaml?: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-config-'));
  if (yaml !== undefined) writeFileSync(path.join(dir, 'baton.config.yaml'), yaml);
  return dir;
}

describe('loadConfig', () => {
  it('starts from defaults: port 3000, SQLite in ./data, demo on', () => {
    const r = loadConfig({ env: {}, cwd: dirWith() });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.server.port).toBe(3000);
    expect(r.config.databaseUrl).toBe('sqlite:data/baton.db');
    expect(r.config.limits.messageMaxChars).toBe(4000);
    expect(r.config.demo.enabled).toBe(true);
    expect(r.file).toBeNull();
  });

  it('has the limits docs/security.md lists as defaults', () => {
    const r = loadConfig({ env: {}, cwd: dirWith() });
    if (!r.ok) throw new Error('expected ok');
    expect(r.config.limits).toMatchObject({
      conversationMessages: 10,
      conversationMessagesSeconds: 10,
      socketFrames: 30,
      socketFramesSeconds: 10,
      refusedFramesBeforeClose: 20,
      socketsPerConversation: 5,
      socketsPerIp: 50,
      socketsPerAgentSession: 5,
      loginFailures: 5,
      loginFailureMinutes: 15,
      loginLockSeconds: 60,
      loginMaxLockSeconds: 3600,
      publicRequestsPerMinute: 120,
      mcpRequestsPerMinute: 600,
    });
  });

  it('reads baton.config.yaml and lets the environment win', () => {
    const cwd = dirWith(
      'server:\n  port: 4000\n  host: 0.0.0.0\nlimits:\n  messageMaxChars: 2000\n',
    );
    const r = loadConfig({ env: { PORT: '5000', DATABASE_URL: 'postgres://x@y/z' }, cwd });
    expect(r.ok && r.config.server.port).toBe(5000);
    expect(r.ok && r.config.server.host).toBe('0.0.0.0');
    expect(r.ok && r.config.limits.messageMaxChars).toBe(2000);
    expect(r.ok && r.config.databaseUrl).toBe('postgres://x@y/z');
  });

  it('limits files from the widget: 10 MiB of images, PDF and text, both set by the environment', () => {
    const defaults = loadConfig({ env: {}, cwd: dirWith() });
    if (!defaults.ok) throw new Error('expected ok');
    expect(defaults.config.limits.attachmentMaxBytes).toBe(10 * 1024 * 1024);
    expect(defaults.config.limits.attachmentTypes).toEqual([
      'image/png',
      'image/jpeg',
      'image/gif',
      'image/webp',
      'application/pdf',
      'text/plain',
    ]);
    const set = loadConfig({
      env: {
        BATON_ATTACHMENT_MAX_BYTES: '2048',
        BATON_ATTACHMENT_TYPES: 'image/png, application/pdf',
      },
      cwd: dirWith(),
    });
    expect(set.ok && set.config.limits.attachmentMaxBytes).toBe(2048);
    expect(set.ok && set.config.limits.attachmentTypes).toEqual(['image/png', 'application/pdf']);
    const wrong = loadConfig({ env: { BATON_ATTACHMENT_TYPES: 'PNG files' }, cwd: dirWith() });
    expect(wrong.ok).toBe(false);
  });

  it('has no pre-chat form unless one is given; BATON_WIDGET_PRECHAT_FORM takes it as JSON', () => {
    const off = loadConfig({ env: {}, cwd: dirWith() });
    if (!off.ok) throw new Error('expected ok');
    expect(off.config.widget.preChatForm).toBeUndefined();
    expect(off.config.widget.transcriptEmail).toEqual({
      perConversationPerHour: 3,
      perAddressPerHour: 3,
    });
    const form = { fields: [{ key: 'order_id', required: true }] };
    const on = loadConfig({
      env: { BATON_WIDGET_PRECHAT_FORM: JSON.stringify(form) },
      cwd: dirWith(),
    });
    if (!on.ok) throw new Error('expected ok');
    expect(on.config.widget.preChatForm).toEqual(form);
    const broken = loadConfig({ env: { BATON_WIDGET_PRECHAT_FORM: '{fields:' }, cwd: dirWith() });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors.join('\n')).toContain('BATON_WIDGET_PRECHAT_FORM');
    const badKey = loadConfig({
      env: { BATON_WIDGET_PRECHAT_FORM: '{"fields":[{"key":"Order Id"}]}' },
      cwd: dirWith(),
    });
    expect(badKey.ok).toBe(false);
  });

  it('reads the voice browser client from the file or the environment, and names a malformed key SID', () => {
    const voice = `channels:\n  voice:\n    accountSid: AC1\n    authToken: t\n    publicBaseUrl: https://b.example\n`;
    const sid = `SK${'0'.repeat(32)}`;
    const fromEnv = loadConfig({
      env: { BATON_VOICE_API_KEY_SID: sid, BATON_VOICE_API_KEY_SECRET: 's3cret' },
      cwd: dirWith(voice),
    });
    if (!fromEnv.ok) throw new Error(fromEnv.errors.join('\n'));
    expect(fromEnv.config.channels.voice?.browserClient).toEqual({
      apiKeySid: sid,
      apiKeySecret: 's3cret',
    });
    const off = loadConfig({ env: {}, cwd: dirWith(voice) });
    expect(off.ok && off.config.channels.voice?.browserClient).toBeUndefined();
    const wrong = loadConfig({
      env: { BATON_VOICE_API_KEY_SID: 'AC-not-a-key', BATON_VOICE_API_KEY_SECRET: 's' },
      cwd: dirWith(voice),
    });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.errors.join('\n')).toContain('BATON_VOICE_API_KEY_SID');
  });

  it('returns a frozen object', () => {
    const r = loadConfig({ env: {}, cwd: dirWith() });
    if (!r.ok) throw new Error('expected ok');
    expect(Object.isFrozen(r.config)).toBe(true);
    expect(Object.isFrozen(r.config.server)).toBe(true);
  });

  it('lists every problem at once, with file line and column or the variable', () => {
    const cwd = dirWith(
      'server:\n  port: "eighty"\n  colour: blue\nlimits:\n  messageMaxChars: 0\n',
    );
    const r = loadConfig({ env: { BATON_DEMO: 'maybe', LOG_LEVEL: 'loud' }, cwd });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.errors.join('\n');
    expect(text).toMatch(/baton\.config\.yaml:2:\d+: server\.port/);
    expect(text).toMatch(/server\.colour.*|colour/);
    expect(text).toMatch(/baton\.config\.yaml:5:\d+: limits\.messageMaxChars/);
    expect(text).toMatch(/BATON_DEMO \(env\) → demo\.enabled/);
    expect(text).toMatch(/LOG_LEVEL \(env\) → log\.level/);
  });

  it('runs as a cluster node only on PostgreSQL', () => {
    const onSqlite = loadConfig({ env: { REDIS_URL: 'redis://127.0.0.1:6379' }, cwd: dirWith() });
    expect(onSqlite.ok).toBe(false);
    if (!onSqlite.ok) expect(onSqlite.errors.join('\n')).toMatch(/redis\.url: .*PostgreSQL/);
    const onPostgres = loadConfig({
      env: { REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://x@y/z' },
      cwd: dirWith(),
    });
    expect(onPostgres.ok && onPostgres.config.redis).toEqual({
      url: 'redis://127.0.0.1:6379',
      channelPrefix: 'baton',
      heartbeatMs: 5000,
    });
    const notRedis = loadConfig({ env: { REDIS_URL: 'http://x' }, cwd: dirWith() });
    expect(!notRedis.ok && notRedis.errors.join('\n')).toMatch(/REDIS_URL \(env\) → redis\.url/);
  });

  it("reads SMS's API key, Messaging Service and segment limit; the key needs both halves", () => {
    const sms = {
      BATON_TWILIO_ACCOUNT_SID: 'AC123',
      BATON_TWILIO_AUTH_TOKEN: 'token',
      BATON_TWILIO_PUBLIC_BASE_URL: 'https://baton.example.com',
    };
    const key = `SK${'0'.repeat(32)}`;
    const service = `MG${'f'.repeat(32)}`;
    const set = loadConfig({
      env: {
        ...sms,
        BATON_TWILIO_API_KEY_SID: key,
        BATON_TWILIO_API_KEY_SECRET: 'secret',
        BATON_TWILIO_MESSAGING_SERVICE_SID: service,
        BATON_TWILIO_MAX_SEGMENTS_PER_MESSAGE: '3',
      },
      cwd: dirWith(),
    });
    expect(set.ok && set.config.channels.sms).toMatchObject({
      apiKeySid: key,
      apiKeySecret: 'secret',
      messagingServiceSid: service,
      maxSegmentsPerMessage: 3,
    });
    const half = loadConfig({ env: { ...sms, BATON_TWILIO_API_KEY_SID: key }, cwd: dirWith() });
    expect(!half.ok && half.errors.join('\n')).toMatch(/set both apiKeySid and apiKeySecret/);
    const wrong = loadConfig({
      env: {
        ...sms,
        BATON_TWILIO_MESSAGING_SERVICE_SID: 'PN123',
        BATON_TWILIO_MAX_SEGMENTS_PER_MESSAGE: '0',
      },
      cwd: dirWith(),
    });
    const errors = !wrong.ok ? wrong.errors.join('\n') : '';
    expect(errors).toMatch(/BATON_TWILIO_MESSAGING_SERVICE_SID/);
    expect(errors).toMatch(/BATON_TWILIO_MAX_SEGMENTS_PER_MESSAGE/);
  });

  it('reads the identity secret and mode; require needs a secret', () => {
    const off = loadConfig({ env: {}, cwd: dirWith() });
    expect(off.ok && off.config.identity).toEqual({ require: false });
    const on = loadConfig({
      env: { BATON_IDENTITY_SECRET: 'identity-secret-0123', BATON_IDENTITY_REQUIRE: 'true' },
      cwd: dirWith(),
    });
    expect(on.ok && on.config.identity).toEqual({ secret: 'identity-secret-0123', require: true });
    const short = loadConfig({ env: { BATON_IDENTITY_SECRET: 'too-short' }, cwd: dirWith() });
    expect(!short.ok && short.errors.join('\n')).toMatch(/identity\.secret/);
    const noSecret = loadConfig({ env: { BATON_IDENTITY_REQUIRE: 'true' }, cwd: dirWith() });
    expect(!noSecret.ok && noSecret.errors.join('\n')).toMatch(
      /identity\.require needs identity\.secret/,
    );
  });

  it('wants a metrics token of 16 characters or more', () => {
    const short = loadConfig({ env: { BATON_METRICS_TOKEN: 'too-short-token' }, cwd: dirWith() });
    expect(!short.ok && short.errors.join('\n')).toMatch(/metrics\.token/);
    const long = loadConfig({
      env: { BATON_METRICS_TOKEN: 'a-long-metrics-token' },
      cwd: dirWith(),
    });
    expect(long.ok && long.config.metrics.token).toBe('a-long-metrics-token');
  });

  it('samples a fifth of bot-only conversations for the survey by default; the share is 0 to 1', () => {
    const byDefault = loadConfig({ env: {}, cwd: dirWith() });
    expect(byDefault.ok && byDefault.config.csat).toEqual({
      botOnlySample: 0.2,
      botQuietSeconds: 300,
    });
    const set = loadConfig({
      env: { BATON_CSAT_BOT_ONLY_SAMPLE: '0.05', BATON_CSAT_BOT_QUIET_SECONDS: '120' },
      cwd: dirWith(),
    });
    expect(set.ok && set.config.csat).toEqual({ botOnlySample: 0.05, botQuietSeconds: 120 });
    for (const bad of ['1.5', 'half']) {
      const r = loadConfig({ env: { BATON_CSAT_BOT_ONLY_SAMPLE: bad }, cwd: dirWith() });
      expect(!r.ok && r.errors.join('\n')).toMatch(
        /BATON_CSAT_BOT_ONLY_SAMPLE \(env\) → csat\.botOnlySample/,
      );
    }
  });

  it('checks open inbox sockets every 30 s by default; BATON_SESSION_CHECK_MS sets it', () => {
    const byDefault = loadConfig({ env: {}, cwd: dirWith() });
    expect(byDefault.ok && byDefault.config.auth.sessionCheckMs).toBe(30_000);
    const set = loadConfig({ env: { BATON_SESSION_CHECK_MS: '200' }, cwd: dirWith() });
    expect(set.ok && set.config.auth.sessionCheckMs).toBe(200);
    const tooOften = loadConfig({ env: { BATON_SESSION_CHECK_MS: '0' }, cwd: dirWith() });
    expect(!tooOften.ok && tooOften.errors.join('\n')).toMatch(/auth\.sessionCheckMs/);
  });

  it('reads the compaction window in UTC by default, or a known IANA zone; an unknown one fails', () => {
    const byDefault = loadConfig({ env: {}, cwd: dirWith() });
    expect(byDefault.ok && byDefault.config.privacy).toMatchObject({
      compactAt: '03:30',
      compactTimeZone: 'UTC',
      compactWindow: true,
    });
    const berlin = loadConfig({
      env: { BATON_COMPACT_TIME_ZONE: 'Europe/Berlin', BATON_COMPACT_WINDOW: 'false' },
      cwd: dirWith(),
    });
    expect(berlin.ok && berlin.config.privacy).toMatchObject({
      compactTimeZone: 'Europe/Berlin',
      compactWindow: false,
    });
    const unknown = loadConfig({
      env: {},
      cwd: dirWith('privacy:\n  compactTimeZone: Europe/Atlantis\n'),
    });
    expect(!unknown.ok && unknown.errors).toEqual([
      'privacy.compactTimeZone: "Europe/Atlantis" is not an IANA time zone (e.g. Europe/Berlin, UTC) (BATON_COMPACT_TIME_ZONE)',
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const r = loadConfig({ env: {}, cwd: dirWith('server:\n  port: [1, 2\n') });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatch(/^baton\.config\.yaml:\d+:\d+: /);
  });

  it('checks configured queues: fallbacks, calendars, duplicates, with the line of a schema error', () => {
    const q = (extra: string) =>
      `    - { id: vip, name: VIP, languages: [en], calendarId: weekend, sla: { firstResponseSeconds: 60 }, assignment: { type: pull }${extra} }`;
    const crossed = loadConfig({
      env: {},
      cwd: dirWith(['routing:', '  queues:', q(', fallback: [nope]'), q('')].join('\n')),
    });
    expect(!crossed.ok && crossed.errors).toEqual([
      'routing.queues.1.id: duplicate queue "vip"',
      'routing.queues.0.fallback.0: unknown queue "nope"',
      'routing.queues.0.calendarId: unknown calendar "weekend"',
      'routing.queues.1.calendarId: unknown calendar "weekend"',
    ]);
    const withCalendar = loadConfig({
      env: {},
      cwd: dirWith(
        [
          'routing:',
          '  calendars:',
          "    weekend: { timeZone: Europe/Lisbon, days: { sat: [{ open: '10:00', close: '16:00' }] } }",
          '  queues:',
          q(''),
        ].join('\n'),
      ),
    });
    expect(withCalendar.ok && withCalendar.config.routing.queues?.[0]).toMatchObject({
      id: 'vip',
      requiredSkills: [],
      fallback: [],
    });
    const badSchema = loadConfig({
      env: {},
      cwd: dirWith(['routing:', '  queues:', '    - { id: Bad Id }'].join('\n')),
    });
    expect(!badSchema.ok && badSchema.errors[0]).toMatch(
      /^baton\.config\.yaml:3:\d+: routing\.queues\.0/,
    );
  });

  it('refuses a BATON_CONFIG that does not exist', () => {
    const r = loadConfig({ env: { BATON_CONFIG: 'missing.yaml' }, cwd: dirWith() });
    expect(!r.ok && r.errors[0]).toMatch(/BATON_CONFIG: no file/);
  });

  it('reads auth.oidc from the environment; it needs a callback address, and passwords off need it', () => {
    const oidc = {
      BATON_OIDC_ISSUER: 'https://id.example.com',
      BATON_OIDC_CLIENT_ID: 'baton',
      BATON_OIDC_CLIENT_SECRET: 'a-client-secret-of-32-characters',
    };
    const withUrl = loadConfig({
      env: {
        ...oidc,
        BATON_PUBLIC_URL: 'https://baton.example.com',
        BATON_OIDC_ALLOWED_DOMAINS: 'example.com',
      },
      cwd: dirWith(),
    });
    expect(withUrl.ok && withUrl.config.auth).toMatchObject({
      passwordLogin: true,
      oidc: {
        issuer: 'https://id.example.com',
        scopes: 'openid email profile',
        allowedDomains: ['example.com'],
        autoCreate: false,
      },
    });
    const nowhere = loadConfig({ env: oidc, cwd: dirWith() });
    expect(!nowhere.ok && nowhere.errors).toEqual([
      expect.stringMatching(/^auth\.oidc: set auth\.oidc\.redirectUri or server\.publicUrl/),
    ]);
    const noWayIn = loadConfig({ env: { BATON_PASSWORD_LOGIN: 'false' }, cwd: dirWith() });
    expect(!noWayIn.ok && noWayIn.errors).toEqual([
      expect.stringMatching(/^auth\.passwordLogin: false needs auth\.oidc/),
    ]);
  });
});
