// Typed calls of the agent API (docs/api.md). Relative to the page's origin: the inbox is
// always served by the Baton server it talks to. The answers' types come from the routes'
// TypeBox schemas (src/http/routes/*-schemas.ts, type-only imports), events from the core's
// registry (../shared/api-types.ts).

import type { Static } from '@sinclair/typebox';
import type { Session } from '../../src/http/routes/account-security-schemas.ts';
import type {
  AuthMethods as AuthMethodsSchema,
  LoginAnswer as LoginAnswerSchema,
  PresenceAnswer,
} from '../../src/http/routes/auth-schemas.ts';
import type {
  Contact,
  HistoryPage as HistoryPageSchema,
} from '../../src/http/routes/history-schemas.ts';
import type { Queue } from '../../src/http/routes/queue-schemas.ts';
import type { TotpConfirmed, TotpSetup } from '../../src/http/routes/totp-schemas.ts';
import type { Agent, BatonEvent, Conversation } from '../shared/api-types.ts';
import type { VoiceToken } from './browser-calls.ts';
import { ApiRequestError, requestJson } from '../shared/http.ts';
import type {
  CannedResponse,
  HandoffPacket,
  KnowledgeHit,
  Presence,
  RepeatWarning,
  ResolveOutcome,
  TeamAgent,
  WhatsAppTemplate,
} from './inbox-types.ts';

const base = new URL('/api/v1/', location.origin);

const url = (path: string): string => new URL(path, base).toString();
const conv = (id: string, rest = ''): string =>
  url(`conversations/${encodeURIComponent(id)}${rest}`);

/**
 * What a conversation action answers (workflow-routes.ts): the events typed by the core's
 * registry, where the route's schema types their data as a plain object.
 */
export interface ConversationAndEvents {
  conversation: Conversation;
  events: BatonEvent[];
}

/** `totpEnrolmentRequired`: two-factor is required and the account has none yet. */
export type LoginAnswer = Static<typeof LoginAnswerSchema>;

/** `totpCode`: the authenticator app's code (or a recovery code) when the server asks for it. */
export function login(email: string, password: string, totpCode?: string): Promise<LoginAnswer> {
  return requestJson(url('auth/login'), {
    body: { email, password, ...(totpCode ? { totpCode } : {}) },
  });
}

/** How this server lets agents sign in: passwords, and its identity provider if any. */
export type AuthMethods = Static<typeof AuthMethodsSchema>;

export function authMethods(): Promise<AuthMethods> {
  return requestJson(url('auth/methods'));
}

/**
 * The session a sign-in at the identity provider opened: the server left it in an HttpOnly
 * cookie only this same-origin POST can redeem, so the token never travels in a URL.
 */
export function collectProviderSession(): Promise<Omit<LoginAnswer, 'totpEnrolmentRequired'>> {
  return requestJson(url('auth/oidc/handoff'), { method: 'POST' });
}

export function logout(token: string): Promise<void> {
  return requestJson(url('auth/logout'), { method: 'POST', token });
}

/** A session as its owner sees it (never the token). */
export type AccountSession = Static<typeof Session>;

export function changePassword(
  token: string,
  currentPassword: string,
  newPassword: string,
): Promise<{ endedSessions: number }> {
  return requestJson(url('me/password'), { token, body: { currentPassword, newPassword } });
}

export function fetchSessions(token: string): Promise<{ sessions: AccountSession[] }> {
  return requestJson(url('me/sessions'), { token });
}

export function revokeSession(token: string, id: string): Promise<void> {
  return requestJson(url(`me/sessions/${encodeURIComponent(id)}`), { method: 'DELETE', token });
}

/** Starts two-factor setup: the secret for the app, as text and as an otpauth:// URI. */
export function startTotpSetup(token: string, password: string): Promise<Static<typeof TotpSetup>> {
  return requestJson(url('me/totp/setup'), { token, body: { password } });
}

/** Turns two-factor on with a first code; the recovery codes, shown once. */
export function confirmTotp(token: string, code: string): Promise<Static<typeof TotpConfirmed>> {
  return requestJson(url('me/totp/confirm'), { token, body: { code } });
}

export function disableTotp(token: string, password: string, code: string): Promise<void> {
  return requestJson(url('me/totp'), { method: 'DELETE', token, body: { password, code } });
}

/** Sets the agent's profile picture (the server checks the type from the bytes). */
export function uploadAvatar(token: string, file: File): Promise<{ avatarUrl: string }> {
  const form = new FormData();
  form.append('file', file);
  return requestJson(url('me/avatar'), { method: 'PUT', token, body: form });
}

export function removeAvatar(token: string): Promise<void> {
  return requestJson(url('me/avatar'), { method: 'DELETE', token });
}

export function fetchMe(token: string): Promise<{ agent: Agent }> {
  return requestJson(url('me'), { token });
}

export function fetchInbox(token: string): Promise<{ conversations: Conversation[] }> {
  return requestJson(url('inbox'), { token });
}

export function fetchConversation(
  token: string,
  id: string,
): Promise<{ conversation: Conversation }> {
  return requestJson(conv(id), { token });
}

export function fetchEvents(
  token: string,
  id: string,
  since: number,
): Promise<{ events: BatonEvent[]; lastSeq: number }> {
  return requestJson(conv(id, `/events?since=${since}`), { token });
}

export function claim(token: string, id: string): Promise<ConversationAndEvents> {
  return requestJson(conv(id, '/claim'), { method: 'POST', token });
}

export function resolve(
  token: string,
  id: string,
  outcome: ResolveOutcome,
): Promise<ConversationAndEvents> {
  return requestJson(conv(id, '/resolve'), { token, body: outcome });
}

export function decline(token: string, id: string): Promise<ConversationAndEvents> {
  return requestJson(conv(id, '/decline'), { token, body: {} });
}

export function returnToBot(token: string, id: string): Promise<ConversationAndEvents> {
  return requestJson(conv(id, '/return-to-bot'), { token, body: {} });
}

export type TransferTarget = { queue: string } | { agentId: string };

export function transfer(
  token: string,
  id: string,
  target: TransferTarget,
  note: string,
): Promise<ConversationAndEvents> {
  return requestJson(conv(id, '/transfer'), {
    token,
    body: { ...target, ...(note ? { note } : {}) },
  });
}

export function addNote(token: string, id: string, text: string): Promise<ConversationAndEvents> {
  return requestJson(conv(id, '/notes'), { token, body: { text } });
}

/** What the agent's message records about the repeat guard (analytics count it). */
export interface RepeatGuardRecord {
  fields: string[];
  overridden: boolean;
}

export function sendMessage(
  token: string,
  id: string,
  text: string,
  clientMessageId: string,
  repeatGuard?: RepeatGuardRecord,
): Promise<{ events: BatonEvent[]; duplicate: boolean }> {
  return requestJson(conv(id, '/messages'), {
    token,
    body: { text, clientMessageId, ...(repeatGuard ? { repeatGuard } : {}) },
  });
}

export function repeatCheck(
  token: string,
  id: string,
  text: string,
): Promise<{ warnings: RepeatWarning[] }> {
  return requestJson(conv(id, '/repeat-check'), { token, body: { text } });
}

export function fetchPacket(token: string, id: string): Promise<{ packet: HandoffPacket }> {
  return requestJson(conv(id, '/packet'), { token });
}

export function fetchAgents(token: string): Promise<{ agents: TeamAgent[] }> {
  return requestJson(url('agents'), { token });
}

export function setPresence(
  token: string,
  presence: Presence,
): Promise<Static<typeof PresenceAnswer>> {
  return requestJson(url('me/presence'), { method: 'PUT', token, body: { presence } });
}

/**
 * The agent's Twilio Access Token for taking calls in this browser. 404 VOICE_BROWSER_OFF and
 * 409 VOICE_AGENT_ON_PHONE mean no calls here for this agent (docs/channels.md#voice).
 */
export function fetchVoiceToken(token: string): Promise<VoiceToken> {
  return requestJson(url('voice/token'), { method: 'POST', token });
}

/** Where handed-over calls ring for me (GET /api/v1/me/voice-line). */
export interface VoiceLine {
  line: 'phone' | 'browser' | 'none';
  phone: string | null;
  chosen: 'profile' | 'default';
  browserAvailable: boolean;
}

export type VoiceLineChoice =
  { line: 'phone'; phone: string } | { line: 'browser' } | { line: 'default' };

export function fetchVoiceLine(token: string): Promise<VoiceLine> {
  return requestJson(url('me/voice-line'), { token });
}

export function chooseVoiceLine(token: string, choice: VoiceLineChoice): Promise<VoiceLine> {
  return requestJson(url('me/voice-line'), { method: 'PUT', token, body: choice });
}

export function fetchCannedResponses(
  token: string,
): Promise<{ cannedResponses: CannedResponse[] }> {
  return requestJson(url('canned-responses'), { token });
}

export function searchKnowledge(token: string, q: string): Promise<{ hits: KnowledgeHit[] }> {
  return requestJson(url(`kb/search?q=${encodeURIComponent(q)}&limit=5`), { token });
}

export function fetchWhatsAppTemplates(
  token: string,
): Promise<{ enabled: boolean; templates: WhatsAppTemplate[] }> {
  return requestJson(url('channels/whatsapp/templates'), { token });
}

export function sendTemplate(
  token: string,
  id: string,
  template: { name: string; language: string; parameters: string[] },
): Promise<{ events: BatonEvent[] }> {
  return requestJson(conv(id, '/template'), { token, body: template });
}

/** "Call back": Baton calls the customer and rings the agent's own line (202, queued). */
export function callBack(token: string, id: string): Promise<{ events: BatonEvent[] }> {
  return requestJson(conv(id, '/call-back'), { token, method: 'POST' });
}

/** A file a customer sent, through the server (which fetches it from the provider). */
export async function fetchMedia(token: string, id: string, ref: string): Promise<Blob> {
  const response = await fetch(conv(id, `/media/${encodeURIComponent(ref)}`), {
    headers: { authorization: `Bearer ${token}` },
  }).catch(() => {
    throw new ApiRequestError(0, { code: 'NETWORK', message: 'Cannot reach the server.' });
  });
  if (!response.ok) {
    const payload = (await response.json().catch(() => null)) as {
      error?: { code: string; message: string };
    } | null;
    throw new ApiRequestError(
      response.status,
      payload?.error ?? { code: `HTTP_${response.status}`, message: 'Could not fetch the file.' },
    );
  }
  return response.blob();
}

/** A queue in force (`GET /api/v1/queues`). */
export type QueueInfo = Static<typeof Queue>;

export function fetchQueues(token: string): Promise<{ queues: QueueInfo[] }> {
  return requestJson(url('queues'), { token });
}

export type HistoryView = 'all' | 'active' | 'queued' | 'resolved' | 'mine';

export type HistoryPage = Static<typeof HistoryPageSchema>;

/** What the history asks for; empty strings and nulls are "any". */
export interface HistoryQuery {
  view: HistoryView;
  q: string;
  /** A queue id (GET /api/v1/queues). */
  queue: string;
  channel: string;
  /** Last activity at or after this instant (ISO-8601), or null. */
  from: string | null;
  /** Last activity before this instant, or null. */
  to: string | null;
}

/** History and search, newest first, a page at a time (scoped by the server to the caller). */
export function searchConversations(
  token: string,
  query: HistoryQuery & { cursor: string | null },
): Promise<HistoryPage> {
  const params = new URLSearchParams({ view: query.view });
  if (query.q.trim()) params.set('q', query.q.trim());
  if (query.queue) params.set('queue', query.queue);
  if (query.channel) params.set('channel', query.channel);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.cursor) params.set('cursor', query.cursor);
  return requestJson(url(`conversations?${params.toString()}`), { token });
}

export type ContactAnswer = Static<typeof Contact>;

/** The customer's conversations across channels (an unverified one stands alone). */
export function fetchContact(token: string, id: string): Promise<ContactAnswer> {
  return requestJson(conv(id, '/contact'), { token });
}

export type ContactNoteAnswer = ContactAnswer['notes'][number];

/** A staff note about the person of this conversation (never shown to the customer). */
export function addContactNote(
  token: string,
  id: string,
  text: string,
): Promise<ContactNoteAnswer> {
  return requestJson(conv(id, '/contact/notes'), { method: 'POST', token, body: { text } });
}

export function editContactNote(
  token: string,
  id: string,
  noteId: string,
  text: string,
): Promise<ContactNoteAnswer> {
  return requestJson(conv(id, `/contact/notes/${encodeURIComponent(noteId)}`), {
    method: 'PATCH',
    token,
    body: { text },
  });
}

export function deleteContactNote(token: string, id: string, noteId: string): Promise<void> {
  return requestJson(conv(id, `/contact/notes/${encodeURIComponent(noteId)}`), {
    method: 'DELETE',
    token,
  });
}

/** A supervisor takes a colleague's conversation over (the supervisor reassign, to themself). */
export function takeOver(
  token: string,
  id: string,
  selfId: string,
): Promise<ConversationAndEvents> {
  return reassign(token, id, { agentId: selfId }, 'Taken over from the inbox');
}

/**
 * A supervisor moves a colleague's conversation to a queue or another agent; the reason is
 * recorded on the `conversation.reassigned` event (and in the audit log).
 */
export function reassign(
  token: string,
  id: string,
  target: TransferTarget,
  reason: string,
): Promise<ConversationAndEvents> {
  return requestJson(url(`supervisor/conversations/${encodeURIComponent(id)}/reassign`), {
    token,
    body: { ...target, ...(reason ? { reason } : {}) },
  });
}
