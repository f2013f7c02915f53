/**
 * The one registry of error codes. Domain code returns or throws these; only the HTTP edge
 * maps them to a status (src/http/http-status.ts), keyed by this union so that a new code
 * fails the typecheck until it is mapped.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 'The request does not match the expected shape.',
  MALFORMED_JSON: 'The request body is not valid JSON.',
  MESSAGE_TOO_LARGE: 'The message is longer than the configured limit.',
  PAYLOAD_TOO_LARGE: 'The request body is larger than the configured limit.',
  FILE_TOO_LARGE: 'The file is larger than the configured limit.',
  FILE_TYPE_NOT_ALLOWED: 'Files of this type are not accepted.',
  UNAUTHENTICATED: 'A valid token is required.',
  TOKEN_IN_URL:
    'Tokens are not accepted in the URL (?token=), where access logs and browser history keep them: send the header Authorization: Bearer <token>.',
  INVALID_CREDENTIALS: 'The email or password is wrong.',
  FORBIDDEN: 'This token may not do that.',
  NOT_FOUND: 'No such route.',
  METHOD_NOT_ALLOWED: 'The route exists but does not take this method.',
  CONVERSATION_NOT_FOUND: 'No conversation has that id.',
  CONVERSATION_CLOSED: 'The conversation is resolved or abandoned and takes no more messages.',
  INVALID_TRANSITION: 'The conversation is not in a state that allows this.',
  ALREADY_CLAIMED: 'Another agent has already taken this conversation.',
  CLIENT_MESSAGE_ID_REUSED:
    'This clientMessageId was already used for a different message in this conversation.',
  NOT_ASSIGNEE: 'Only the agent who owns the conversation may do that.',
  OUT_OF_SCOPE:
    'The conversation moved out of your queues (transferred or reassigned) before your change was written; nothing was changed.',
  AGENT_NOT_FOUND: 'No agent has that id.',
  AGENT_UNAVAILABLE: 'That agent is not online with free capacity right now.',
  WHATSAPP_WINDOW_CLOSED:
    "More than 24 hours since the customer's last WhatsApp message; send an approved template.",
  TEMPLATE_NOT_FOUND: 'No approved template has that name and language.',
  CHANNEL_NOT_ENABLED: 'That channel is not configured on this server.',
  VOICE_BROWSER_OFF:
    'Taking calls in the browser is not configured on this server (channels.voice.browserClient).',
  VOICE_AGENT_ON_PHONE:
    'This agent takes calls on the phone in channels.voice.agentPhones, not in the browser.',
  NO_PHONE_NUMBER:
    "The conversation has no phone number to call back (the caller's, or one left with a callback request).",
  VOICE_NO_LINE:
    'Calls cannot reach this agent: no phone number is set for them and the browser client is off.',
  CALL_BACK_IN_PROGRESS:
    'A call back for this conversation is already being placed or is under way.',
  MEDIA_NOT_FOUND: 'No fetchable file with that reference in this conversation.',
  MEDIA_UNAVAILABLE: 'The provider did not hand over the file.',
  EMAIL_TAKEN: 'An account with that email already exists (disabled ones included).',
  LAST_ADMIN: 'That would leave the team without an enabled admin.',
  CANNOT_DISABLE_SELF: 'An admin cannot disable their own account.',
  WRONG_PASSWORD: 'The current password is wrong.',
  TOTP_REQUIRED:
    "This account uses two-factor log-in: send totpCode (the app's 6-digit code, or a recovery code).",
  TOTP_INVALID: 'The two-factor code is wrong, expired or already used.',
  WRONG_TOTP_CODE: 'The two-factor code is wrong, expired or already used.',
  TOTP_ALREADY_ENABLED: 'Two-factor log-in is already on; turn it off first.',
  TOTP_NOT_PENDING: 'No two-factor setup is waiting for a code; start the setup first.',
  TOTP_NOT_ENABLED: 'Two-factor log-in is not on for this account.',
  TOTP_ENROLMENT_REQUIRED:
    'This server requires two-factor log-in: set it up (/api/v1/me/totp) before anything else.',
  SESSION_NOT_FOUND: 'The account has no session with that id.',
  NOTE_NOT_FOUND: "The contact has no note with that id (another person's, or deleted).",
  IDENTITY_INVALID:
    'The customer identity signature (userHash or identityToken) does not verify with the identity secret.',
  IDENTITY_REQUIRED: 'This server only accepts customers signed by the host site.',
  RATE_LIMITED: 'Too many requests; slow down.',
  PRE_CHAT_INVALID:
    'A pre-chat form answer is missing or malformed (`fields` says which, and why).',
  TRANSCRIPT_UNAVAILABLE: 'This server sends no email, so it cannot send the conversation.',
  LOGIN_LOCKED: 'Too many wrong passwords for this account; try again later.',
  PASSWORD_LOGIN_DISABLED: 'This server signs agents in through its identity provider only.',
  OIDC_NOT_CONFIGURED: 'Sign-in through an identity provider is not configured on this server.',
  OIDC_STATE_INVALID: 'The sign-in was not started here, took too long or was tampered with.',
  OIDC_REJECTED: 'The identity provider refused the sign-in or its ID token did not verify.',
  OIDC_EMAIL_UNVERIFIED: 'The identity provider has not verified the email address.',
  OIDC_ACCOUNT_REFUSED: 'No active Baton account may sign in with that email.',
  OIDC_PROVIDER_UNAVAILABLE: 'The identity provider could not be reached.',
  TOO_MANY_SOCKETS: 'Too many sockets open for this conversation, session or address.',
  DATABASE_UNAVAILABLE: 'The database is unreachable for the moment; try again shortly.',
  INTERNAL: 'Something went wrong on the server.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
