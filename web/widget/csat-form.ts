// After resolution: "How did we do?" as five star buttons and an optional comment. The
// rating is sent once; the server keeps only the first one anyway. The form has no name of
// its own (a named form is a landmark, and the widget adds none to the host page): the star
// group carries it.

import type { WidgetText } from './widget-text.ts';

export function csatForm(
  rate: (rating: number, comment: string) => Promise<void>,
  text: WidgetText,
): HTMLElement {
  const form = document.createElement('form');
  form.className = 'csat';
  const stars = document.createElement('div');
  stars.className = 'stars';
  stars.setAttribute('role', 'radiogroup');
  stars.setAttribute('aria-label', text.t('rateConversation'));
  let rating = 0;
  const buttons = [1, 2, 3, 4, 5].map((n) => {
    const star = document.createElement('button');
    star.type = 'button';
    star.className = 'star';
    star.textContent = '★';
    star.setAttribute('role', 'radio');
    star.setAttribute('aria-checked', 'false');
    star.setAttribute('aria-label', n === 1 ? text.t('oneStar') : text.t('manyStars', { n }));
    star.addEventListener('click', () => {
      rating = n;
      buttons.forEach((b, i) => {
        b.classList.toggle('is-on', i < n);
        b.setAttribute('aria-checked', String(i === n - 1));
      });
      submit.disabled = false;
    });
    return star;
  });
  stars.append(...buttons);
  const comment = document.createElement('textarea');
  comment.className = 'csat-comment';
  comment.rows = 2;
  comment.maxLength = 2000;
  comment.placeholder = text.t('commentPlaceholder');
  comment.setAttribute('aria-label', text.t('commentLabel'));
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.className = 'csat-send';
  submit.textContent = text.t('sendRating');
  submit.disabled = true;
  const note = document.createElement('p');
  note.className = 'csat-note';
  note.setAttribute('role', 'status');
  form.append(stars, comment, submit, note);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (rating === 0) return;
    submit.disabled = true;
    rate(rating, comment.value.trim()).then(
      () => markRated(form, text),
      () => {
        submit.disabled = false;
        note.textContent = text.t('ratingFailed');
      },
    );
  });
  return form;
}

/** The rating is in (sent here, or earlier on another page load): thank and lock. */
export function markRated(form: Element, text: WidgetText): void {
  for (const control of form.querySelectorAll<HTMLButtonElement | HTMLTextAreaElement>(
    'button, textarea',
  )) {
    control.disabled = true;
  }
  const note = form.querySelector('.csat-note');
  if (note) note.textContent = text.t('ratingThanks');
}
