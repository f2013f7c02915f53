/**
 * What an agent's reply into a WhatsApp thread must respect, bound at boot to the store and the
 * writer: free text only inside the 24-hour window, an approved template outside it.
 */
import type { AgentRecord, StoredEvent } from '../../core/records.ts';
import {
  sendWhatsAppTemplate,
  type TemplateRequest,
  type WhatsAppTemplateDeps,
} from './send-whatsapp-template.ts';
import { assertWhatsAppWindowOpen } from './whatsapp-window-check.ts';

export class WhatsAppSender {
  constructor(private readonly deps: WhatsAppTemplateDeps) {}

  /** Throws `WHATSAPP_WINDOW_CLOSED` when free text may no longer go to this conversation. */
  assertWindowOpen(conversationId: string): Promise<void> {
    return assertWhatsAppWindowOpen(this.deps, conversationId);
  }

  sendTemplate(
    conversationId: string,
    agent: AgentRecord,
    request: TemplateRequest,
  ): Promise<StoredEvent[]> {
    return sendWhatsAppTemplate(this.deps, conversationId, agent, request);
  }
}
