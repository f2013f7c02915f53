/**
 * The Message-IDs Baton sends with: `<baton.<conversation>.<seq>.<tag>@domain>`. A reply's
 * In-Reply-To/References name one, so the reply finds its conversation even when the
 * conversation is a web chat continued by email (it has no email thread of its own). The tag
 * is an HMAC keyed with the conversation's token hash, which never leaves the server, so a
 * forged References header cannot put words into someone else's conversation. Deterministic
 * per message, so a retried send carries the same id.
 */
import { createHmac } from 'node:crypto';
import { safeEqual } from '../../../channels/safe-equal.ts';

const PATTERN = /^<baton\.([A-Za-z0-9_-]{1,64})\.(\d{1,9})\.([0-9a-f]{20})@[^<>\s]+>$/;

interface Keyed {
  readonly id: string;
  readonly tokenHash: string;
}

export function batonMessageId(conversation: Keyed, seq: number, domain: string): string {
  return `<baton.${conversation.id}.${seq}.${tag(conversation, seq)}@${domain}>`;
}

/** The conversation a Baton Message-ID names, unverified: check it with `isBatonMessageIdOf`. */
export function parseBatonMessageId(
  messageId: string,
): { conversationId: string; seq: number } | undefined {
  const match = PATTERN.exec(messageId);
  return match ? { conversationId: match[1] as string, seq: Number(match[2]) } : undefined;
}

export function isBatonMessageIdOf(conversation: Keyed, messageId: string): boolean {
  const match = PATTERN.exec(messageId);
  if (!match || match[1] !== conversation.id) return false;
  return safeEqual(match[3] as string, tag(conversation, Number(match[2])));
}

function tag(conversation: Keyed, seq: number): string {
  return createHmac('sha256', conversation.tokenHash)
    .update(`${conversation.id}.${seq}`)
    .digest('hex')
    .slice(0, 20);
}
