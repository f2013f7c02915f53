/**
 * Staff's private notes about a person, on the contact page of every conversation of theirs
 * (never shown to the customer: no customer route reads them). Whoever may open the
 * conversation may read the person's notes and add one; the author changes or deletes their
 * own, a supervisor or admin any. A note is kept under the contact's key
 * (ConversationHistoryService.contact) and listed under every key the person is known by, so
 * it shows on the conversations joined later too. Erasure and export find them
 * (app/privacy/erasure-plan.ts, customer-export.ts).
 */
import { randomBytes } from 'node:crypto';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { AgentRecord } from '../../core/records.ts';
import type { ContactNote } from '../../store/contact-note-repository.ts';
import type { Store } from '../../store/store.ts';
import { contactFields, type ContactField } from './contact-fields.ts';
import type { ConversationHistoryService, ContactView } from './conversation-history.ts';

export type { ContactNote };

/** A note's longest text, in characters (UTF-16 code units, as the browser counts them). */
export const MAX_NOTE_LENGTH = 2000;

export interface ContactPage extends ContactView {
  /** Newest first. */
  readonly notes: ContactNote[];
  readonly fields: ContactField[];
}

export class ContactNotes {
  constructor(
    private readonly store: Store,
    private readonly history: ConversationHistoryService,
    private readonly clock: () => Date,
  ) {}

  /** The contact with the person's notes and what is known of them; CONVERSATION_NOT_FOUND. */
  async page(agent: AgentRecord, conversationId: string): Promise<ContactPage> {
    const contact = await this.history.contact(agent, conversationId);
    return {
      ...contact,
      notes: await this.store.contactNotes.list(contact.noteKeys),
      fields: contactFields(contact.conversations),
    };
  }

  async add(agent: AgentRecord, conversationId: string, text: string): Promise<ContactNote> {
    const checked = checkedText(text);
    const contact = await this.history.contact(agent, conversationId);
    const id = `note_${randomBytes(10).toString('hex')}`;
    await this.store.contactNotes.add({
      id,
      contactKey: contact.noteKey,
      conversationId,
      authorId: agent.id,
      text: checked,
      now: this.clock(),
    });
    return this.found(id);
  }

  async edit(
    agent: AgentRecord,
    conversationId: string,
    noteId: string,
    text: string,
  ): Promise<ContactNote> {
    const checked = checkedText(text);
    await this.mayChange(agent, conversationId, noteId);
    await this.store.contactNotes.edit(noteId, checked, this.clock());
    return this.found(noteId);
  }

  async remove(agent: AgentRecord, conversationId: string, noteId: string): Promise<void> {
    await this.mayChange(agent, conversationId, noteId);
    await this.store.contactNotes.remove(noteId);
  }

  /** The note is this person's (else NOTE_NOT_FOUND) and the agent its author or a supervisor. */
  private async mayChange(agent: AgentRecord, conversationId: string, noteId: string) {
    const contact = await this.history.contact(agent, conversationId);
    const note = await this.store.contactNotes.get(noteId);
    if (!note || !contact.noteKeys.includes(note.contactKey)) throw noteNotFound(noteId);
    if (note.authorId !== agent.id && agent.role === 'agent') {
      throw new BatonError(
        'FORBIDDEN',
        "Only the note's author, a supervisor or an admin may change or delete it.",
      );
    }
  }

  private async found(noteId: string): Promise<ContactNote> {
    const note = await this.store.contactNotes.get(noteId);
    if (!note) throw noteNotFound(noteId);
    return note;
  }
}

function checkedText(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw new BatonError('VALIDATION_FAILED', 'A note needs some text.');
  if (trimmed.length > MAX_NOTE_LENGTH) {
    throw new BatonError(
      'VALIDATION_FAILED',
      `A note is at most ${MAX_NOTE_LENGTH.toLocaleString('en')} characters; this one has ${trimmed.length.toLocaleString('en')}.`,
    );
  }
  return trimmed;
}

function noteNotFound(noteId: string): BatonError {
  return new BatonError('NOTE_NOT_FOUND', `The contact has no note with the id ${noteId}.`);
}
