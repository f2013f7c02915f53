/** Stored files by conversation and reference (see migrations/013-media-files.ts). */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface MediaFile {
  readonly mimeType: string;
  readonly fileName: string | null;
  readonly content: Buffer;
}

export interface StoredMediaFile extends MediaFile {
  readonly ref: string;
}

export class MediaFileRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Keeps a file; storing the same reference again (a redelivery) changes nothing. */
  async put(
    conversationId: string,
    ref: string,
    file: { mimeType: string; fileName?: string | undefined; content: Uint8Array },
    now: Date,
  ): Promise<void> {
    await this.db
      .insertInto('media_files')
      .values({
        conversation_id: conversationId,
        ref,
        mime_type: file.mimeType,
        file_name: file.fileName ?? null,
        size: file.content.byteLength,
        content_base64: Buffer.from(file.content).toString('base64'),
        created_at: now.toISOString(),
      })
      .onConflict((c) => c.columns(['conversation_id', 'ref']).doNothing())
      .execute();
  }

  async get(conversationId: string, ref: string): Promise<MediaFile | undefined> {
    const row = await this.db
      .selectFrom('media_files')
      .select(['mime_type', 'file_name', 'content_base64'])
      .where('conversation_id', '=', conversationId)
      .where('ref', '=', ref)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      mimeType: row.mime_type,
      fileName: row.file_name,
      content: Buffer.from(row.content_base64, 'base64'),
    };
  }

  /** Every file of a conversation (a customer's data export), oldest first. */
  async listFor(conversationId: string): Promise<StoredMediaFile[]> {
    const rows = await this.db
      .selectFrom('media_files')
      .select(['ref', 'mime_type', 'file_name', 'content_base64'])
      .where('conversation_id', '=', conversationId)
      .orderBy('created_at')
      .orderBy('ref')
      .execute();
    return rows.map((row) => ({
      ref: row.ref,
      mimeType: row.mime_type,
      fileName: row.file_name,
      content: Buffer.from(row.content_base64, 'base64'),
    }));
  }
}
