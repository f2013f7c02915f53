// Shows who has the conversation: the header says the assistant, that a person will join,
// or the agent by name (never "Automated assistant" while a person has it); the
// line above the composer says where the handoff stands (the place in line as the server
// told it), and the "Talk to a human" button is there only while the bot has it.
// Names go in with textContent only.

import { statusText } from './handoff-state.ts';
import type { HandoffState } from './handoff-state.ts';
import type { WidgetText } from './widget-text.ts';

export interface HandoffParts {
  subtitle: HTMLElement;
  avatarIcon: Element;
  avatarInitial: HTMLElement;
  human: HTMLButtonElement;
  status: HTMLElement;
  statusText: HTMLElement;
  restart: HTMLButtonElement;
}

/** The widget's elements that show the handoff, found in its shadow root. */
export function handoffParts(find: <T extends Element>(selector: string) => T): HandoffParts {
  return {
    subtitle: find('.subtitle'),
    avatarIcon: find('.avatar svg'),
    avatarInitial: find('.avatar-initial'),
    human: find('.human'),
    status: find('.status'),
    statusText: find('.status-text'),
    restart: find('.restart'),
  };
}

export function renderHandoff(parts: HandoffParts, state: HandoffState, text: WidgetText): void {
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
  parts.avatarIcon.toggleAttribute('hidden', agent !== null);
  parts.avatarInitial.hidden = agent === null;
  parts.avatarInitial.textContent = agent ? agent.slice(0, 1).toUpperCase() : '';
}
