/**
 * WhatsApp Cloud API webhook bodies for the server tests, from the repository's own
 * examples (test/fixtures/channels/whatsapp, written from Meta's webhook reference).
 */
import { readFileSync } from 'node:fs';

export const WA_PHONE_NUMBER_ID = '555010778800';
export const WA_CUSTOMER_ID = '447700900123';
export const WA_CUSTOMER_NAME = 'Priya Shah';
/** The thread id Baton gives the conversation: `<phone_number_id>:<wa_id>`. */
export const WA_THREAD = `${WA_PHONE_NUMBER_ID}:${WA_CUSTOMER_ID}`;

type WhatsAppFile = 'messages' | 'statuses' | 'changes' | 'echoes';

/** A fresh copy of one example (a whole webhook body), free to change. */
export function whatsappExample(file: WhatsAppFile, example: string): any {
  const path = new URL(`../fixtures/channels/whatsapp/${file}.json`, import.meta.url);
  const body = (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>)[example];
  if (body === undefined) throw new Error(`No example ${example} in ${file}.json`);
  return body;
}

/** The first `messages[]` (or `statuses[]`) item of a body, to change in place. */
export function firstMessage(body: any): any {
  return body.entry[0].changes[0].value.messages[0];
}
