// "Email me this conversation": a button under the composer opens a small form with the
// address (prefilled from what the visitor told or the page said); the server queues the copy
// and the widget confirms in a status line. Offered only when the server can send email
// (GET /api/v1/widget/settings says so) and a conversation exists.

import { ApiRequestError } from '../shared/http.ts';
import type { WidgetText } from './widget-text.ts';

type Find = <T extends Element>(selector: string) => T;

export class TranscriptForm {
  readonly #find: Find;
  readonly #text: WidgetText;

  constructor(
    find: Find,
    text: WidgetText,
    prefill: () => string,
    send: (email: string) => Promise<void>,
  ) {
    this.#find = find;
    this.#text = text;
    wire(
      {
        open: find('.transcript-open'),
        form: find('.transcript'),
        input: find('#transcript-email'),
        send: find('.transcript-send'),
        cancel: find('.transcript-cancel'),
        note: find('.transcript-note'),
      },
      text,
      prefill,
      send,
    );
  }

  /** Shows or removes the button (only when the server can send email and a chat exists). */
  offer(offered: boolean): void {
    this.#find<HTMLElement>('.transcript-box').hidden = !offered;
  }

  renderWords(): void {
    const set = (selector: string, key: Parameters<WidgetText['t']>[0]) => {
      this.#find<HTMLElement>(selector).textContent = this.#text.t(key);
    };
    set('.transcript-open', 'emailTranscript');
    set('.transcript-label', 'transcriptAddress');
    set('.transcript-send', 'transcriptSend');
    set('.transcript-cancel', 'transcriptCancel');
  }
}

interface TranscriptParts {
  readonly open: HTMLButtonElement;
  readonly form: HTMLFormElement;
  readonly input: HTMLInputElement;
  readonly send: HTMLButtonElement;
  readonly cancel: HTMLButtonElement;
  readonly note: HTMLElement;
}

function wire(
  parts: TranscriptParts,
  text: WidgetText,
  prefill: () => string,
  send: (email: string) => Promise<void>,
): void {
  const close = () => {
    parts.form.hidden = true;
    parts.open.setAttribute('aria-expanded', 'false');
    parts.open.focus();
  };
  parts.open.addEventListener('click', () => {
    parts.form.hidden = false;
    parts.open.setAttribute('aria-expanded', 'true');
    parts.note.textContent = '';
    if (!parts.input.value) parts.input.value = prefill();
    parts.input.focus();
  });
  parts.cancel.addEventListener('click', close);
  parts.form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation(); // closes this form, not the whole panel
      close();
    }
  });
  parts.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const email = parts.input.value.trim();
    const bad = email === '' || parts.input.validity.typeMismatch;
    parts.input.setAttribute('aria-invalid', String(bad));
    if (bad) {
      parts.note.textContent = text.t('errorEmail');
      parts.input.focus();
      return;
    }
    parts.send.disabled = true;
    send(email).then(
      () => {
        parts.send.disabled = false;
        parts.form.hidden = true;
        parts.open.setAttribute('aria-expanded', 'false');
        parts.note.textContent = text.t('transcriptSent', { email });
      },
      (error: unknown) => {
        parts.send.disabled = false;
        const refused = error instanceof ApiRequestError ? error : null;
        parts.note.textContent =
          refused?.status === 429
            ? text.t('transcriptTooMany')
            : text.t('transcriptFailed', { error: refused?.message ?? text.t('somethingWrong') });
      },
    );
  });
}
