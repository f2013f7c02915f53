/**
 * Reads the configuration once at boot: defaults, then `baton.config.yaml` (or BATON_CONFIG),
 * then environment variables. Every problem is reported together, each with where it came
 * from (file line and column, or the variable), and the result is frozen.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { LineCounter, parseDocument, isMap, type Document } from 'yaml';
import { ConfigSchema, type BatonConfig } from './config-schema.ts';
import { parseQueues } from '../core/routing/parse-queues.ts';
import { BUILT_IN_CALENDARS } from '../core/routing/default-queues.ts';
import { isKnownTimeZone } from '../core/sla/zoned-time.ts';
import { ENV_OVERRIDES, parseEnvValue } from './env-overrides.ts';

export interface LoadConfigOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export type ResolvedConfig = Readonly<BatonConfig> & { readonly databaseUrl: string };

export type LoadConfigResult =
  | { readonly ok: true; readonly config: ResolvedConfig; readonly file: string | null }
  | { readonly ok: false; readonly errors: string[] };

export function loadConfig(options: LoadConfigOptions): LoadConfigResult {
  const errors: string[] = [];
  const explicit = options.env.BATON_CONFIG;
  const file = explicit
    ? path.resolve(options.cwd, explicit)
    : firstExisting(path.join(options.cwd, 'baton.config.yaml'));
  let raw: Record<string, unknown> = {};
  let doc: Document | undefined;
  let lines: LineCounter | undefined;
  if (file) {
    if (!existsSync(file)) return { ok: false, errors: [`BATON_CONFIG: no file at ${file}`] };
    lines = new LineCounter();
    doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines, prettyErrors: false });
    for (const e of doc.errors) {
      const at = lines.linePos(e.pos[0]);
      errors.push(`${path.basename(file)}:${at.line}:${at.col}: ${e.message.split('\n')[0]}`);
    }
    if (errors.length) return { ok: false, errors };
    const value: unknown = doc.toJS();
    if (value !== null && value !== undefined && !isMap(doc.contents)) {
      return { ok: false, errors: [`${path.basename(file)}: the top level must be a mapping`] };
    }
    raw = (value ?? {}) as Record<string, unknown>;
  }

  const fromEnv = new Map<string, string>();
  for (const o of ENV_OVERRIDES) {
    const v = options.env[o.env];
    if (v === undefined || v === '') continue;
    setPath(raw, o.path, parseEnvValue(v, o.type));
    fromEnv.set(o.path.join('.'), o.env);
  }

  const withDefaults = Value.Default(ConfigSchema, Value.Clone(raw));
  for (const e of Value.Errors(ConfigSchema, withDefaults)) {
    const dotted = e.path.split('/').filter(Boolean).join('.');
    errors.push(
      `${whereFrom(dotted, fromEnv, file, doc, lines)}${dotted || '(root)'}: ${e.message}`,
    );
  }
  if (errors.length) return { ok: false, errors };

  const config = withDefaults as BatonConfig;
  errors.push(...crossChecks(config));
  if (errors.length) return { ok: false, errors };
  const databaseUrl = config.database.url ?? `sqlite:${path.join(config.dataDir, 'baton.db')}`;
  return { ok: true, config: deepFreeze({ ...config, databaseUrl }), file: file ?? null };
}

/** Rules that span keys, which the schema cannot say. */
function crossChecks(config: BatonConfig): string[] {
  const problems: string[] = [];
  const { engine, llm, external, rasa } = config.bot;
  if (engine === 'llm' && (!llm.baseUrl || !llm.model)) {
    problems.push(
      'bot.llm: engine "llm" needs bot.llm.baseUrl and bot.llm.model (BATON_LLM_BASE_URL, BATON_LLM_MODEL)',
    );
  }
  if (engine === 'external' && (!external.url || !external.secret)) {
    problems.push(
      'bot.external: engine "external" needs bot.external.url and bot.external.secret (BATON_EXTERNAL_BOT_URL, BATON_EXTERNAL_BOT_SECRET)',
    );
  }
  if (engine === 'rasa' && !rasa.url) {
    problems.push('bot.rasa: engine "rasa" needs bot.rasa.url (BATON_RASA_URL)');
  }
  if (config.redis.url && !/^postgres(ql)?:\/\//.test(config.database.url ?? '')) {
    problems.push(
      'redis.url: several nodes need a shared PostgreSQL database (DATABASE_URL=postgres://…); SQLite is for a single node',
    );
  }
  problems.push(...queueChecks(config));
  if (!isKnownTimeZone(config.privacy.compactTimeZone))
    problems.push(
      `privacy.compactTimeZone: "${config.privacy.compactTimeZone}" is not an IANA time zone (e.g. Europe/Berlin, UTC) (BATON_COMPACT_TIME_ZONE)`,
    );
  problems.push(...oidcChecks(config));
  if (Boolean(config.webhooks.url) !== Boolean(config.webhooks.secret)) {
    problems.push(
      'webhooks: set both webhooks.url and webhooks.secret (BATON_WEBHOOK_URL, BATON_WEBHOOK_SECRET)',
    );
  }
  const sms = config.channels.sms;
  if (sms && Boolean(sms.apiKeySid) !== Boolean(sms.apiKeySecret)) {
    problems.push(
      'channels.sms: set both apiKeySid and apiKeySecret (BATON_TWILIO_API_KEY_SID, BATON_TWILIO_API_KEY_SECRET), or neither',
    );
  }
  if (config.identity.require && !config.identity.secret) {
    problems.push(
      'identity: identity.require needs identity.secret to check signatures with (BATON_IDENTITY_SECRET)',
    );
  }
  return problems;
}

/** OpenID Connect needs a callback address; turning passwords off needs another way in. */
function oidcChecks(config: BatonConfig): string[] {
  const { oidc, passwordLogin } = config.auth;
  const problems: string[] = [];
  if (oidc && !oidc.redirectUri && !config.server.publicUrl)
    problems.push(
      'auth.oidc: set auth.oidc.redirectUri or server.publicUrl (BATON_OIDC_REDIRECT_URI, BATON_PUBLIC_URL)',
    );
  for (const [key, value] of [
    ['auth.oidc.issuer', oidc?.issuer],
    ['auth.oidc.redirectUri', oidc?.redirectUri ?? (oidc && config.server.publicUrl)],
  ] as const)
    if (value && !URL.canParse(value)) problems.push(`${key}: ${value} is not a URL`);
  if (!passwordLogin && !oidc)
    problems.push('auth.passwordLogin: false needs auth.oidc, or nobody could sign in');
  return problems;
}

/** Fallbacks name known queues, calendars known calendars, no queue twice. */
function queueChecks(config: BatonConfig): string[] {
  const { queues, calendars } = config.routing;
  if (!queues) return [];
  const calendarIds = [...BUILT_IN_CALENDARS, ...Object.keys(calendars ?? {})];
  const parsed = parseQueues(queues, calendarIds);
  if (parsed.ok) return [];
  return parsed.problems.map(
    (p) =>
      `routing.queues${p.path
        .split('/')
        .filter(Boolean)
        .map((k) => `.${k}`)
        .join('')}: ${p.message}`,
  );
}

function whereFrom(
  dotted: string,
  fromEnv: ReadonlyMap<string, string>,
  file: string | undefined,
  doc: Document | undefined,
  lines: LineCounter | undefined,
): string {
  // An item of a list variable (widgetOrigins.1) came from the variable of the whole list.
  const env = fromEnv.get(dotted) ?? fromEnv.get(dotted.replace(/\.\d+$/, ''));
  if (env) return `${env} (env) → `;
  if (!file || !doc || !lines) return '';
  // A missing key has no line of its own: point at the nearest written parent (its map).
  const keys = dotted.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  let node: { range?: [number, number] } | undefined;
  for (let n = keys.length; n > 0 && !node?.range; n--)
    node = doc.getIn(keys.slice(0, n), true) as { range?: [number, number] } | undefined;
  if (!node?.range) return `${path.basename(file)}: `;
  const at = lines.linePos(node.range[0]);
  return `${path.basename(file)}:${at.line}:${at.col}: `;
}

function firstExisting(candidate: string): string | undefined {
  return existsSync(candidate) ? candidate : undefined;
}

function setPath(target: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1] as string] = value;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
