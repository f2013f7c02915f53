/**
 * A file the customer sends from the web widget. Its type is read from its bytes (file-type),
 * never taken from what the browser declared, and only the configured types pass. The bytes
 * are kept as an email attachment's are (store/media-file-repository.ts) and the message
 * carries the same `media` entry a channel message does, so the inbox shows it unchanged and
 * an agent of the conversation opens it through GET …/media/:ref.
 */
import { randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { isClosed } from '../../core/conversation/conversation-state.ts';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { Store } from '../../store/store.ts';
import type { ConversationService, PostResult } from './conversation-service.ts';

export interface AttachmentLimits {
  readonly maxBytes: number;
  /** MIME types as sniffed: `image/png`, `application/pdf`, `text/plain` … */
  readonly types: readonly string[];
}

export interface CustomerAttachmentsDeps {
  /** Only `mediaFiles`: the message itself is written by the conversation service. */
  readonly store: Pick<Store, 'mediaFiles'>;
  readonly service: ConversationService;
  readonly clock: () => Date;
  readonly limits: AttachmentLimits;
}

export interface CustomerFile {
  readonly content: Buffer;
  /** The name the browser gave; kept as text for display, never trusted for the type. */
  readonly fileName: string | undefined;
  readonly clientMessageId?: string | undefined;
}

export class CustomerAttachments {
  constructor(private readonly deps: CustomerAttachmentsDeps) {}

  get limits(): AttachmentLimits {
    return this.deps.limits;
  }

  /** Checks the type, keeps the bytes, then stores the customer's message that names them. */
  async send(conversationId: string, file: CustomerFile): Promise<PostResult> {
    const { store, service, clock, limits } = this.deps;
    if (file.content.byteLength === 0)
      throw new BatonError('VALIDATION_FAILED', 'The file is empty.');
    if (file.content.byteLength > limits.maxBytes) throw tooLarge(limits.maxBytes);
    const mimeType = await sniffType(file.content);
    if (!mimeType || !limits.types.includes(mimeType)) {
      throw new BatonError(
        'FILE_TYPE_NOT_ALLOWED',
        `This kind of file cannot be sent; allowed: ${limits.types.map(typeName).join(', ')}.`,
      );
    }
    // A closed conversation takes no message, so keep no file for it either.
    if (isClosed((await service.get(conversationId)).status))
      throw new BatonError('CONVERSATION_CLOSED');
    const kind = mimeType.startsWith('image/') ? 'image' : 'document';
    // The same message id sent again (a retry) names the same file: stored once.
    const ref = `upload:${file.clientMessageId ?? randomUUID()}`;
    const fileName = cleanFileName(file.fileName, kind);
    await store.mediaFiles.put(
      conversationId,
      ref,
      { mimeType, fileName, content: file.content },
      clock(),
    );
    return service.postCustomerMessage(conversationId, {
      // What a channel message carrying only a file says (channel-inbound.ts textOf).
      text: `[${kind}]`,
      ...(file.clientMessageId ? { clientMessageId: file.clientMessageId } : {}),
      extra: { media: [{ kind, ref, mimeType, fileName, size: file.content.byteLength }] },
    });
  }
}

export function tooLarge(maxBytes: number): BatonError {
  const megabytes = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return new BatonError('FILE_TOO_LARGE', `Files are limited to ${megabytes} MB.`);
}

/** `image/png` → PNG, `text/plain` → TXT: what a customer calls a type. */
function typeName(mimeType: string): string {
  return mimeType === 'text/plain' ? 'TXT' : (mimeType.split('/')[1] ?? mimeType).toUpperCase();
}

/** The type the bytes say; text that decodes as UTF-8 with no NUL is `text/plain`. */
async function sniffType(content: Buffer): Promise<string | undefined> {
  const sniffed = await fileTypeFromBuffer(content);
  if (sniffed) return sniffed.mime;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    return text.includes('\u0000') ? undefined : 'text/plain';
  } catch {
    return undefined;
  }
}

/** The last path segment, without control characters, at most 200 characters. */
function cleanFileName(name: string | undefined, kind: string): string {
  const last = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const base = last.replace(/[\u0000-\u001f\u007f]/g, '');
  return [...base.trim()].slice(0, 200).join('') || `${kind}-file`;
}
