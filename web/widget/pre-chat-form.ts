// The optional pre-chat form (config widget.preChatForm): shown instead of the composer until
// the conversation starts. The browser's own constraint checks (required, type=email) run
// first and the server checks again (PRE_CHAT_INVALID names each field); either way the
// message sits under its field, tied to it by aria-describedby, with aria-invalid set. The
// form has no name of its own (a named form would be a landmark in the host page).

import type { Static } from '@sinclair/typebox';
import type { WidgetKey } from '../../src/core/i18n/widget-en.ts';
import type { PreChatField as PreChatFieldSchema } from '../../src/http/routes/widget-settings-schemas.ts';
import type { WidgetText } from './widget-text.ts';

/** A field of the form as the server describes it (GET /api/v1/widget/settings). */
export type PreChatField = Static<typeof PreChatFieldSchema>;

export type FieldProblem = { readonly key: string; readonly problem: string };

const LABELS: Readonly<Record<string, WidgetKey>> = {
  name: 'fieldName',
  email: 'fieldEmail',
  phone: 'fieldPhone',
  order_id: 'fieldOrderId',
};
const AUTOCOMPLETE: Readonly<Record<string, string>> = {
  name: 'name',
  email: 'email',
  phone: 'tel',
};
const PROBLEMS: Readonly<Record<string, WidgetKey>> = {
  required: 'errorRequired',
  invalid_email: 'errorEmail',
  invalid_phone: 'errorPhone',
  too_long: 'errorTooLong',
};

/**
 * Draws the fields into `form` and calls `start` with the answers once the browser's checks
 * pass; `start` resolves with the server's problems (none: the chat has started).
 */
export function renderPreChatForm(
  form: HTMLFormElement,
  fields: readonly PreChatField[],
  text: WidgetText,
  prefill: Readonly<Record<string, string>>,
  start: (answers: Record<string, string>) => Promise<readonly FieldProblem[]>,
): void {
  form.replaceChildren();
  const intro = document.createElement('p');
  intro.className = 'prechat-intro';
  intro.textContent = text.t('preChatIntro');
  form.append(intro);
  if (fields.some((f) => f.required)) {
    const note = document.createElement('p');
    note.className = 'prechat-note';
    note.textContent = text.t('preChatRequired');
    form.append(note);
  }
  const inputs = fields.map((field) => {
    const id = `prechat-${field.key}`;
    const row = document.createElement('div');
    row.className = 'field';
    const label = document.createElement('label');
    label.htmlFor = id;
    const labelKey = LABELS[field.key];
    label.textContent = field.label ?? (labelKey ? text.t(labelKey) : field.key);
    if (field.required) {
      const mark = document.createElement('span');
      mark.className = 'required-mark';
      mark.setAttribute('aria-hidden', 'true');
      mark.textContent = ' *';
      label.append(mark);
    }
    const input = document.createElement('input');
    input.id = id;
    input.name = field.key;
    input.type = field.type;
    input.required = field.required;
    input.maxLength = 200;
    input.autocomplete = (AUTOCOMPLETE[field.key] ?? 'off') as AutoFill;
    input.value = prefill[field.key] ?? '';
    const error = document.createElement('p');
    error.className = 'field-error';
    error.id = `${id}-error`;
    input.setAttribute('aria-describedby', error.id);
    input.addEventListener('input', () => showProblem(input, error, null, text));
    row.append(label, input, error);
    form.append(row);
    return { field, input, error };
  });
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.className = 'prechat-start';
  submit.textContent = text.t('preChatStart');
  form.append(submit);

  form.onsubmit = (event) => {
    event.preventDefault();
    // The browser's constraint checks first, in the widget's words.
    const local = inputs
      .map(({ field, input }) => ({ key: field.key, problem: nativeProblem(input) }))
      .filter((p): p is FieldProblem => p.problem !== null);
    if (show(local)) return;
    const answers: Record<string, string> = {};
    for (const { field, input } of inputs)
      if (input.value.trim()) answers[field.key] = input.value.trim();
    submit.disabled = true;
    start(answers).then(
      (problems) => {
        submit.disabled = false;
        show(problems);
      },
      () => {
        submit.disabled = false;
      },
    );
  };

  /** Marks each field (clearing the rest) and moves focus to the first at fault. */
  function show(problems: readonly FieldProblem[]): boolean {
    for (const { field, input, error } of inputs) {
      const problem = problems.find((p) => p.key === field.key);
      showProblem(input, error, problem?.problem ?? null, text);
    }
    const first = inputs.find(({ input }) => input.getAttribute('aria-invalid') === 'true');
    first?.input.focus();
    return problems.length > 0;
  }
}

function nativeProblem(input: HTMLInputElement): string | null {
  if (input.required && input.value.trim() === '') return 'required';
  if (input.validity.typeMismatch)
    return input.type === 'email' ? 'invalid_email' : 'invalid_phone';
  return null;
}

function showProblem(
  input: HTMLInputElement,
  error: HTMLElement,
  problem: string | null,
  text: WidgetText,
): void {
  input.setAttribute('aria-invalid', String(problem !== null));
  const key = problem ? PROBLEMS[problem] : undefined;
  error.textContent = problem ? text.t(key ?? 'errorRequired') : '';
}
