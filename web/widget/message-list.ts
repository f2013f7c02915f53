// The transcript inside the widget. Rows are placed by seq, so an event that arrives late
// (after a reconnect) still lands in its place; optimistic rows wait at the end until the
// server gives them a seq. All text that people wrote goes in with textContent only.

import type { CustomerEvent, CustomerMessageData } from '../shared/api-types.ts';
import { choiceGroup, closeChoices, type ChoiceOption } from './choice-buttons.ts';
import { csatForm, markRated } from './csat-form.ts';
import type { WidgetText } from './widget-text.ts';

export interface MessageListHooks {
  /** A choice button was pressed. */
  onChoose: (choice: ChoiceOption) => void;
  /** The customer rated the conversation. */
  rate: (rating: number, comment: string) => Promise<void>;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function timeLabel(iso: string, language: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
}

export class MessageList {
  readonly #list: HTMLOListElement;
  readonly #hooks: MessageListHooks;
  readonly #text: WidgetText;
  /** The agents have seen the customer's messages up to this seq (`message.read`). */
  #readUpTo = 0;
  /** The row that says "Read" now, and what it said before. */
  #readRow: { row: HTMLElement; before: string } | null = null;

  constructor(list: HTMLOListElement, hooks: MessageListHooks, text: WidgetText) {
    this.#list = list;
    this.#hooks = hooks;
    this.#text = text;
  }

  clear(): void {
    this.#list.replaceChildren();
    this.#readUpTo = 0;
    this.#readRow = null;
  }

  /** Renders one accepted event; events without anything to show are ignored. */
  addEvent(event: CustomerEvent): void {
    // Not a switch: the customer's events are a union of every registry type, and most show
    // nothing here (the server's own messages say what happened).
    if (event.type === 'message.created') {
      const data = event.data;
      // An answer (or a newer question) closes the buttons offered before it.
      if (data.choice !== undefined || (data.choices?.length && data.from !== 'customer')) {
        this.#closeChoicesBefore(event.seq, data.choice);
      }
      const cid = data.clientMessageId;
      const pending = cid ? this.#byCid(cid) : null;
      if (pending) {
        this.#settle(pending, event.seq);
        this.#place(pending, event.seq);
        return;
      }
      this.#place(this.#messageRow(data, event.at), event.seq);
    } else if (event.type === 'conversation.assigned') {
      // No divider: the server's own message says who joined (shown once, not twice).
      this.#closeChoicesBefore(Infinity);
    } else if (event.type === 'conversation.resolved') {
      this.#closeChoicesBefore(Infinity);
      this.#place(this.#divider(this.#text.t('resolved')), event.seq);
    } else if (event.type === 'message.read') {
      if (event.data.by === 'agent' && event.data.upToSeq > this.#readUpTo) {
        this.#readUpTo = event.data.upToSeq;
        this.#showRead();
      }
    } else if (event.type === 'csat.submitted') {
      for (const form of this.#list.querySelectorAll('.csat')) markRated(form, this.#text);
    } else if (event.type === 'conversation.returned_to_bot') {
      // A line the customer cannot miss: from here on the assistant answers again.
      this.#place(this.#divider(this.#text.t('assistantBack')), event.seq);
    }
  }

  #closeChoicesBefore(seq: number, chosen?: string): void {
    for (const group of this.#list.querySelectorAll('.choices')) {
      const row = group.closest('li');
      if (Number(row?.dataset.seq ?? Infinity) < seq) closeChoices(group, chosen);
    }
  }

  /**
   * Shows a customer message before the server has stored it; `preview` is the data: URL
   * of an image being sent, kept as its thumbnail once stored.
   */
  addPending(clientMessageId: string, data: CustomerMessageData, preview?: string): void {
    const row = this.#messageRow(data, new Date().toISOString(), preview);
    row.dataset.cid = clientMessageId;
    row.classList.add('is-pending');
    row.querySelector('.state')?.replaceChildren(this.#text.t('sending'));
    this.#list.append(row);
    this.#markContinuation(row);
  }

  markSent(clientMessageId: string, seq: number): void {
    const row = this.#byCid(clientMessageId);
    if (row) this.#settle(row, seq);
  }

  markFailed(clientMessageId: string, message: string, retry: (() => void) | null): void {
    const row = this.#byCid(clientMessageId);
    if (!row) return;
    row.classList.remove('is-pending');
    row.classList.add('is-failed');
    const state = row.querySelector('.state');
    if (!state) return;
    state.replaceChildren(el('span', '', this.#text.t('notSent', { error: message })));
    if (retry) {
      const button = el('button', 'retry', this.#text.t('retry'));
      button.type = 'button';
      button.addEventListener('click', () => {
        row.classList.remove('is-failed');
        row.classList.add('is-pending');
        state.replaceChildren(this.#text.t('sending'));
        retry();
      });
      state.append(' ', button);
    }
  }

  #settle(row: HTMLLIElement, seq: number): void {
    row.dataset.seq = String(seq);
    row.classList.remove('is-pending', 'is-failed');
    row.querySelector('.state')?.replaceChildren(this.#text.t('sent'));
    if (seq <= this.#readUpTo) this.#showRead();
  }

  /** "Read" under the customer's last message the agents have seen (one row, never more). */
  #showRead(): void {
    let last: HTMLElement | null = null;
    for (const row of this.#list.querySelectorAll<HTMLElement>('.row--customer[data-seq]')) {
      if (Number(row.dataset.seq) <= this.#readUpTo) last = row;
    }
    const state = last?.querySelector('.state');
    if (!last || !state) return;
    if (this.#readRow && this.#readRow.row !== last) {
      this.#readRow.row.querySelector('.state')?.replaceChildren(this.#readRow.before);
    }
    if (this.#readRow?.row !== last) this.#readRow = { row: last, before: state.textContent };
    state.replaceChildren(this.#text.t('read'));
  }

  #byCid(cid: string): HTMLLIElement | null {
    for (const row of this.#list.children) {
      if (row instanceof HTMLLIElement && row.dataset.cid === cid) return row;
    }
    return null;
  }

  #place(row: HTMLLIElement, seq: number): void {
    row.dataset.seq = String(seq);
    let before: Element | null = null;
    for (const other of this.#list.children) {
      if (other === row) continue;
      const otherSeq = (other as HTMLElement).dataset.seq;
      // Rows without a seq are still pending and belong after every stored one.
      if (otherSeq === undefined || Number(otherSeq) > seq) {
        before = other;
        break;
      }
    }
    if (before) this.#list.insertBefore(row, before);
    else this.#list.append(row);
    this.#markContinuation(row);
  }

  /** Consecutive rows from the same sender show the name only once. */
  #markContinuation(row: HTMLLIElement): void {
    const previous = row.previousElementSibling as HTMLElement | null;
    row.classList.toggle('is-continued', previous?.dataset.sender === row.dataset.sender);
    const next = row.nextElementSibling as HTMLElement | null;
    next?.classList.toggle('is-continued', next.dataset.sender === row.dataset.sender);
  }

  #messageRow(data: CustomerMessageData, at: string, preview?: string): HTMLLIElement {
    const row = el('li', `row row--${data.from}`);
    if (data.from === 'system') {
      row.dataset.sender = 'system';
      row.append(el('p', 'notice', data.text ?? ''));
      if (data.kind === 'csat_request') row.append(csatForm(this.#hooks.rate, this.#text));
      return row;
    }
    const t = this.#text;
    const name =
      data.from === 'customer'
        ? t.t('you')
        : data.from === 'bot'
          ? t.t('assistant')
          : data.agentName || t.t('agentFallback');
    row.dataset.sender = `${data.from}:${name}`;
    const meta = el('div', 'meta');
    meta.append(el('span', 'name', name));
    if (data.from === 'bot') meta.append(el('span', 'badge', t.t('automatedBadge')));
    if (data.from === 'agent') meta.append(el('span', 'badge badge--human', t.t('humanBadge')));
    meta.append(el('time', 'time', timeLabel(at, t.language)));
    const text = data.action === 'request_human' && !data.text ? t.t('askedForPerson') : data.text;
    const files = data.media ?? [];
    // A file alone says "[image]" for the inbox's preview; here the file shows instead.
    const bubble = el(
      'div',
      'bubble',
      files.length && /^\[[\w, ]+\]$/.test(text ?? '') ? '' : text,
    );
    for (const file of files) bubble.append(this.#file(file, preview));
    if (data.action === 'request_human') bubble.classList.add('bubble--action');
    row.append(meta, bubble);
    if (data.article) row.append(el('p', 'source', t.t('source', { title: data.article.title })));
    if (data.choices?.length && data.from !== 'customer') {
      row.append(choiceGroup(data.choices, this.#hooks.onChoose, t.t('chooseOption')));
    }
    if (data.from === 'customer') row.append(el('div', 'state'));
    return row;
  }

  /** The customer's file: the thumbnail of an image just sent from here, else its name. */
  #file(file: NonNullable<CustomerMessageData['media']>[number], preview?: string): HTMLElement {
    const name = file.fileName ?? file.kind;
    if (!preview) return el('span', 'file-name', `📎 ${name}`);
    const image = el('img', 'shot');
    image.src = preview;
    image.alt = name;
    return image;
  }

  #divider(text: string): HTMLLIElement {
    const row = el('li', 'row row--divider');
    row.dataset.sender = 'divider';
    row.append(el('span', '', text));
    return row;
  }
}
