/** How a variable's text becomes a value; `proxies` is `true`/`false` or a list. */
export type EnvType = 'string' | 'int' | 'number' | 'bool' | 'list' | 'proxies' | 'json';

/** Environment variables and the config paths they set. Env wins over the YAML file. */
export const ENV_OVERRIDES: ReadonlyArray<{
  env: string;
  path: readonly string[];
  type: EnvType;
}> = [
  { env: 'BATON_DATA_DIR', path: ['dataDir'], type: 'string' },
  { env: 'HOST', path: ['server', 'host'], type: 'string' },
  { env: 'PORT', path: ['server', 'port'], type: 'int' },
  { env: 'BATON_PUBLIC_URL', path: ['server', 'publicUrl'], type: 'string' },
  { env: 'BATON_PASSWORD_LOGIN', path: ['auth', 'passwordLogin'], type: 'bool' },
  { env: 'BATON_OIDC_ISSUER', path: ['auth', 'oidc', 'issuer'], type: 'string' },
  { env: 'BATON_OIDC_CLIENT_ID', path: ['auth', 'oidc', 'clientId'], type: 'string' },
  { env: 'BATON_OIDC_CLIENT_SECRET', path: ['auth', 'oidc', 'clientSecret'], type: 'string' },
  { env: 'BATON_OIDC_REDIRECT_URI', path: ['auth', 'oidc', 'redirectUri'], type: 'string' },
  { env: 'BATON_OIDC_SCOPES', path: ['auth', 'oidc', 'scopes'], type: 'string' },
  { env: 'BATON_OIDC_NAME', path: ['auth', 'oidc', 'name'], type: 'string' },
  { env: 'BATON_OIDC_ALLOWED_DOMAINS', path: ['auth', 'oidc', 'allowedDomains'], type: 'list' },
  { env: 'BATON_OIDC_AUTO_CREATE', path: ['auth', 'oidc', 'autoCreate'], type: 'bool' },
  { env: 'BATON_TRUST_PROXY', path: ['server', 'trustProxy'], type: 'proxies' },
  { env: 'BATON_WIDGET_ORIGINS', path: ['server', 'widgetOrigins'], type: 'list' },
  { env: 'BATON_WIDGET_PRECHAT_FORM', path: ['widget', 'preChatForm'], type: 'json' },
  { env: 'DATABASE_URL', path: ['database', 'url'], type: 'string' },
  { env: 'REDIS_URL', path: ['redis', 'url'], type: 'string' },
  { env: 'BATON_REDIS_PREFIX', path: ['redis', 'channelPrefix'], type: 'string' },
  { env: 'BATON_REDIS_HEARTBEAT_MS', path: ['redis', 'heartbeatMs'], type: 'int' },
  { env: 'BATON_MESSAGE_MAX_CHARS', path: ['limits', 'messageMaxChars'], type: 'int' },
  { env: 'BATON_RATE_LIMIT_PER_MINUTE', path: ['limits', 'publicRequestsPerMinute'], type: 'int' },
  { env: 'BATON_MCP_REQUESTS_PER_MINUTE', path: ['limits', 'mcpRequestsPerMinute'], type: 'int' },
  { env: 'BATON_AGENTS_SEE', path: ['inbox', 'agentsSee'], type: 'string' },
  { env: 'BATON_ATTACHMENT_MAX_BYTES', path: ['limits', 'attachmentMaxBytes'], type: 'int' },
  { env: 'BATON_ATTACHMENT_TYPES', path: ['limits', 'attachmentTypes'], type: 'list' },
  {
    env: 'BATON_CONVERSATION_MESSAGES',
    path: ['limits', 'conversationMessages'],
    type: 'int',
  },
  {
    env: 'BATON_CONVERSATION_MESSAGES_SECONDS',
    path: ['limits', 'conversationMessagesSeconds'],
    type: 'int',
  },
  { env: 'BATON_SOCKET_FRAMES', path: ['limits', 'socketFrames'], type: 'int' },
  {
    env: 'BATON_SOCKETS_PER_CONVERSATION',
    path: ['limits', 'socketsPerConversation'],
    type: 'int',
  },
  { env: 'BATON_SOCKETS_PER_IP', path: ['limits', 'socketsPerIp'], type: 'int' },
  {
    env: 'BATON_SOCKETS_PER_AGENT_SESSION',
    path: ['limits', 'socketsPerAgentSession'],
    type: 'int',
  },
  { env: 'BATON_SOCKET_COUNT_SECONDS', path: ['limits', 'socketCountSeconds'], type: 'int' },
  { env: 'BATON_LOGIN_FAILURES', path: ['limits', 'loginFailures'], type: 'int' },
  { env: 'BATON_LOGIN_LOCK_SECONDS', path: ['limits', 'loginLockSeconds'], type: 'int' },
  { env: 'BATON_REQUIRE_TOTP', path: ['auth', 'requireTotp'], type: 'bool' },
  { env: 'BATON_SESSION_CHECK_MS', path: ['auth', 'sessionCheckMs'], type: 'int' },
  { env: 'BATON_DEMO', path: ['demo', 'enabled'], type: 'bool' },
  { env: 'BATON_DEMO_PASSWORD', path: ['demo', 'agentPassword'], type: 'string' },
  { env: 'BATON_BOT_ENGINE', path: ['bot', 'engine'], type: 'string' },
  { env: 'BATON_LLM_BASE_URL', path: ['bot', 'llm', 'baseUrl'], type: 'string' },
  { env: 'BATON_LLM_API_KEY', path: ['bot', 'llm', 'apiKey'], type: 'string' },
  { env: 'BATON_LLM_MODEL', path: ['bot', 'llm', 'model'], type: 'string' },
  { env: 'BATON_LLM_TIMEOUT_MS', path: ['bot', 'llm', 'timeoutMs'], type: 'int' },
  { env: 'BATON_LLM_SUMMARIES', path: ['bot', 'llm', 'summaries'], type: 'bool' },
  { env: 'BATON_EXTERNAL_BOT_URL', path: ['bot', 'external', 'url'], type: 'string' },
  { env: 'BATON_EXTERNAL_BOT_SECRET', path: ['bot', 'external', 'secret'], type: 'string' },
  { env: 'BATON_RASA_URL', path: ['bot', 'rasa', 'url'], type: 'string' },
  { env: 'BATON_RASA_TOKEN', path: ['bot', 'rasa', 'token'], type: 'string' },
  { env: 'BATON_RASA_TIMEOUT_MS', path: ['bot', 'rasa', 'timeoutMs'], type: 'int' },
  {
    env: 'BATON_RASA_HANDOFF_PAYLOAD',
    path: ['bot', 'rasa', 'handoffPayload'],
    type: 'string',
  },
  { env: 'BATON_MCP_TOKEN', path: ['mcp', 'token'], type: 'string' },
  { env: 'BATON_KB_DIR', path: ['bot', 'knowledgeBaseDir'], type: 'string' },
  { env: 'BATON_POLICY_FILE', path: ['policy', 'file'], type: 'string' },
  { env: 'BATON_SLA_SECONDS', path: ['routing', 'firstResponseSlaSeconds'], type: 'int' },
  { env: 'BATON_ABANDON_AFTER_SECONDS', path: ['routing', 'abandonAfterSeconds'], type: 'int' },
  { env: 'BATON_CSAT_BOT_ONLY_SAMPLE', path: ['csat', 'botOnlySample'], type: 'number' },
  { env: 'BATON_CSAT_BOT_QUIET_SECONDS', path: ['csat', 'botQuietSeconds'], type: 'int' },
  { env: 'BATON_TIMER_INTERVAL_MS', path: ['timers', 'intervalMs'], type: 'int' },
  { env: 'BATON_TIMER_LEASE_MS', path: ['timers', 'leaseMs'], type: 'int' },
  { env: 'BATON_WHATSAPP_APP_SECRET', path: ['channels', 'whatsapp', 'appSecret'], type: 'string' },
  {
    env: 'BATON_WHATSAPP_VERIFY_TOKEN',
    path: ['channels', 'whatsapp', 'verifyToken'],
    type: 'string',
  },
  {
    env: 'BATON_WHATSAPP_ACCESS_TOKEN',
    path: ['channels', 'whatsapp', 'accessToken'],
    type: 'string',
  },
  {
    env: 'BATON_WHATSAPP_API_BASE_URL',
    path: ['channels', 'whatsapp', 'apiBaseUrl'],
    type: 'string',
  },
  { env: 'BATON_API_CHANNEL_SECRET', path: ['channels', 'api', 'secret'], type: 'string' },
  {
    env: 'BATON_API_CHANNEL_WEBHOOK_URL',
    path: ['channels', 'api', 'webhookUrl'],
    type: 'string',
  },
  { env: 'BATON_TELEGRAM_BOT_TOKEN', path: ['channels', 'telegram', 'botToken'], type: 'string' },
  {
    env: 'BATON_TELEGRAM_SECRET_TOKEN',
    path: ['channels', 'telegram', 'secretToken'],
    type: 'string',
  },
  {
    env: 'BATON_TELEGRAM_API_BASE_URL',
    path: ['channels', 'telegram', 'apiBaseUrl'],
    type: 'string',
  },
  {
    env: 'BATON_MESSENGER_BOT_APP_ID',
    path: ['channels', 'messenger', 'botAppId'],
    type: 'string',
  },
  {
    env: 'BATON_INSTAGRAM_BOT_APP_ID',
    path: ['channels', 'instagram', 'botAppId'],
    type: 'string',
  },
  {
    env: 'BATON_MESSENGER_HANDOVER_ROLE',
    path: ['channels', 'messenger', 'handoverRole'],
    type: 'string',
  },
  {
    env: 'BATON_INSTAGRAM_HANDOVER_ROLE',
    path: ['channels', 'instagram', 'handoverRole'],
    type: 'string',
  },
  {
    env: 'BATON_MESSENGER_APP_SECRET',
    path: ['channels', 'messenger', 'appSecret'],
    type: 'string',
  },
  {
    env: 'BATON_MESSENGER_VERIFY_TOKEN',
    path: ['channels', 'messenger', 'verifyToken'],
    type: 'string',
  },
  {
    env: 'BATON_MESSENGER_PAGE_ACCESS_TOKEN',
    path: ['channels', 'messenger', 'pageAccessToken'],
    type: 'string',
  },
  {
    env: 'BATON_MESSENGER_API_BASE_URL',
    path: ['channels', 'messenger', 'apiBaseUrl'],
    type: 'string',
  },
  { env: 'BATON_TWILIO_ACCOUNT_SID', path: ['channels', 'sms', 'accountSid'], type: 'string' },
  { env: 'BATON_TWILIO_AUTH_TOKEN', path: ['channels', 'sms', 'authToken'], type: 'string' },
  {
    env: 'BATON_TWILIO_PUBLIC_BASE_URL',
    path: ['channels', 'sms', 'publicBaseUrl'],
    type: 'string',
  },
  { env: 'BATON_TWILIO_API_BASE_URL', path: ['channels', 'sms', 'apiBaseUrl'], type: 'string' },
  { env: 'BATON_TWILIO_API_KEY_SID', path: ['channels', 'sms', 'apiKeySid'], type: 'string' },
  {
    env: 'BATON_TWILIO_API_KEY_SECRET',
    path: ['channels', 'sms', 'apiKeySecret'],
    type: 'string',
  },
  {
    env: 'BATON_TWILIO_MESSAGING_SERVICE_SID',
    path: ['channels', 'sms', 'messagingServiceSid'],
    type: 'string',
  },
  {
    env: 'BATON_TWILIO_MAX_SEGMENTS_PER_MESSAGE',
    path: ['channels', 'sms', 'maxSegmentsPerMessage'],
    type: 'int',
  },
  {
    env: 'BATON_VOICE_API_KEY_SID',
    path: ['channels', 'voice', 'browserClient', 'apiKeySid'],
    type: 'string',
  },
  {
    env: 'BATON_VOICE_API_KEY_SECRET',
    path: ['channels', 'voice', 'browserClient', 'apiKeySecret'],
    type: 'string',
  },
  {
    env: 'BATON_VOICE_TWIML_APP_SID',
    path: ['channels', 'voice', 'browserClient', 'twimlAppSid'],
    type: 'string',
  },
  { env: 'BATON_EMAIL_FROM', path: ['channels', 'email', 'from'], type: 'string' },
  { env: 'BATON_EMAIL_SMTP_URL', path: ['channels', 'email', 'smtpUrl'], type: 'string' },
  {
    env: 'BATON_EMAIL_WEBHOOK_USERNAME',
    path: ['channels', 'email', 'webhookUsername'],
    type: 'string',
  },
  {
    env: 'BATON_EMAIL_WEBHOOK_PASSWORD',
    path: ['channels', 'email', 'webhookPassword'],
    type: 'string',
  },
  { env: 'BATON_SMTP_HOST', path: ['channels', 'email', 'smtp', 'host'], type: 'string' },
  { env: 'BATON_SMTP_PORT', path: ['channels', 'email', 'smtp', 'port'], type: 'int' },
  {
    env: 'BATON_SMTP_ACCEPT_FOR',
    path: ['channels', 'email', 'smtp', 'acceptFor'],
    type: 'string',
  },
  { env: 'BATON_SMTP_MAX_BYTES', path: ['channels', 'email', 'smtp', 'maxBytes'], type: 'int' },
  {
    env: 'BATON_SMTP_AUTH_USERNAME',
    path: ['channels', 'email', 'smtp', 'authUsername'],
    type: 'string',
  },
  {
    env: 'BATON_SMTP_AUTH_PASSWORD',
    path: ['channels', 'email', 'smtp', 'authPassword'],
    type: 'string',
  },
  {
    env: 'BATON_SMTP_VERIFY_SENDER',
    path: ['channels', 'email', 'smtp', 'verifySender'],
    type: 'bool',
  },
  { env: 'BATON_WEBHOOK_URL', path: ['webhooks', 'url'], type: 'string' },
  { env: 'BATON_WEBHOOK_SECRET', path: ['webhooks', 'secret'], type: 'string' },
  { env: 'BATON_IDENTITY_SECRET', path: ['identity', 'secret'], type: 'string' },
  { env: 'BATON_IDENTITY_REQUIRE', path: ['identity', 'require'], type: 'bool' },
  { env: 'BATON_READY_TIMER_LAG_SECONDS', path: ['health', 'timerLagSeconds'], type: 'int' },
  { env: 'BATON_METRICS_TOKEN', path: ['metrics', 'token'], type: 'string' },
  { env: 'BATON_METRICS_PORT', path: ['metrics', 'port'], type: 'int' },
  { env: 'BATON_METRICS_HOST', path: ['metrics', 'host'], type: 'string' },
  { env: 'BATON_RETENTION_DAYS', path: ['privacy', 'retentionDays'], type: 'int' },
  { env: 'BATON_RETENTION_CHECK_MS', path: ['privacy', 'retentionCheckMs'], type: 'int' },
  { env: 'BATON_COMPACT_AT', path: ['privacy', 'compactAt'], type: 'string' },
  { env: 'BATON_COMPACT_TIME_ZONE', path: ['privacy', 'compactTimeZone'], type: 'string' },
  { env: 'BATON_COMPACT_WINDOW', path: ['privacy', 'compactWindow'], type: 'bool' },
  {
    env: 'BATON_COMPACT_LOCK_TIMEOUT_MS',
    path: ['privacy', 'compactLockTimeoutMs'],
    type: 'int',
  },
  { env: 'BATON_COMPACT_CHECK_MS', path: ['privacy', 'compactCheckMs'], type: 'int' },
  { env: 'BATON_JUDGE_BASE_URL', path: ['policy', 'llmJudge', 'baseUrl'], type: 'string' },
  { env: 'BATON_JUDGE_API_KEY', path: ['policy', 'llmJudge', 'apiKey'], type: 'string' },
  { env: 'BATON_JUDGE_MODEL', path: ['policy', 'llmJudge', 'model'], type: 'string' },
  { env: 'BATON_JUDGE_TIMEOUT_MS', path: ['policy', 'llmJudge', 'timeoutMs'], type: 'int' },
  { env: 'BATON_WEB_ROOT', path: ['web', 'root'], type: 'string' },
  { env: 'LOG_LEVEL', path: ['log', 'level'], type: 'string' },
];

/** Converts an env string; returns the raw string when it does not parse, so validation reports it. */
export function parseEnvValue(raw: string, type: EnvType): unknown {
  // BATON_TRUST_PROXY=10.0.0.0/8,127.0.0.1 (the proxies' addresses) or =true (any).
  if (type === 'proxies') {
    const word = raw.trim().toLowerCase();
    return word === 'true' || word === 'false' ? word === 'true' : parseEnvValue(raw, 'list');
  }
  // Lists are comma-separated: BATON_WIDGET_ORIGINS=https://shop.example,https://www.shop.example
  if (type === 'list')
    return raw
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  // A structured section in one variable: BATON_WIDGET_PRECHAT_FORM='{"fields":[…]}'.
  if (type === 'json') {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return raw;
    }
  }
  if (type === 'int') return /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
  if (type === 'number') return /^-?(\d+\.?\d*|\.\d+)$/.test(raw.trim()) ? Number(raw) : raw;
  if (type === 'bool') {
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    return raw;
  }
  return raw;
}
