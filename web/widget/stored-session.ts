// Where the widget remembers its conversation between page loads. localStorage, keyed
// by server, so a reload (or the next page of the shop) resumes the same conversation.
// Storage can be unavailable (privacy modes, sandboxed iframes); the widget then still
// works, it just starts afresh on every load.

export interface StoredSession {
  id: string;
  token: string;
  lastSeq: number;
  /** Who the host page said the visitor was when it started ('' for nobody): see visitorKey. */
  visitor: string;
}

function key(server: string): string {
  return `baton:conversation:${server}`;
}

export function loadSession(server: string): StoredSession | null {
  try {
    const raw = localStorage.getItem(key(server));
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<StoredSession>;
    if (typeof value.id !== 'string' || typeof value.token !== 'string') return null;
    return {
      id: value.id,
      token: value.token,
      lastSeq: Number(value.lastSeq) || 0,
      visitor: typeof value.visitor === 'string' ? value.visitor : '',
    };
  } catch {
    return null;
  }
}

export function saveSession(server: string, session: StoredSession): void {
  try {
    localStorage.setItem(key(server), JSON.stringify(session));
  } catch {
    // Quota or privacy mode: the conversation simply will not survive a reload.
  }
}

export function clearSession(server: string): void {
  try {
    localStorage.removeItem(key(server));
  } catch {
    // See saveSession.
  }
}

/** Whether the panel was open, per tab, so a reload mid-chat keeps it open. */
export function loadPanelOpen(server: string): boolean {
  try {
    return sessionStorage.getItem(`${key(server)}:open`) === '1';
  } catch {
    return false;
  }
}

export function savePanelOpen(server: string, open: boolean): void {
  try {
    if (open) sessionStorage.setItem(`${key(server)}:open`, '1');
    else sessionStorage.removeItem(`${key(server)}:open`);
  } catch {
    // Not important enough to report.
  }
}
