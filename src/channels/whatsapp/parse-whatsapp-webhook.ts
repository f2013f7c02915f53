/**
 * A WhatsApp Cloud API webhook body → events. The body is
 * `{ object: "whatsapp_business_account", entry: [{ changes: [{ field, value }] }] }`;
 * `value.metadata.phone_number_id` names the business number the thread belongs to.
 */
import type { ChannelEvent, ChannelCustomer, DeliveryStatus } from '../channel-adapter.ts';
import {
  arr,
  isObject,
  obj,
  str,
  unixSecondsToIso,
  type JsonObject,
} from '../parse-json-object.ts';
import { joinThreadId } from '../thread-id.ts';
import { parseContent, parseWhatsAppMessage } from './parse-whatsapp-message.ts';

/** `undefined` when the body is not a WhatsApp webhook at all (→ 400). */
export function parseWhatsAppWebhook(body: JsonObject, now: Date): ChannelEvent[] | undefined {
  if (body.object !== 'whatsapp_business_account' || !Array.isArray(body.entry)) return undefined;
  const events: ChannelEvent[] = [];
  for (const entry of body.entry) {
    if (!isObject(entry) || !Array.isArray(entry.changes)) return undefined;
    for (const change of entry.changes) {
      if (!isObject(change) || !isObject(change.value)) return undefined;
      events.push(...parseChange(str(change.field) ?? '', change.value, now));
    }
  }
  return events;
}

function parseChange(field: string, value: JsonObject, now: Date): ChannelEvent[] {
  // Other fields (account updates, template reviews…) are not conversation traffic.
  if (field !== 'messages' && field !== 'smb_message_echoes') return [];
  const phoneNumberId = str(obj(value.metadata).phone_number_id) ?? 'unknown';
  const events: ChannelEvent[] = [];
  for (const raw of arr(value.messages)) {
    const message = obj(raw);
    const from = str(message.from);
    if (!from) continue;
    const customer = customerOf(from, value.contacts);
    const threadId = joinThreadId(phoneNumberId, from);
    const event = parseWhatsAppMessage(message, { threadId, customer, now });
    if (event) events.push(event);
  }
  for (const raw of arr(value.statuses)) {
    const event = parseStatus(obj(raw), phoneNumberId, now);
    if (event) events.push(event);
  }
  for (const raw of arr(value.message_echoes)) {
    const event = parseEcho(obj(raw), phoneNumberId, now);
    if (event) events.push(event);
  }
  return events;
}

function customerOf(waId: string, contacts: unknown): ChannelCustomer {
  const contact = arr(contacts)
    .map(obj)
    .find((c) => str(c.wa_id) === waId);
  const name = str(obj(contact?.profile).name);
  return {
    externalId: waId,
    ...(name ? { name } : {}),
    // wa_id is the number in international format without the plus.
    ...(/^\d+$/.test(waId) ? { phone: `+${waId}` } : {}),
  };
}

/** `played` (voice message listened to) implies read; other statuses are not delivery steps. */
const STATUS: Record<string, DeliveryStatus> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  played: 'read',
  failed: 'failed',
};

function parseStatus(
  status: JsonObject,
  phoneNumberId: string,
  now: Date,
): ChannelEvent | undefined {
  const id = str(status.id);
  const mapped = STATUS[str(status.status) ?? ''];
  if (!id || !mapped) return undefined;
  const recipient = str(status.recipient_id);
  const error = arr(status.errors).map(describeError).join('; ');
  return {
    type: 'status',
    channel: 'whatsapp',
    providerMessageId: id,
    status: mapped,
    at: unixSecondsToIso(status.timestamp, now),
    ...(recipient ? { threadId: joinThreadId(phoneNumberId, recipient) } : {}),
    ...(error ? { error } : {}),
  };
}

function describeError(raw: unknown): string {
  const error = obj(raw);
  const details = str(obj(error.error_data).details);
  const title = str(error.title) ?? str(error.message) ?? 'error';
  return `${title}${details ? `: ${details}` : ''} (${str(error.code) ?? '?'})`;
}

/** Coexistence: the business answered from the WhatsApp Business app on the same number. */
function parseEcho(echo: JsonObject, phoneNumberId: string, now: Date): ChannelEvent | undefined {
  const id = str(echo.id);
  const to = str(echo.to);
  if (!id || !to) return undefined;
  const type = str(echo.type);
  const base = {
    type: 'echo' as const,
    channel: 'whatsapp' as const,
    threadId: joinThreadId(phoneNumberId, to),
    providerMessageId: id,
    at: unixSecondsToIso(echo.timestamp, now),
  };
  if (type === 'revoke') {
    const original = str(obj(echo.revoke).original_message_id);
    return {
      ...base,
      action: 'delete',
      ...(original ? { originalProviderMessageId: original } : {}),
    };
  }
  if (type === 'edit') {
    const edit = obj(echo.edit);
    const original = str(edit.original_message_id);
    const text = parseContent(obj(edit.message)).text;
    return {
      ...base,
      action: 'edit',
      ...(original ? { originalProviderMessageId: original } : {}),
      ...(text !== undefined ? { text } : {}),
    };
  }
  const text = parseContent(echo).text;
  return { ...base, action: 'message', ...(text !== undefined ? { text } : {}) };
}
