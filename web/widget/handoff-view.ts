// Shows who has the conversation: the header says the assistant, that a person will join,
// or the agent by name (never "Automated assistant" while a person has it); the
// line above the composer says where the handoff stands (the place in line as the server
// told it), and the "Talk to a human" button is there only while the bot has it.
// Names go in with textContent only. While a person has it, the avatar is their picture when
// they set one (served by Baton, with their name as its text alternative), else their initial.

import { statusText } from './handoff-state.ts';
import type { HandoffState } from './handoff-state.ts';
import type { WidgetText } from './widget-text.ts';

export interface HandoffParts {
  subtitle: HTMLElement;
  avatarIcon: Element;
  avatarInitial: HTMLElement;
  avatarPhoto: HTMLImageElement;
  human: HTMLButtonElement;
  status: HTMLElement;
  statusText: HTMLElement;
  restart: HTMLButtonElement;
}

/** The widget's elements that show the handoff, found in its shadow root. */
export function handoffParts(find: <T extends Element>(selector: string) => T): HandoffParts {
  const avatarInitial = find<HTMLElement>('.avatar-initial');
  const avatarPhoto = find<HTMLImageElement>('.avatar-photo');
  // A picture that does not load leaves the initial, as when there is none.
  avatarPhoto.onerror = () => {
    avatarPhoto.dataset.failed = avatarPhoto.src;
    avatarPhoto.hidden = true;
    avatarInitial.hidden = !avatarPhoto.alt;
  };
  return {
    subtitle: find('.subtitle'),
    avatarIcon: find('.avatar svg'),
    avatarInitial,
    avatarPhoto,
    human: find('.human'),
    status: find('.status'),
    statusText: find('.status-text'),
    restart: find('.restart'),
  };
}

/** `server`: the Baton install's URL (ending in `/`), which the picture's path is under. */
export function renderHandoff(
  parts: HandoffParts,
  state: HandoffState,
  text: WidgetText,
  server: string,
): void {
  const { mode } = state;
  const agent = mode === 'joined' ? state.agentName || text.t('agentFallback') : null;
  parts.human.hidden = mode !== 'bot';
  parts.status.hidden = mode === 'bot';
  parts.restart.hidden = mode !== 'closed';
  parts.status.classList.toggle('is-joined', mode === 'joined');
  parts.status.classList.toggle('is-closed', mode === 'closed');
  parts.statusText.textContent = statusText(state, text);
  parts.subtitle.textContent = agent
    ? text.t('subtitleAgent', { agent })
    : text.t(mode === 'bot' || mode === 'closed' ? 'subtitleBot' : 'subtitleWaiting');
  const path = agent && state.agentAvatar ? new URL(state.agentAvatar.slice(1), server).href : '';
  // A picture that failed to load stays the initial.
  const photo = path && parts.avatarPhoto.dataset.failed !== path ? path : '';
  parts.avatarIcon.toggleAttribute('hidden', agent !== null);
  parts.avatarInitial.hidden = agent === null || photo !== '';
  parts.avatarInitial.textContent = agent ? agent.slice(0, 1).toUpperCase() : '';
  // The picture's text alternative names the person; the initial beside it is decoration.
  parts.avatarPhoto.alt = photo ? text.t('agentPhoto', { agent: agent ?? '' }) : '';
  parts.avatarPhoto.hidden = photo === '';
  if (photo) {
    if (parts.avatarPhoto.getAttribute('src') !== photo) parts.avatarPhoto.src = photo;
  } else parts.avatarPhoto.removeAttribute('src');
}
