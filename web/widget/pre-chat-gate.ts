// Holds the chat back until the pre-chat form is answered: the form stands in for the
// transcript, the handoff bar and the composer, the answers start the conversation, and the
// server's refusals go back to their fields. Also what the server offers besides the chat
// (GET /api/v1/widget/settings), which decides whether there is a form at all.

import type { Static } from '@sinclair/typebox';
import type { WidgetSettings as WidgetSettingsSchema } from '../../src/http/routes/widget-settings-schemas.ts';
import { ApiRequestError, requestJson } from '../shared/http.ts';
import { renderPreChatForm, type FieldProblem, type PreChatField } from './pre-chat-form.ts';
import type { WidgetText } from './widget-text.ts';

/** What this server's widget offers besides the chat (the route's schema, type-only). */
export type WidgetSettings = Static<typeof WidgetSettingsSchema>;

export const NO_EXTRAS: WidgetSettings = { preChatForm: null, transcriptByEmail: false };

/** The server's options; none (no form, no email) when they cannot be fetched. */
export async function loadWidgetSettings(
  server: string,
  language: string,
): Promise<WidgetSettings> {
  try {
    const url = new URL(`api/v1/widget/settings?language=${encodeURIComponent(language)}`, server);
    return await requestJson<WidgetSettings>(url.toString());
  } catch {
    return NO_EXTRAS;
  }
}

export interface PreChatGateOptions {
  readonly form: HTMLFormElement;
  /** What the form stands in for while it is shown. */
  readonly replaced: readonly HTMLElement[];
  readonly text: WidgetText;
  /** Starts the conversation with the answers; rejects as the server refused. */
  readonly start: (answers: Record<string, string>) => Promise<void>;
  readonly started: (answers: Record<string, string>) => void;
  readonly failed: () => void;
}

export class PreChatGate {
  readonly #options: PreChatGateOptions;

  constructor(options: PreChatGateOptions) {
    this.#options = options;
  }

  /**
   * Asks `fields` (all of the form's but those a signed visitor's page already gives);
   * `prefill` fills boxes the page knows the answer to.
   */
  show(
    fields: readonly PreChatField[],
    all: readonly PreChatField[],
    prefill: Readonly<Record<string, string>>,
  ): void {
    this.#shown(true);
    const { form, text } = this.#options;
    renderPreChatForm(form, fields, text, prefill, async (answers) => {
      const problems = await this.#start(answers);
      // The server did not take the page's signature (no identity secret there) and wants a
      // box the widget left out: the whole form is shown again.
      if (problems.some((p) => !fields.some((f) => f.key === p.key))) this.show(all, all, prefill);
      return problems;
    });
    form.querySelector('input')?.focus();
  }

  hide(): void {
    this.#shown(false);
  }

  async #start(answers: Record<string, string>): Promise<readonly FieldProblem[]> {
    try {
      await this.#options.start(answers);
    } catch (error) {
      if (error instanceof ApiRequestError && error.fields.length > 0) return error.fields;
      this.#options.failed();
      return [];
    }
    this.#shown(false);
    this.#options.started(answers);
    return [];
  }

  #shown(shown: boolean): void {
    this.#options.form.hidden = !shown;
    for (const element of this.#options.replaced) element.hidden = shown;
  }
}
