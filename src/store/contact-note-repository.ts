/**
 * Staff's private notes about a person (migrations/032-contact-notes.ts). A note is listed
 * under any of the keys the person is known by, so one written from the conversation where
 * the person was found by their email shows on the one found by their id as well.
 */
import type { Kysely } from 'kysely';
import type { ContactNotesTable, Database } from './schema.ts';

export interface ContactNote {
  readonly id: string;
  readonly contactKey: string;
  /** The conversation the note was written from. */
  readonly conversationId: string;
  readonly authorId: string;
  /** The author's name now (null once the account is gone). */
  readonly authorName: string | null;
  readonly text: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewContactNote {
  readonly id: string;
  readonly contactKey: string;
  readonly conversationId: string;
  readonly authorId: string;
  readonly text: string;
  readonly now: Date;
}

/** A person with more notes than this is shown their latest ones. */
const MAX_NOTES = 500;

export class ContactNoteRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(note: NewContactNote): Promise<void> {
    const at = note.now.toISOString();
    await this.db
      .insertInto('contact_notes')
      .values({
        id: note.id,
        contact_key: note.contactKey,
        conversation_id: note.conversationId,
        author_id: note.authorId,
        text: note.text,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }

  /**
   * The notes under any of `keys` or written from any of `conversationIds`, newest first
   * (the id breaks a tie, so the order is the same on both engines); `limit` null: all of them.
   */
  async list(
    keys: readonly string[],
    conversationIds: readonly string[] = [],
    limit: number | null = MAX_NOTES,
  ): Promise<ContactNote[]> {
    if (keys.length === 0 && conversationIds.length === 0) return [];
    let query = this.notes()
      .where((eb) =>
        eb.or([
          ...(keys.length > 0 ? [eb('contact_notes.contact_key', 'in', [...keys])] : []),
          ...(conversationIds.length > 0
            ? [eb('contact_notes.conversation_id', 'in', [...conversationIds])]
            : []),
        ]),
      )
      .orderBy('contact_notes.created_at', 'desc')
      .orderBy('contact_notes.id', 'desc');
    if (limit !== null) query = query.limit(limit);
    return (await query.execute()).map(toNote);
  }

  async get(id: string): Promise<ContactNote | undefined> {
    const row = await this.notes().where('contact_notes.id', '=', id).executeTakeFirst();
    return row ? toNote(row) : undefined;
  }

  private notes() {
    return this.db
      .selectFrom('contact_notes')
      .leftJoin('agents', 'agents.id', 'contact_notes.author_id')
      .selectAll('contact_notes')
      .select('agents.name as author_name');
  }

  /** Changes the text; false when no note has that id. */
  async edit(id: string, text: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('contact_notes')
      .set({ text, updated_at: now.toISOString() })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('contact_notes')
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}

function toNote(r: ContactNotesTable & { author_name: string | null }): ContactNote {
  return {
    id: r.id,
    contactKey: r.contact_key,
    conversationId: r.conversation_id,
    authorId: r.author_id,
    authorName: r.author_name,
    text: r.text,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
