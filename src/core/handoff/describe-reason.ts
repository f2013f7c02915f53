/** Plain-language names for reason codes, for the summary's "blocker" and the agent's card. */

const BLOCKERS: Readonly<Record<string, string>> = {
  explicit_request: 'the customer asked for a person',
  topic_policy: 'the topic always goes to a person',
  security: 'a possible security or fraud issue needs a person',
  amount_threshold: 'the amount is above what the bot may handle',
  negative_sentiment: 'the customer is frustrated',
  repeated_failure: 'the bot failed to help several times',
  out_of_scope: 'the request is outside what the bot covers',
  high_value: 'this is a sales opportunity a person should take',
  session_timeout: 'the conversation went on too long without a resolution',
  bot_error: 'the bot failed (error or timeout)',
  approval_required: 'the request needs a person’s approval',
};

export function describeReason(code: string): string {
  return BLOCKERS[code] ?? code.replaceAll('_', ' ');
}
