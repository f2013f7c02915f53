// The customer's side of one conversation, without any DOM: create or resume it, keep a
// resumable stream open, send messages idempotently (clientMessageId) and report every
// event exactly once, in the order the tracker accepts them. A message refused for the
// conversation's message rate is sent again, under the same id, once the server says it may.

import type { Static } from '@sinclair/typebox';
import type { CustomerFrameSchema } from '../../src/http/realtime/socket-frame-schemas.ts';
import type {
  ApiError,
  CustomerEvent,
  CustomerConversation,
  ServerFrame,
} from '../shared/api-types.ts';
import { newClientId } from '../shared/client-id.ts';
import { ApiRequestError, requestJson, wsUrl } from '../shared/http.ts';
import { ReconnectingSocket } from '../shared/reconnecting-socket.ts';
import { SeqTracker } from '../shared/seq-tracker.ts';
import { clearSession, loadSession, saveSession } from './stored-session.ts';
import type { StoredSession } from './stored-session.ts';
import { visitorKey } from './visitor-identity.ts';

export type ConnectionState = 'idle' | 'connecting' | 'open' | 'offline';

export interface ChatSessionCallbacks {
  onEvent: (event: CustomerEvent) => void;
  onAck: (clientMessageId: string, seq: number) => void;
  onSendError: (clientMessageId: string, error: ApiError) => void;
  onConnection: (state: ConnectionState) => void;
  /** The stored conversation no longer exists on the server; the view starts afresh. */
  onReset: () => void;
  /** The agent is typing (name) or stopped. */
  onTyping: (name: string, active: boolean) => void;
  /** The conversation has a language (given at the start, or detected from the customer's words). */
  onLanguage: (language: string) => void;
}

/** What the customer's socket may send (src/http/realtime/socket-frame-schemas.ts). */
type CustomerFrame = Static<typeof CustomerFrameSchema>;
/** A frame the server acknowledges: the widget always gives it an id, to send it again. */
type ClientFrame = Extract<CustomerFrame, { type: 'message' | 'action' }> & {
  clientMessageId: string;
};

/** When a refusal for the message rate does not say how long to wait. */
const RATE_LIMITED_RETRY_MS = 1000;

/**
 * Who the host page says the visitor is, and its signature of that (userHash or
 * identityToken, docs/security.md#verified-customer-identity), sent when the chat starts.
 */
export interface VisitorIdentity {
  readonly customer?: Readonly<Record<string, string>>;
  readonly userHash?: string;
  readonly identityToken?: string;
}

/**
 * What POST /api/v1/conversations answers (create-conversation.ts): written out here because
 * the route's schema types each event's data as a plain object; these are the core's.
 */
interface CreateResponse {
  conversation: CustomerConversation;
  token: string;
  events: CustomerEvent[];
}

export class ChatSession {
  readonly #server: string;
  readonly #callbacks: ChatSessionCallbacks;
  #stored: StoredSession | null;
  #tracker = new SeqTracker();
  #socket: ReconnectingSocket<CustomerEvent, CustomerFrame> | null = null;
  #creating: Promise<void> | null = null;
  /** Frames sent but not yet acknowledged; re-sent after a reconnect (the server dedupes). */
  readonly #unacked = new Map<string, ClientFrame>();

  readonly #identity: VisitorIdentity;
  /** The language the host page sets (`lang`), given to the server when the chat starts. */
  readonly #language: () => string | null;

  constructor(
    server: string,
    callbacks: ChatSessionCallbacks,
    identity: VisitorIdentity = {},
    language: () => string | null = () => null,
  ) {
    this.#server = server;
    this.#callbacks = callbacks;
    this.#identity = identity;
    this.#language = language;
    const stored = loadSession(server);
    // Another person logged in on this browser must not continue the last one's conversation.
    if (stored && stored.visitor !== visitorKey(identity)) clearSession(server);
    this.#stored = stored && stored.visitor === visitorKey(identity) ? stored : null;
  }

  get hasConversation(): boolean {
    return this.#stored !== null;
  }

  /** Shows the stored conversation again after a page load. */
  async resume(): Promise<void> {
    const stored = this.#stored;
    if (!stored) return;
    try {
      // The page is new, so the whole transcript is needed for display, not only what
      // came after the stored lastSeq; the stream then resumes from the fetched end.
      const { events } = await requestJson<{ events: CustomerEvent[] }>(
        this.#url(`conversations/${encodeURIComponent(stored.id)}/events?since=0`),
        { token: stored.token },
      );
      this.#applyAll(events);
      void this.readLanguage();
    } catch (error) {
      if (error instanceof ApiRequestError && [401, 403, 404].includes(error.status)) {
        this.#forgetStored();
        return;
      }
      // Offline or server down: the stream will fetch everything once it connects.
    }
    this.#openStream();
  }

  /**
   * Creates the conversation on first use; a no-op when one exists. `preChat`: the pre-chat
   * form's answers (a refusal rejects with the fields at fault).
   */
  async ensureStarted(preChat?: Readonly<Record<string, string>>): Promise<void> {
    if (this.#stored) return;
    this.#creating ??= this.#create(preChat).finally(() => {
      this.#creating = null;
    });
    return this.#creating;
  }

  /** Reads the conversation's language (the server may have detected it) and reports it. */
  async readLanguage(): Promise<void> {
    const stored = this.#stored;
    if (!stored) return;
    try {
      const { conversation } = await requestJson<{ conversation: CustomerConversation }>(
        this.#url(`conversations/${encodeURIComponent(stored.id)}`),
        { token: stored.token },
      );
      if (conversation.language) this.#callbacks.onLanguage(conversation.language);
    } catch {
      // Only a hint: the widget keeps the language it has.
    }
  }

  /** Sends customer text; returns its clientMessageId for the optimistic bubble. */
  sendText(text: string): string {
    const clientMessageId = newClientId();
    this.#send({ type: 'message', text, clientMessageId });
    return clientMessageId;
  }

  requestHuman(): string {
    const clientMessageId = newClientId();
    this.#send({ type: 'action', action: 'request_human', clientMessageId });
    return clientMessageId;
  }

  /** Answers a message that offered choices (a button press); returns its clientMessageId. */
  choose(choice: string): string {
    const clientMessageId = newClientId();
    this.#send({ type: 'action', action: 'choose', choice, clientMessageId });
    return clientMessageId;
  }

  /**
   * Sends a file as the customer's message (POST …/attachments) under `clientMessageId`;
   * rejects with the server's ApiRequestError when it is refused (too large, wrong type).
   */
  async sendFile(file: File, clientMessageId: string): Promise<void> {
    await this.ensureStarted();
    const stored = this.#stored;
    if (!stored) return;
    const form = new FormData();
    form.append('clientMessageId', clientMessageId);
    form.append('file', file, file.name);
    const answer = await requestJson<{ events: CustomerEvent[] }>(
      this.#url(`conversations/${encodeURIComponent(stored.id)}/attachments`),
      { token: stored.token, body: form },
    );
    this.#applyAll(answer.events);
  }

  /** Asks for a plain-text copy of the conversation at `email` (queued by the server). */
  async emailTranscript(email: string): Promise<void> {
    const stored = this.#stored;
    if (!stored) return;
    await requestJson(this.#url(`conversations/${encodeURIComponent(stored.id)}/transcript`), {
      token: stored.token,
      body: { email },
    });
  }

  /** Rates the resolved conversation (1–5, optional comment); the first rating counts. */
  async rate(rating: number, comment: string): Promise<void> {
    const stored = this.#stored;
    if (!stored) return;
    await requestJson(this.#url(`conversations/${encodeURIComponent(stored.id)}/csat`), {
      token: stored.token,
      body: comment ? { rating, comment } : { rating },
    });
  }

  /** Tells the agent the customer is typing or stopped; dropped when offline (it is only a hint). */
  typing(active: boolean): void {
    this.#socket?.send({ type: 'typing', active });
  }

  /** Marks the agents' messages up to `upToSeq` read; false when offline (sent later). */
  read(upToSeq: number): boolean {
    return this.#socket?.send({ type: 'read', upToSeq }) ?? false;
  }

  /** Sends a failed message again under the same id, so it is stored at most once. */
  retry(clientMessageId: string, text: string): void {
    this.#send({ type: 'message', text, clientMessageId });
  }

  /** Leaves the current conversation (after it was resolved) so the next open starts anew. */
  startOver(): void {
    this.#forgetStored();
  }

  stop(): void {
    this.#socket?.stop();
    this.#socket = null;
  }

  async #create(preChat?: Readonly<Record<string, string>>): Promise<void> {
    const language = this.#language();
    const created = await requestJson<CreateResponse>(this.#url('conversations'), {
      body: {
        channel: 'web',
        ...this.#identity,
        ...(language ? { language } : {}),
        ...(preChat ? { preChat } : {}),
      },
    });
    // Read when the chat starts, not when the element connected: the page may set it later.
    if (created.conversation.language) this.#callbacks.onLanguage(created.conversation.language);
    this.#stored = {
      id: created.conversation.id,
      token: created.token,
      lastSeq: 0,
      visitor: visitorKey(this.#identity),
    };
    this.#tracker = new SeqTracker();
    this.#applyAll(created.events);
    this.#persist();
    this.#openStream();
  }

  #send(frame: ClientFrame): void {
    this.#unacked.set(frame.clientMessageId, frame);
    void this.ensureStarted()
      .then(() => {
        if (this.#socket?.send(frame)) return;
        return this.#sendOverHttp(frame);
      })
      .catch((error: unknown) => this.#failed(frame.clientMessageId, error));
  }

  async #sendOverHttp(frame: ClientFrame): Promise<void> {
    const stored = this.#stored;
    if (!stored) return;
    const { type: _type, ...body } = frame;
    const answer = await requestJson<{ events: CustomerEvent[] }>(
      this.#url(`conversations/${encodeURIComponent(stored.id)}/messages`),
      { token: stored.token, body },
    );
    this.#unacked.delete(frame.clientMessageId);
    this.#applyAll(answer.events);
  }

  #failed(clientMessageId: string, error: unknown): void {
    // A network failure keeps the frame queued: the socket re-sends it on reconnect.
    if (error instanceof ApiRequestError && error.code === 'NETWORK') return;
    // Refused for now (the conversation's message rate): not stored, sent again when told.
    if (error instanceof ApiRequestError && error.code === 'RATE_LIMITED') {
      this.#sendLater(clientMessageId, error.retryAfterMs ?? RATE_LIMITED_RETRY_MS);
      return;
    }
    this.#unacked.delete(clientMessageId);
    const apiError =
      error instanceof ApiRequestError
        ? { code: error.code, message: error.message }
        : { code: 'UNKNOWN', message: 'Something went wrong. Please try again.' };
    this.#callbacks.onSendError(clientMessageId, apiError);
  }

  #sendLater(clientMessageId: string, delayMs: number): void {
    const frame = this.#unacked.get(clientMessageId);
    if (!frame) return;
    setTimeout(() => {
      if (this.#unacked.get(clientMessageId) === frame) this.#send(frame);
    }, delayMs);
  }

  #openStream(): void {
    if (this.#socket || !this.#stored) return;
    const stored = this.#stored;
    this.#socket = new ReconnectingSocket<CustomerEvent, CustomerFrame>({
      url: () =>
        wsUrl(this.#server, `api/v1/conversations/${encodeURIComponent(stored.id)}/stream`, {
          since: String(this.#tracker.lastContiguous),
        }),
      token: () => stored.token,
      onFrame: (frame) => this.#onFrame(frame),
      onState: (state, failures) => {
        if (state === 'open') {
          for (const frame of this.#unacked.values()) this.#socket?.send(frame);
        }
        this.#callbacks.onConnection(
          state === 'open' ? 'open' : failures > 0 ? 'offline' : 'connecting',
        );
        if (state === 'closed' && failures === 3) void this.#checkStillExists();
      },
    });
    this.#socket.start();
  }

  #onFrame(frame: ServerFrame<CustomerEvent>): void {
    switch (frame.type) {
      case 'event':
        this.#apply(frame.event);
        break;
      case 'ack':
        this.#unacked.delete(frame.clientMessageId);
        this.#tracker.accept(frame.seq);
        this.#persist();
        this.#callbacks.onAck(frame.clientMessageId, frame.seq);
        break;
      case 'error':
        if (frame.clientMessageId) this.#failed(frame.clientMessageId, toError(frame.error));
        break;
      case 'typing':
        if (frame.by === 'agent') this.#callbacks.onTyping(frame.name ?? '', frame.active);
        break;
      case 'conversation':
      case 'conversation_removed':
      case 'presence':
        break; // agent streams only
    }
  }

  #applyAll(events: readonly CustomerEvent[]): void {
    for (const event of [...events].sort((a, b) => a.seq - b.seq)) this.#apply(event);
  }

  #apply(event: CustomerEvent): void {
    if (!this.#tracker.accept(event.seq)) return;
    const cid = event.type === 'message.created' ? event.data.clientMessageId : undefined;
    if (cid) this.#unacked.delete(cid);
    this.#persist();
    this.#callbacks.onEvent(event);
  }

  /** After repeated refusals the conversation may be gone (e.g. a reset demo server). */
  async #checkStillExists(): Promise<void> {
    const stored = this.#stored;
    if (!stored) return;
    try {
      await requestJson(this.#url(`conversations/${encodeURIComponent(stored.id)}`), {
        token: stored.token,
      });
    } catch (error) {
      if (error instanceof ApiRequestError && [401, 403, 404].includes(error.status)) {
        this.#forgetStored();
      }
    }
  }

  #forgetStored(): void {
    this.stop();
    this.#stored = null;
    this.#tracker = new SeqTracker();
    this.#unacked.clear();
    clearSession(this.#server);
    this.#callbacks.onReset();
  }

  #persist(): void {
    if (!this.#stored) return;
    this.#stored.lastSeq = this.#tracker.lastContiguous;
    saveSession(this.#server, this.#stored);
  }

  #url(path: string): string {
    return new URL(`api/v1/${path}`, this.#server).toString();
  }
}

function toError(error: ApiError & { retryAfterMs?: number }): ApiRequestError {
  return new ApiRequestError(400, error);
}
