/**
 * The one registry of error codes. Domain code returns or throws these; only the HTTP edge
 * maps them to a status (src/server/http-status.ts), keyed by this union so that a new code
 * fails the typecheck until it is mapped.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 'The request does not match the expected shape.',
  MALFORMED_JSON: 'The request body is not valid JSON.',
  MESSAGE_TOO_LARGE: 'The message is longer than the configured limit.',
  PAYLOAD_TOO_LARGE: 'The request body is larger than the configured limit.',
  UNAUTHENTICATED: 'A valid token is required.',
  INVALID_CREDENTIALS: 'The email or password is wrong.',
  FORBIDDEN: 'This token may not do that.',
  NOT_FOUND: 'No such route.',
  CONVERSATION_NOT_FOUND: 'No conversation has that id.',
  CONVERSATION_CLOSED: 'The conversation is resolved or abandoned and takes no more messages.',
  INVALID_TRANSITION: 'The conversation is not in a state that allows this.',
  ALREADY_CLAIMED: 'Another agent has already taken this conversation.',
  NOT_ASSIGNEE: 'Only the agent who owns the conversation may do that.',
  RATE_LIMITED: 'Too many requests; slow down.',
  INTERNAL: 'Something went wrong on the server.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
