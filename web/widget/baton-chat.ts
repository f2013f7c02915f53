// <baton-chat>: the embeddable customer chat. Owns the shadow DOM and the UI state (open,
// composer validation, language); the conversation lives in ChatSession, who has it in
// handoff-state.ts (shown by handoff-view.ts), the transcript in MessageList, the words in
// WidgetText.

import type { ApiError, CustomerEvent } from '../shared/api-types.ts';
import { MAX_MESSAGE_LENGTH } from '../shared/api-types.ts';
import { newClientId } from '../shared/client-id.ts';
import { ApiRequestError } from '../shared/http.ts';
import { signedClaims, visitorIdentity } from './visitor-identity.ts';
import { NO_EXTRAS, PreChatGate, loadWidgetSettings } from './pre-chat-gate.ts';
import type { WidgetSettings } from './pre-chat-gate.ts';
import { TranscriptForm } from './transcript-form.ts';
import { ChatSession } from './chat-session.ts';
import type { ConnectionState } from './chat-session.ts';
import { template } from './chat-template.ts';
import { BOT_STATE, nextHandoffState } from './handoff-state.ts';
import type { HandoffState } from './handoff-state.ts';
import { handoffParts, renderHandoff } from './handoff-view.ts';
import type { HandoffParts } from './handoff-view.ts';
import { MessageList } from './message-list.ts';
import { ReadReporter } from './read-reporter.ts';
import { wireEmojiPicker } from './emoji-picker.ts';
import { TYPING_SHOWN_MS, TypingReporter } from '../shared/typing.ts';
import { loadPanelOpen, savePanelOpen } from './stored-session.ts';
import { followBottomOnResize } from './follow-bottom.ts';
import { styles } from './styles.ts';
import { WidgetText } from './widget-text.ts';
import { pickWidgetLanguage } from '../../src/core/i18n/widget-language.ts';

function part<T extends Element>(root: ShadowRoot, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`baton-chat: template is missing ${selector}`);
  return found;
}

function errorText(error: ApiError, text: WidgetText): string {
  if (error.code === 'MESSAGE_TOO_LONG' || error.code === 'PAYLOAD_TOO_LARGE') {
    return text.t('tooLongShort', { limit: text.number(MAX_MESSAGE_LENGTH) });
  }
  return error.message || text.t('somethingWrong');
}

export class BatonChatElement extends HTMLElement {
  static observedAttributes = ['title', 'server', 'lang'];
  /** Origin of the script that defined the element: the default `server`. */
  static defaultServer = location.origin;

  readonly #root = this.attachShadow({ mode: 'open' });
  readonly #launcher: HTMLButtonElement;
  readonly #panel: HTMLElement;
  readonly #log: HTMLElement;
  readonly #text = new WidgetText();
  readonly #input: HTMLTextAreaElement;
  readonly #send: HTMLButtonElement;
  readonly #attach: HTMLButtonElement;
  readonly #file: HTMLInputElement;
  readonly #handoffParts: HandoffParts;
  readonly #composerError: HTMLElement;
  readonly #connection: HTMLElement;
  readonly #messages: MessageList;
  readonly #typing: HTMLElement;
  #typingTimer: ReturnType<typeof setTimeout> | null = null;
  /** Reports the customer's typing, only while a person owns the conversation. */
  readonly #reporter = new TypingReporter((active) => {
    if (this.#handoff.mode === 'joined' || !active) this.#session?.typing(active);
  });
  #session: ChatSession | null = null;
  /** Marks the agents' messages read while the customer can see them. */
  readonly #reads = new ReadReporter((upToSeq) => this.#session?.read(upToSeq) ?? false);
  readonly #onVisibility = () => this.#reportRead();
  #handoff: HandoffState = BOT_STATE;
  #pendingTexts = new Map<string, string>();
  /** The conversation's language, once the server has one (given or detected). */
  #conversationLanguage: string | null = null;
  /** The server's widget options; asked for when the element connects. */
  #settings: Promise<WidgetSettings> = Promise.resolve(NO_EXTRAS);
  readonly #preChat: PreChatGate;
  readonly #transcript: TranscriptForm;
  /** The email the visitor gave in the pre-chat form, to prefill "Email me this conversation". */
  #givenEmail = '';

  constructor() {
    super();
    const style = document.createElement('style');
    style.textContent = styles;
    const body = document.createElement('template');
    body.innerHTML = template;
    this.#root.append(style, body.content);
    this.#launcher = part(this.#root, '.launcher');
    this.#panel = part(this.#root, '.panel');
    this.#log = part(this.#root, '.log');
    this.#input = part(this.#root, 'textarea');
    this.#send = part(this.#root, '.send');
    this.#attach = part(this.#root, '.attach');
    this.#file = part(this.#root, '.file');
    this.#handoffParts = handoffParts(<T extends Element>(s: string) => part<T>(this.#root, s));
    this.#composerError = part(this.#root, '.composer-error');
    this.#connection = part(this.#root, '.connection');
    this.#typing = part(this.#root, '.typing');
    this.#transcript = new TranscriptForm(
      <T extends Element>(s: string) => part<T>(this.#root, s),
      this.#text,
      () => this.#givenEmail || this.getAttribute('customer-email') || '',
      (email) => this.#session?.emailTranscript(email) ?? Promise.resolve(),
    );
    this.#preChat = new PreChatGate({
      form: part(this.#root, '.prechat'),
      // Nothing to read yet: the form gets the room.
      replaced: ['.log', '.handoff', '.composer'].map((q) => part<HTMLElement>(this.#root, q)),
      text: this.#text,
      start: (answers) => this.#session?.ensureStarted(answers) ?? Promise.resolve(),
      started: (answers) => {
        this.#givenEmail = answers.email ?? '';
        void this.#settings.then((settings) => this.#showTranscriptOption(settings));
        this.#input.focus();
      },
      failed: () => {
        this.#composerError.textContent = this.#text.t('startFailed');
      },
    });
    this.#messages = new MessageList(
      part(this.#root, '.rows'),
      {
        onChoose: (choice) => this.#choose(choice.id, choice.label),
        rate: (rating, comment) => this.#session?.rate(rating, comment) ?? Promise.resolve(),
      },
      this.#text,
    );
    followBottomOnResize(this.#log, part(this.#root, '.rows'));
    this.#wire();
  }

  get server(): string {
    const url = new URL(
      this.getAttribute('server') || BatonChatElement.defaultServer,
      location.href,
    );
    // A trailing slash makes relative API paths resolve under a sub-path install too.
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    return url.toString();
  }

  connectedCallback(): void {
    this.#renderWords();
    this.#settings = this.#loadSettings();
    void this.#chooseLanguage();
    this.#startSession();
    if (loadPanelOpen(this.server)) this.#setOpen(true, false);
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  disconnectedCallback(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#session?.stop();
    this.#session = null;
  }

  attributeChangedCallback(name: string, previous: string | null, next: string | null): void {
    if (name === 'title') this.#renderWords();
    if (name === 'lang' && this.isConnected) void this.#chooseLanguage();
    if (name === 'server' && previous !== next && this.isConnected) {
      this.#settings = this.#loadSettings();
      this.#startSession();
    }
  }

  /** The server's options, and the emailed copy's button once they are known. */
  async #loadSettings(): Promise<WidgetSettings> {
    const language = pickWidgetLanguage([this.getAttribute('lang'), ...navigator.languages]);
    const settings = await loadWidgetSettings(this.server, language);
    this.#showTranscriptOption(settings);
    return settings;
  }

  /**
   * The widget's language: the page's `lang` attribute on <baton-chat>, else the
   * conversation's language once the server has one, else the browser's languages; the
   * first Baton speaks wins, English when none does (docs/web.md, "Languages").
   */
  async #chooseLanguage(): Promise<void> {
    const language = pickWidgetLanguage([
      this.getAttribute('lang'),
      this.#conversationLanguage,
      ...navigator.languages,
    ]);
    if (await this.#text.use(language, this.server)) this.#renderWords();
  }

  /** Every fixed word of the widget, in its language (the transcript's rows keep theirs). */
  #renderWords(): void {
    const t = (key: Parameters<WidgetText['t']>[0]) => this.#text.t(key);
    const set = (selector: string, text: string) => {
      part<HTMLElement>(this.#root, selector).textContent = text;
    };
    this.#panel.lang = this.#text.language;
    set('.title', this.getAttribute('title') || t('title'));
    set('.launcher-label', this.#panel.hidden ? t('openChat') : t('closeChat'));
    part(this.#root, '.close').setAttribute('aria-label', t('closeChat'));
    this.#log.setAttribute('aria-label', t('messagesLabel'));
    set('.human-label', t('talkToHuman'));
    set('.restart', t('restart'));
    set('.input-label', t('messageLabel'));
    this.#input.placeholder = t('placeholder');
    this.#send.setAttribute('aria-label', t('send'));
    this.#attach.setAttribute('aria-label', t('attachFile'));
    part(this.#root, '.emoji-button').setAttribute('aria-label', t('emoji'));
    part(this.#root, '.emoji-grid').setAttribute('aria-label', t('emojiList'));
    this.#file.setAttribute('aria-label', t('attachFile'));
    set('.footer', t('poweredBy'));
    this.#transcript.renderWords();
    this.#connection.textContent = t('offline');
    renderHandoff(this.#handoffParts, this.#handoff, this.#text, this.server);
  }

  #startSession(): void {
    this.#session?.stop();
    this.#resetView();
    const session = new ChatSession(
      this.server,
      {
        onEvent: (event) => this.#onEvent(event),
        onAck: (cid, seq) => this.#messages.markSent(cid, seq),
        onSendError: (cid, error) => this.#onSendError(cid, error),
        onConnection: (state) => this.#onConnection(state),
        onTyping: (name, active) => this.#showTyping(name, active),
        onReset: () => {
          this.#resetView();
          if (!this.#panel.hidden) void this.#ensureStarted();
        },
        onLanguage: (language) => {
          this.#conversationLanguage = language;
          void this.#chooseLanguage();
        },
      },
      visitorIdentity(this),
      () => this.getAttribute('lang'),
    );
    this.#session = session;
    if (session.hasConversation) void session.resume();
  }

  #wire(): void {
    this.#launcher.addEventListener('click', () => this.#setOpen(this.#panel.hidden, true));
    part(this.#root, '.close').addEventListener('click', () => this.#setOpen(false, true));
    this.#panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.#setOpen(false, true);
    });
    part<HTMLFormElement>(this.#root, '.composer').addEventListener('submit', (event) => {
      event.preventDefault();
      this.#submit();
    });
    this.#input.addEventListener('keydown', (event) => {
      // Enter sends, Shift+Enter breaks the line; never while an IME is composing.
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.#submit();
      }
    });
    this.#input.addEventListener('input', () => {
      this.#validate();
      this.#reporter.draftChanged(this.#input.value);
    });
    this.#attach.addEventListener('click', () => {
      if (this.#handoff.mode === 'closed') {
        this.#composerError.textContent = this.#text.t('conversationOver');
        return;
      }
      this.#file.click();
    });
    this.#file.addEventListener('change', () => {
      const file = this.#file.files?.[0];
      this.#file.value = ''; // the same file may be chosen again
      if (file) void this.#sendFile(file);
    });
    wireEmojiPicker(
      part(this.#root, '.emoji-button'),
      part(this.#root, '.emoji-grid'),
      this.#input,
    );
    this.#handoffParts.human.addEventListener('click', () => this.#requestHuman());
    this.#handoffParts.restart.addEventListener('click', () => {
      this.#session?.startOver();
      void this.#ensureStarted();
      this.#input.focus();
    });
  }

  #setOpen(open: boolean, userAction: boolean): void {
    this.#panel.hidden = !open;
    this.#launcher.setAttribute('aria-expanded', String(open));
    part(this.#root, '.launcher-label').textContent = this.#text.t(open ? 'closeChat' : 'openChat');
    savePanelOpen(this.server, open);
    if (open) {
      part<HTMLElement>(this.#root, '.unread').hidden = true;
      void this.#ensureStarted();
      this.#scrollToEnd();
      this.#reportRead();
      if (userAction) this.#input.focus();
    } else if (userAction) {
      this.#launcher.focus();
    }
  }

  async #ensureStarted(): Promise<void> {
    const session = this.#session;
    if (!session) return;
    const settings = await this.#settings;
    // A signed visitor is not asked what the host site's signature already says.
    const known = signedClaims(visitorIdentity(this));
    const fields = (settings.preChatForm?.fields ?? []).filter((f) => !known[f.key]);
    if (!session.hasConversation && fields.length > 0) {
      const prefill: Record<string, string> = {};
      for (const key of ['name', 'email'])
        prefill[key] = this.getAttribute(`customer-${key}`) ?? '';
      this.#preChat.show(fields, settings.preChatForm?.fields ?? fields, prefill);
      return;
    }
    try {
      await session.ensureStarted();
      this.#showTranscriptOption(settings);
    } catch {
      this.#composerError.textContent = this.#text.t('startFailed');
    }
  }

  #showTranscriptOption(settings: WidgetSettings): void {
    this.#transcript.offer(settings.transcriptByEmail && Boolean(this.#session?.hasConversation));
  }

  #validate(): boolean {
    this.#input.style.height = 'auto';
    this.#input.style.height = `${Math.min(this.#input.scrollHeight + 2, 120)}px`;
    const length = this.#input.value.length;
    const tooLong = length > MAX_MESSAGE_LENGTH;
    this.#input.setAttribute('aria-invalid', String(tooLong));
    this.#send.disabled = tooLong;
    this.#composerError.textContent = tooLong
      ? this.#text.t('tooLong', {
          length: this.#text.number(length),
          limit: this.#text.number(MAX_MESSAGE_LENGTH),
        })
      : '';
    return !tooLong;
  }

  #submit(): void {
    const text = this.#input.value.trim();
    if (!text || !this.#validate() || !this.#session) return;
    if (this.#handoff.mode === 'closed') {
      this.#composerError.textContent = this.#text.t('conversationOver');
      return;
    }
    const cid = this.#session.sendText(text);
    this.#pendingTexts.set(cid, text);
    this.#messages.addPending(cid, { from: 'customer', text, clientMessageId: cid });
    this.#input.value = '';
    this.#reporter.stopped();
    this.#validate();
    this.#scrollToEnd();
  }

  /** Shows the file at once (an image as its thumbnail), then uploads it. */
  async #sendFile(file: File): Promise<void> {
    const cid = newClientId();
    const kind = file.type.startsWith('image/') ? 'image' : 'document';
    const preview = /^image\/(png|jpeg|gif|webp)$/.test(file.type)
      ? await dataUrl(file)
      : undefined;
    const media = [{ kind, ref: '', fileName: file.name, mimeType: file.type }];
    this.#messages.addPending(cid, { from: 'customer', clientMessageId: cid, media }, preview);
    this.#scrollToEnd();
    await this.#upload(file, cid);
  }

  /** Uploads under the row's id (a retry is stored once); a refusal shows the server's words. */
  async #upload(file: File, cid: string): Promise<void> {
    try {
      await this.#session?.sendFile(file, cid);
    } catch (error) {
      const refused = error instanceof ApiRequestError ? error : null;
      // Too large or the wrong type stays so: no retry; anything else may pass next time.
      const final = refused?.status === 413 || refused?.status === 415;
      this.#messages.markFailed(
        cid,
        refused ? errorText(refused, this.#text) : this.#text.t('somethingWrong'),
        final ? null : () => void this.#upload(file, cid),
      );
    }
  }

  /** "Alex is typing…" until they stop, send, or go quiet for TYPING_SHOWN_MS. */
  #showTyping(name: string, active: boolean): void {
    if (this.#typingTimer) clearTimeout(this.#typingTimer);
    this.#typingTimer = null;
    this.#typing.hidden = !active || this.#handoff.mode !== 'joined';
    if (this.#typing.hidden) {
      this.#typing.textContent = '';
      return;
    }
    this.#typing.textContent = this.#text.t('typing', {
      name: name || this.#text.t('agentFallback'),
    });
    this.#typingTimer = setTimeout(() => this.#showTyping(name, false), TYPING_SHOWN_MS);
  }

  #choose(choice: string, label: string): void {
    if (!this.#session) return;
    const cid = this.#session.choose(choice);
    this.#pendingTexts.set(cid, label);
    this.#messages.addPending(cid, { from: 'customer', text: label, clientMessageId: cid });
    this.#scrollToEnd();
  }

  #requestHuman(): void {
    if (!this.#session || this.#handoff.mode !== 'bot') return;
    this.#session.requestHuman();
    this.#setHandoff({ ...BOT_STATE, mode: 'requested' });
  }

  /** The panel open on a visible page: what the agents wrote is read. */
  #reportRead(): void {
    this.#reads.report(!this.#panel.hidden && document.visibilityState === 'visible');
  }

  #onEvent(event: CustomerEvent): void {
    this.#messages.addEvent(event);
    this.#reads.seen(event);
    this.#reportRead();
    // Every event, live or replayed after a reload, moves the same state the same way.
    this.#setHandoff(nextHandoffState(this.#handoff, event));
    // Handed over: the server has decided the conversation's language by now (given, or
    // detected from the customer's words) and speaks it from here on; so does the widget.
    if (event.type === 'conversation.handed_over' && this.#conversationLanguage === null) {
      void this.#session?.readLanguage();
    }
    if (event.type === 'message.created') {
      if (event.data.clientMessageId) this.#pendingTexts.delete(event.data.clientMessageId);
      // Their message arrived: they are no longer typing it.
      if (event.data.from === 'agent') this.#showTyping('', false);
      if (event.data.from !== 'customer' && this.#panel.hidden) {
        part<HTMLElement>(this.#root, '.unread').hidden = false;
      }
    }
    this.#scrollToEnd();
  }

  #onSendError(cid: string, error: ApiError): void {
    const text = this.#pendingTexts.get(cid);
    if (text === undefined) {
      // The "Talk to a human" action failed: offer the button again.
      if (this.#handoff.mode === 'requested') this.#setHandoff(BOT_STATE);
      this.#composerError.textContent = this.#text.t('humanFailed', {
        error: errorText(error, this.#text),
      });
      return;
    }
    const retryable = error.code !== 'MESSAGE_TOO_LONG' && error.code !== 'PAYLOAD_TOO_LARGE';
    this.#messages.markFailed(
      cid,
      errorText(error, this.#text),
      retryable ? () => this.#session?.retry(cid, text) : null,
    );
  }

  #onConnection(state: ConnectionState): void {
    this.#connection.hidden = state !== 'offline';
    if (state === 'open') this.#reportRead();
    this.#connection.textContent = this.#text.t('offline');
  }

  #setHandoff(state: HandoffState): void {
    this.#handoff = state;
    if (state.mode !== 'joined') this.#showTyping('', false);
    renderHandoff(this.#handoffParts, state, this.#text, this.server);
  }

  #resetView(): void {
    this.#preChat.hide();
    this.#transcript.offer(false);
    this.#messages.clear();
    this.#reads.reset();
    this.#pendingTexts.clear();
    this.#composerError.textContent = '';
    this.#setHandoff(BOT_STATE);
  }

  #scrollToEnd(): void {
    this.#log.scrollTop = this.#log.scrollHeight;
  }
}

/** The file as a data: URL (Baton's pages allow images from data:, not from blob:). */
function dataUrl(file: File): Promise<string | undefined> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => resolve(undefined);
    reader.readAsDataURL(file);
  });
}
