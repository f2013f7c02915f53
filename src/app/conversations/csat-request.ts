/**
 * The satisfaction survey as a message, the same after an agent's resolution and for a sampled
 * bot-only conversation: the widget shows stars under it; other channels offer the ratings as
 * choices (buttons where the channel has them) and take a typed number too (channel-inbound.ts
 * reads either as the rating).
 */
import { messageCreated } from '../../core/conversation/conversation-events.ts';
import type { CustomerTextOverrides } from '../../core/i18n/customer-text.ts';
import { csatChoices, csatRequestText } from './customer-messages.ts';

export function csatRequestMessage(
  conversation: { readonly language: string | null; readonly externalThread: unknown },
  overrides: CustomerTextOverrides = {},
) {
  const byReply = conversation.externalThread !== null;
  return messageCreated(
    { type: 'system' },
    {
      text: csatRequestText(conversation.language, byReply, overrides),
      kind: 'csat_request',
      ...(byReply ? { extra: { choices: csatChoices() } } : {}),
    },
  );
}
