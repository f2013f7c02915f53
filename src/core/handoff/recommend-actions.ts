/**
 * Recommended next steps for the agent, from a configurable rule table: the first rules whose
 * conditions hold contribute their actions, in order, without duplicates.
 */

export interface ActionRule {
  readonly when: {
    /** Any of these reason codes is among the handoff's reasons. */
    readonly reasons?: readonly string[];
    /** The conversation's topic is one of these. */
    readonly topics?: readonly string[];
  };
  readonly actions: readonly string[];
}

export interface ActionContext {
  readonly reasons: readonly string[];
  readonly topic: string | null;
}

export const DEFAULT_ACTION_RULES: readonly ActionRule[] = [
  {
    when: { reasons: ['amount_threshold'], topics: ['refund'] },
    actions: [
      'Verify the order and the amount',
      'Issue the refund if it is due',
      'Consider a goodwill credit',
    ],
  },
  {
    when: { reasons: ['security'] },
    actions: [
      'Verify the customer’s identity before changing anything',
      'Freeze the card or account if a compromise is likely',
      'Follow the trust & safety procedure',
    ],
  },
  {
    when: { topics: ['refund'] },
    actions: [
      'Check the order and its return status',
      'Process the refund or give a clear timeline',
    ],
  },
  {
    when: { topics: ['cancellation'] },
    actions: [
      'Confirm what the customer wants to cancel or close',
      'Offer one alternative (pause, downgrade) if it fits',
      'Process the cancellation if they still want it',
    ],
  },
  {
    when: { topics: ['billing_dispute'] },
    actions: ['Pull the invoice and the disputed charge', 'Explain or correct the charge'],
  },
  {
    when: { topics: ['legal'] },
    actions: ['Log the request with its date', 'Route to legal or compliance if needed'],
  },
  {
    when: { reasons: ['approval_required'] },
    actions: ['Check eligibility for the requested change', 'Approve or decline, and say why'],
  },
  {
    when: { reasons: ['high_value'] },
    actions: [
      'Qualify the opportunity (size, timeline, decision maker)',
      'Offer a call or a custom quote',
    ],
  },
  {
    when: { reasons: ['negative_sentiment'] },
    actions: ['Acknowledge the frustration first', 'Do not ask again for anything listed above'],
  },
  {
    when: { reasons: ['repeated_failure', 'out_of_scope', 'bot_error'] },
    actions: [
      'Answer the question the bot could not',
      'At resolve, say whether the bot could have handled it',
    ],
  },
  {
    when: { reasons: ['session_timeout'] },
    actions: ['Read what the bot tried, then solve it or agree a clear next step'],
  },
  {
    when: { reasons: ['explicit_request'] },
    actions: ['Greet the customer by name and say what you already know'],
  },
];

export function recommendActions(
  context: ActionContext,
  rules: readonly ActionRule[] = DEFAULT_ACTION_RULES,
): string[] {
  const actions: string[] = [];
  for (const rule of rules) {
    const reasonsOk =
      !rule.when.reasons || rule.when.reasons.some((r) => context.reasons.includes(r));
    const topicOk =
      !rule.when.topics || (context.topic !== null && rule.when.topics.includes(context.topic));
    if (!reasonsOk || !topicOk) continue;
    for (const action of rule.actions) if (!actions.includes(action)) actions.push(action);
  }
  return actions;
}
