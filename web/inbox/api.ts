// Typed calls of the agent API (docs/api.md). Relative to the page's origin: the inbox is
// always served by the Baton server it talks to.

import type { Agent, BatonEvent, Conversation } from '../shared/api-types.ts';
import { requestJson } from '../shared/http.ts';

const base = new URL('/api/v1/', location.origin);

const url = (path: string): string => new URL(path, base).toString();
const conv = (id: string, rest = ''): string =>
  url(`conversations/${encodeURIComponent(id)}${rest}`);

export interface ConversationAndEvents {
  conversation: Conversation;
  events: BatonEvent[];
}

export function login(email: string, password: string): Promise<{ token: string; agent: Agent }> {
  return requestJson(url('auth/login'), { body: { email, password } });
}

export function logout(token: string): Promise<void> {
  return requestJson(url('auth/logout'), { method: 'POST', token });
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

export function resolve(token: string, id: string, note?: string): Promise<ConversationAndEvents> {
  return requestJson(conv(id, '/resolve'), { token, body: note ? { note } : {} });
}

export function sendMessage(
  token: string,
  id: string,
  text: string,
  clientMessageId: string,
): Promise<{ events: BatonEvent[]; duplicate: boolean }> {
  return requestJson(conv(id, '/messages'), { token, body: { text, clientMessageId } });
}
