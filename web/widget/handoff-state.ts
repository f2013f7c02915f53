// Who has the conversation, as the widget shows it, folded from the server's event log. The
// log is the server's truth: after a reload the whole log is read again (and after a
// reconnect the missed part), so the same fold gives the same state live and after a reload.

import type { CustomerEvent } from '../shared/api-types.ts';
import type { WidgetText } from './widget-text.ts';

export type HandoffMode = 'bot' | 'requested' | 'waiting' | 'deferred' | 'joined' | 'closed';

export interface HandoffState {
  mode: HandoffMode;
  /** The agent who has the conversation (joined only). */
  agentName: string | null;
  /** Where Baton serves that agent's picture (joined only; null: none, show the initial). */
  agentAvatar: string | null;
  /** Place in line the server last told (waiting only; null: not told). */
  position: number | null;
  /** How it closed: resolved by a person, or abandoned while waiting. */
  closedAs: 'resolved' | 'abandoned' | null;
}

export const BOT_STATE: HandoffState = {
  mode: 'bot',
  agentName: null,
  agentAvatar: null,
  position: null,
  closedAs: null,
};

/**
 * Back in line: handed over, transferred, released (the agent went offline) or resumed after
 * a deferral; the place is unknown until the server tells it. Offers made and lapsing leave
 * the customer waiting as they were.
 */
const IN_LINE = new Set([
  'conversation.handed_over',
  'conversation.transferred',
  'conversation.requeued',
  'conversation.resumed',
]);

/** The path Baton serves an agent's picture at (src/app/team/agent-avatars.ts). */
const OWN_AVATAR = /^\/api\/v1\/agents\/[\w%.-]+\/avatar\?v=[0-9a-f]{1,64}$/;

export function nextHandoffState(state: HandoffState, event: CustomerEvent): HandoffState {
  const type = event.type as string;
  if (state.mode === 'closed') return state;
  if (IN_LINE.has(type)) {
    return { ...BOT_STATE, mode: 'waiting' };
  }
  switch (type) {
    case 'conversation.intake_started':
      return state.mode === 'bot' ? { ...BOT_STATE, mode: 'requested' } : state;
    case 'conversation.assigned': {
      const data = event.data as { agentName?: unknown; agentAvatar?: unknown };
      const name = typeof data.agentName === 'string' ? data.agentName : null;
      // Only a picture Baton itself serves: the widget loads nothing from elsewhere.
      const avatar =
        typeof data.agentAvatar === 'string' && OWN_AVATAR.test(data.agentAvatar)
          ? data.agentAvatar
          : null;
      return { ...BOT_STATE, mode: 'joined', agentName: name, agentAvatar: avatar };
    }
    case 'conversation.returned_to_bot':
      return BOT_STATE;
    case 'conversation.deferred':
      return { ...BOT_STATE, mode: 'deferred' };
    case 'conversation.resolved':
      return { ...BOT_STATE, mode: 'closed', closedAs: 'resolved' };
    case 'conversation.abandoned':
      return { ...BOT_STATE, mode: 'closed', closedAs: 'abandoned' };
    case 'message.created':
      return afterMessage(state, event.data as Record<string, unknown>);
    default:
      return state;
  }
}

function afterMessage(state: HandoffState, data: Record<string, unknown>): HandoffState {
  if (data.action === 'request_human' && state.mode === 'bot') {
    return { ...BOT_STATE, mode: 'requested' };
  }
  // The handoff message and later estimate updates say the place in line.
  if (data.from === 'bot' && typeof data.position === 'number' && state.mode === 'waiting') {
    return { ...state, position: data.position };
  }
  return state;
}

export function foldHandoffState(events: readonly CustomerEvent[]): HandoffState {
  return events.reduce(nextHandoffState, BOT_STATE);
}

function waitingText(state: HandoffState, text: WidgetText): string {
  const place = state.position !== null && state.position > 0 ? state.position : null;
  return place ? text.t('waitingPlace', { place: text.number(place) }) : text.t('waiting');
}

/** The line above the composer: where the handoff stands, in the visitor's language. */
export function statusText(state: HandoffState, text: WidgetText): string {
  switch (state.mode) {
    case 'bot':
      return '';
    case 'requested':
      return text.t('connecting');
    case 'waiting':
      return waitingText(state, text);
    case 'deferred':
      return text.t('deferred');
    case 'joined':
      // Shown here only: the transcript has the server's own "Alex … has joined" message.
      return text.t('joined', { agent: state.agentName || text.t('agentFallback') });
    case 'closed':
      return text.t(state.closedAs === 'abandoned' ? 'ended' : 'resolved');
  }
}
