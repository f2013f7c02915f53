// The contact: every conversation of this customer across channels that the agent may see
// (GET …/contact). An unverified visitor's conversation stands alone, and the panel says why;
// what a signed visitor claimed beside the signature is listed as unverified. Below: what is
// known of the person (contact-fields.tsx) and the staff's notes about them (contact-notes.tsx).

import { useEffect, useState } from 'preact/hooks';
import { ApiRequestError } from '../shared/http.ts';
import { fetchContact } from './api.ts';
import type { ContactAnswer } from './api.ts';
import { ContactFields } from './contact-fields.tsx';
import { ContactNotes } from './contact-notes.tsx';
import { ConversationLink } from './conversation-link.tsx';

export interface ContactPanelProps {
  token: string;
  conversationId: string;
  name: string;
  /** The viewer's agent id and role (who may change which note). */
  me: string;
  role: string;
  onOpen: (id: string) => void;
  onClose: () => void;
  onUnauthorized: () => void;
}

export function ContactPanel(props: ContactPanelProps) {
  const { token, conversationId, name } = props;
  const [contact, setContact] = useState<ContactAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetchContact(token, conversationId).then(setContact, (failure: unknown) => {
      if (failure instanceof ApiRequestError && failure.status === 401) props.onUnauthorized();
      else setError(failure instanceof Error ? failure.message : 'Could not load the contact.');
    });
  }, [token, conversationId]);

  return (
    <section class="action-panel contact-panel" aria-label={`Conversations with ${name}`}>
      <h3>Conversations with {name}</h3>
      {error && <p class="form-error">{error}</p>}
      {!contact && !error && <p class="muted">Loading…</p>}
      {contact && !contact.verified && (
        <p class="identity identity--unverified">
          Unverified: the site did not sign who this visitor is, or the email failed its sender
          checks, so no other conversation is joined to this one.
        </p>
      )}
      {contact && contact.verified && contact.identities.length > 0 && (
        <p class="muted">Found by {contact.identities.map(identityLabel).join(', ')}</p>
      )}
      {contact && contact.verified && contact.claimed.length > 0 && (
        <p class="identity identity--unverified" data-claimed>
          Unverified: {contact.claimed.map(identityLabel).join(', ')}. Only the customer's word, so
          no other conversation is joined by it.
        </p>
      )}
      {contact && (
        <ul class="contact-items">
          {contact.conversations.map((c) => (
            <ConversationLink
              key={c.id}
              conversation={c}
              selected={c.id === conversationId}
              onSelect={props.onOpen}
            />
          ))}
        </ul>
      )}
      {contact && <ContactFields fields={contact.fields} conversationId={conversationId} />}
      {contact && (
        <ContactNotes
          token={token}
          conversationId={conversationId}
          name={name}
          me={props.me}
          role={props.role}
          notes={contact.notes}
          onChange={(notes) => setContact({ ...contact, notes })}
          onUnauthorized={props.onUnauthorized}
        />
      )}
      <div class="panel-buttons">
        <button type="button" class="button button--ghost" onClick={props.onClose}>
          Close
        </button>
      </div>
    </section>
  );
}

/** `email:ines@example.com` → "ines@example.com"; `id:u-7` → "id u-7". */
function identityLabel(identity: string): string {
  const split = identity.indexOf(':');
  const kind = identity.slice(0, split);
  const value = identity.slice(split + 1);
  return kind === 'id' ? `id ${value}` : value;
}
