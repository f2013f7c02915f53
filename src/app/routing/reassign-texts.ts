/** What the customer reads when a person hands them to a named colleague. */

export function transferredToAgentText(agentName: string): string {
  return `I'm passing you to ${agentName}, who will continue here. They can see our whole conversation, so you won't need to repeat anything.`;
}
