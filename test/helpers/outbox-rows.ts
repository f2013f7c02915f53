/**
 * A pending outbox send and a logged webhook delivery for one conversation, each holding a
 * credential beside the person's data: what a person's export must show, and must not.
 * The send is due in an hour, so a running server's timer loop leaves it pending.
 */
import { expect } from 'vitest';
import type { Store } from '../../src/store/store.ts';

export const OUTBOX_SECRETS = {
  providerToken: 'EAAG-provider-token-never-exported',
  webhookToken: 'whsec-url-token-never-exported',
  userPart: 'hookuser:hookpass',
};

export async function seedOutboxAndDelivery(
  store: Store,
  conversationId: string,
  to: string,
): Promise<void> {
  const now = new Date();
  await store.timers.schedule(
    conversationId,
    {
      kind: 'email.send',
      dueAt: new Date(now.getTime() + 3_600_000),
      data: {
        seq: 2,
        to,
        providerToken: OUTBOX_SECRETS.providerToken,
        request: { headers: { authorization: `Bearer ${OUTBOX_SECRETS.providerToken}` } },
      },
    },
    now,
  );
  const url = `https://${OUTBOX_SECRETS.userPart}@hooks.example.com/baton?token=${OUTBOX_SECRETS.webhookToken}`;
  await store.webhooks.record(
    {
      id: `evt_${conversationId}_2`,
      conversationId,
      seq: 2,
      type: 'message.created',
      url,
      status: 'pending',
      attempts: 1,
      lastError: `request to ${url} failed, reason: ECONNREFUSED`,
    },
    now,
  );
}

/** The conversation's export shows the send and the delivery, and no credential anywhere. */
export function expectOutboxExported(
  document: unknown,
  conversation: { outbox: unknown; webhookDeliveries: unknown },
  conversationId: string,
  to: string,
): void {
  expect(conversation.outbox).toEqual([
    expect.objectContaining({
      kind: 'email.send',
      status: 'pending',
      attempts: 0,
      firedAt: null,
      data: { seq: 2, to, request: { headers: {} } },
    }),
  ]);
  expect(conversation.webhookDeliveries).toEqual([
    expect.objectContaining({
      id: `evt_${conversationId}_2`,
      seq: 2,
      type: 'message.created',
      receiver: 'https://hooks.example.com',
      status: 'pending',
      attempts: 1,
      lastError: 'request to https://hooks.example.com failed, reason: ECONNREFUSED',
    }),
  ]);
  const text = JSON.stringify(document);
  for (const secret of Object.values(OUTBOX_SECRETS)) expect(text).not.toContain(secret);
}
