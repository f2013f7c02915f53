// Keyboard shortcuts of the inbox. Single keys, never while the agent types in a field
// (nor with Ctrl, Alt or Meta, which belong to the browser). Buttons declare their own key
// with `data-shortcut`, so a shortcut only works when its button is there and enabled.

import { useEffect } from 'preact/hooks';

export const SHORTCUTS: readonly { keys: string; does: string }[] = [
  { keys: 'j / k', does: 'Next / previous conversation' },
  { keys: 'c', does: 'Claim (or accept an offer)' },
  { keys: 'd', does: 'Decline an offer' },
  { keys: 'r', does: 'Focus the reply box' },
  { keys: 'n', does: 'Switch between reply and internal note' },
  { keys: 'Enter or Ctrl+Enter', does: 'Send (in the reply box)' },
  { keys: 'Esc', does: 'Leave the reply box' },
  { keys: 't', does: 'Transfer' },
  { keys: 'b', does: 'Return to the bot' },
  { keys: 'e', does: 'Resolve' },
  { keys: '/', does: 'Ask the bot (search the knowledge base)' },
  { keys: '?', does: 'Show or hide this list' },
];

export interface ShortcutHandlers {
  /** Moves the selection by +1 / -1 in the queue's order. */
  move: (step: 1 | -1) => void;
  toggleHelp: () => void;
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

function focus(selector: string): boolean {
  const el = document.querySelector<HTMLElement>(selector);
  el?.focus();
  return el !== null;
}

export function useShortcuts(handlers: ShortcutHandlers): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (typing(event.target)) return;
      const key = event.key;
      let handled = true;
      if (key === 'j') handlers.move(1);
      else if (key === 'k') handlers.move(-1);
      else if (key === '?') handlers.toggleHelp();
      else if (key === 'r') handled = focus('#reply');
      else if (key === '/') handled = focus('#ask-bot-query');
      else {
        const button = document.querySelector<HTMLButtonElement>(
          `[data-shortcut="${CSS.escape(key)}"]:not(:disabled)`,
        );
        button?.click();
        handled = button !== null;
      }
      if (handled) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [handlers]);
}
