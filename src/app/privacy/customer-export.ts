/**
 * Everything Baton holds about one person (a subject access request): their conversations
 * on every channel, each with its events, the fields collected, its timers, the sends waiting
 * in the outbox, the webhook deliveries about it (their secrets left out: exported-rows.ts),
 * the files they sent, and the staff's notes about them (the contact page). Erasure deletes the same tables (store/erasure-repository.ts).
 * Found exactly as erasure finds them (store/customer-conversations.ts), so what an export
 * shows is what an erasure takes. Written to the audit log without naming the person.
 */
import type { ConversationRecord, StoredEvent } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import { describeTarget } from './erasure-plan.ts';
import {
  exportedTimers,
  exportedWebhookDeliveries,
  type ExportedTimer,
  type ExportedWebhookDelivery,
} from './exported-rows.ts';

export const EXPORT_FORMAT = 'baton.customer-export/1';

export interface ExportedFile {
  readonly conversationId: string;
  readonly ref: string;
  readonly mimeType: string;
  readonly fileName: string | null;
  readonly content: Buffer;
  /** Where the bytes go in a folder or archive: `attachments/<conversation>/<n>-<name>`. */
  readonly path: string;
}

export interface CustomerExport {
  /** The JSON document: conversations with events and fields, files listed by path. */
  readonly document: {
    readonly format: typeof EXPORT_FORMAT;
    readonly exportedAt: string;
    readonly identities: string[];
    readonly conversations: ExportedConversation[];
    /** Staff's notes about the person (the contact page), newest first. */
    readonly notes: ExportedNote[];
  };
  readonly files: ExportedFile[];
}

interface ExportedConversation {
  readonly id: string;
  readonly channel: string;
  readonly status: string;
  readonly createdAt: string;
  readonly resolvedAt: string | null;
  readonly customer: Record<string, unknown>;
  readonly language: string | null;
  readonly externalThread: string | null;
  readonly fields: Record<string, unknown>;
  readonly handoff: unknown;
  readonly events: StoredEvent[];
  /** Lifecycle timers (an offer's expiry, an SLA, a follow-up …), any status. */
  readonly timers: ExportedTimer[];
  /** Sends to the person or about them (a channel reply, an email, a webhook), any status. */
  readonly outbox: ExportedTimer[];
  readonly webhookDeliveries: ExportedWebhookDelivery[];
  readonly attachments: Array<Omit<ExportedFile, 'content' | 'conversationId'> & { size: number }>;
}

interface ExportedNote {
  readonly id: string;
  /** The conversation it was written from. */
  readonly conversationId: string;
  readonly authorId: string;
  readonly text: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const MAX_EVENTS = 100_000;

export async function collectCustomerData(
  store: Store,
  reference: string,
  audit: { readonly actorId: string; readonly now: Date },
): Promise<CustomerExport> {
  const match = await store.erasure.findCustomer(reference);
  const conversations: ExportedConversation[] = [];
  const files: ExportedFile[] = [];
  for (const found of match.conversations) {
    const conversation = await store.conversations.get(found.id);
    if (!conversation) continue; // erased meanwhile
    const events = await store.conversations.eventsSince(found.id, 0, MAX_EVENTS);
    const stored = await store.mediaFiles.listFor(found.id);
    const timers = exportedTimers(await store.timers.allFor(found.id));
    const deliveries = exportedWebhookDeliveries(await store.webhooks.listFor(found.id));
    const own = stored.map((file, i) => ({
      conversationId: found.id,
      ...file,
      path: `attachments/${safeName(found.id)}/${i + 1}-${safeName(file.fileName ?? file.ref)}`,
    }));
    files.push(...own);
    conversations.push({
      ...exportedConversation(conversation, events, own),
      ...timers,
      webhookDeliveries: deliveries,
    });
  }
  // The notes erasure takes: under the person's identities, or written from their conversations.
  const notes = await store.contactNotes.list(
    match.identities,
    match.conversations.map((c) => c.id),
    null,
  );
  await store.teamAudit.record({
    at: audit.now,
    actorId: audit.actorId,
    agentId: '',
    action: 'customer.exported',
    changes: {
      selector: describeTarget({ customer: reference }),
      conversations: conversations.map((c) => c.id),
    },
  });
  return {
    document: {
      format: EXPORT_FORMAT,
      exportedAt: audit.now.toISOString(),
      identities: match.identities,
      conversations,
      notes: notes.map((n) => ({
        id: n.id,
        conversationId: n.conversationId,
        authorId: n.authorId,
        text: n.text,
        createdAt: n.createdAt,
        updatedAt: n.updatedAt,
      })),
    },
    files,
  };
}

function exportedConversation(
  c: ConversationRecord,
  events: StoredEvent[],
  files: ExportedFile[],
): Omit<ExportedConversation, 'timers' | 'outbox' | 'webhookDeliveries'> {
  const fields = (c.handoff?.fields as Record<string, unknown> | undefined) ?? {};
  return {
    id: c.id,
    channel: c.channel,
    status: c.status,
    createdAt: c.createdAt,
    resolvedAt: c.resolvedAt,
    customer: c.customer,
    language: c.language,
    externalThread: c.externalThread,
    fields,
    handoff: c.handoff,
    events,
    attachments: files.map((f) => ({
      ref: f.ref,
      mimeType: f.mimeType,
      fileName: f.fileName,
      size: f.content.byteLength,
      path: f.path,
    })),
  };
}

/** A file name the customer chose, made safe for any file system (no separators, no `..`). */
function safeName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_');
  return cleaned.slice(0, 100) || 'file';
}
