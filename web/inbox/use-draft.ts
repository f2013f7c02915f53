// The composer's unsent text, one per conversation: opening another conversation (or
// reloading the tab) and coming back finds it where it was. Kept in sessionStorage, per
// agent and per tab; storage may be unavailable, then only in memory for this page.

import { useState } from 'preact/hooks';

const inMemory = new Map<string, string>();

function key(agentId: string, conversationId: string): string {
  return `baton:inbox:draft:${agentId}:${conversationId}`;
}

function load(k: string): string {
  try {
    return sessionStorage.getItem(k) ?? inMemory.get(k) ?? '';
  } catch {
    return inMemory.get(k) ?? '';
  }
}

function save(k: string, text: string): void {
  if (text) inMemory.set(k, text);
  else inMemory.delete(k);
  try {
    if (text) sessionStorage.setItem(k, text);
    else sessionStorage.removeItem(k);
  } catch {
    // Quota or privacy mode: the in-memory copy still covers switching conversations.
  }
}

export function useDraft(agentId: string, conversationId: string): [string, (t: string) => void] {
  const k = key(agentId, conversationId);
  const [draft, setState] = useState(() => load(k));
  const setDraft = (text: string): void => {
    save(k, text);
    setState(text);
  };
  return [draft, setDraft];
}
