// A conversation id in the dashboard, linked to the conversation in the inbox (same tab: the
// two apps share the login in sessionStorage, and the inbox opens the id in its URL hash).

import type { ComponentChildren } from 'preact';

export function InboxLink({ id, children }: { id: string; children?: ComponentChildren }) {
  return (
    <a class="inbox-link" href={`/inbox/#${encodeURIComponent(id)}`} data-inbox-link={id}>
      {children ?? <code>{id}</code>}
    </a>
  );
}
