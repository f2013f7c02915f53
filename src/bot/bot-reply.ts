/**
 * What any bot behind Baton answers to a customer message: Baton's own answer engine, an
 * LLM, or a company's existing bot. The conversation service records it and lets the
 * escalation policy judge it; a bot may also ask for a person itself.
 */

export type BotSource = 'kb' | 'llm' | 'external' | 'rasa' | 'kb_fallback';

/** A button a bot offers: the label the customer sees, and what the bot is sent when pressed. */
export interface BotChoice {
  readonly label: string;
  readonly payload: string;
}

export interface BotReply {
  /** What the customer sees, in order (an external bot may send several messages). */
  readonly messages: readonly string[];
  /** 0..1; the policy treats low values as failed attempts. */
  readonly confidence: number;
  readonly intent: string;
  readonly source: BotSource;
  readonly article?: { readonly id: string; readonly title: string };
  /**
   * Buttons offered with the last message (Rasa's `buttons`): shown as Baton's choices, and a
   * pressed one (or its label or number typed) is sent back to the bot as its payload.
   */
  readonly choices?: readonly BotChoice[];
  /** The bot asks for a person; the conversation is handed over with this reason. */
  readonly handoff?: { readonly reason: string; readonly note?: string };
  /** Fields the bot says it collected: kept for the agent, never trusted for routing. */
  readonly reportedFields?: Readonly<Record<string, unknown>>;
}

export interface BotContext {
  readonly conversationId: string;
  readonly channel: string;
  readonly language: string | null;
  readonly customer: Readonly<Record<string, unknown>>;
  readonly turns: ReadonlyArray<{
    readonly from: string;
    readonly text?: string;
    readonly action?: string;
    readonly at: string;
  }>;
}

export interface BotResponder {
  reply(customerText: string, context: BotContext): Promise<BotReply>;
}
