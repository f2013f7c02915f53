// "Email me this conversation": a button under the composer opens a small form with the
// address (prefilled from what the visitor told or the page said); the server queues the copy
// and the widget confirms in a status line. Offered only when the server can send email
// (GET /api/v1/widget/settings says so) and a conversation exists.

import { ApiRequestError } from '../shared/http.ts';
import type { WidgetText } from './widget-text.ts';

export interface TranscriptParts {
  readonly open: HTMLButtonElement;
  readonly form: HTMLFormElement;
  readonly input: HTMLInputElement;
  readonly label: HTMLElement;
  readonly send: HTMLButtonElement;
  readonly cancel: HTMLButtonElement;
  readonly note: HTMLElement;
}

export function wireTranscriptForm(
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
