/** What the customer reads when a person hands them to a named colleague. */
import { customerText } from '../../core/i18n/customer-text.ts';

export function transferredToAgentText(agentName: string, language: string | null): string {
  return customerText('transferred_to_agent', language, { agent: agentName });
}
