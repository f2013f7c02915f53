// Open API channel: Standard Webhooks signing and verification (the specification's
// published vector, replay window, key rotation) and the outgoing conversation events.
import { describe, expect, it } from 'vitest';
import { createApiAdapter } from '../../src/channels/api/api-adapter.ts';
import {
  signStandardWebhook,
  verifyStandardWebhook,
} from '../../src/channels/api/standard-webhooks.ts';
import { adapters, NOW, SECRETS, signedRequest } from './channel-fixtures.ts';
import { apiMessage } from './synthetic-payloads.ts';

// The Standard Webhooks specification's test vector (also in its reference libraries' tests).
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const vectorHeaders = (signature = VECTOR.signature) => ({
  'webhook-id': VECTOR.id,
  'webhook-timestamp': String(VECTOR.timestamp),
  'webhook-signature': signature,
});
const at = (seconds: number) => new Date(seconds * 1000);

describe('Standard Webhooks', () => {
  it('signs the specification vector', () => {
    expect(
      signStandardWebhook(VECTOR.secret, VECTOR.id, at(VECTOR.timestamp), VECTOR.body)[
        'webhook-signature'
      ],
    ).toBe(VECTOR.signature);
  });

  it('verifies the vector inside the 5-minute window and refuses it outside', () => {
    const verify = (now: number) =>
      verifyStandardWebhook({
        secret: VECTOR.secret,
        headers: vectorHeaders(),
        rawBody: VECTOR.body,
        now: at(now),
      });
    expect(verify(VECTOR.timestamp + 300)).toMatchObject({ ok: true, id: VECTOR.id });
    expect(verify(VECTOR.timestamp - 300)).toMatchObject({ ok: true });
    expect(verify(VECTOR.timestamp + 301)).toMatchObject({ ok: false, code: 'SIGNATURE_INVALID' });
    expect(verify(VECTOR.timestamp - 301)).toMatchObject({ ok: false, code: 'SIGNATURE_INVALID' });
  });

  it('accepts any of several signatures (secret rotation) and ignores unknown versions', () => {
    const headers = vectorHeaders(`v1a,xxx v1,bm90IGl0 ${VECTOR.signature}`);
    expect(
      verifyStandardWebhook({
        secret: VECTOR.secret,
        headers,
        rawBody: VECTOR.body,
        now: at(VECTOR.timestamp),
      }).ok,
    ).toBe(true);
    const wrong = vectorHeaders('v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
    expect(
      verifyStandardWebhook({
        secret: VECTOR.secret,
        headers: wrong,
        rawBody: VECTOR.body,
        now: at(VECTOR.timestamp),
      }).ok,
    ).toBe(false);
  });

  it('refuses a tampered body or id, and missing headers with SIGNATURE_MISSING', () => {
    const now = at(VECTOR.timestamp);
    expect(
      verifyStandardWebhook({
        secret: VECTOR.secret,
        headers: vectorHeaders(),
        rawBody: '{"test": 2432232315}',
        now,
      }).ok,
    ).toBe(false);
    expect(
      verifyStandardWebhook({
        secret: VECTOR.secret,
        headers: { ...vectorHeaders(), 'webhook-id': 'msg_other' },
        rawBody: VECTOR.body,
        now,
      }).ok,
    ).toBe(false);
    expect(
      verifyStandardWebhook({
        secret: VECTOR.secret,
        headers: { 'webhook-id': VECTOR.id },
        rawBody: VECTOR.body,
        now,
      }),
    ).toMatchObject({ code: 'SIGNATURE_MISSING' });
  });

  it('the adapter refuses a replayed request once the window has passed', () => {
    const request = signedRequest('api', apiMessage());
    const later = createApiAdapter({
      secret: SECRETS.api,
      webhookUrl: 'http://x',
      clock: () => new Date(NOW.getTime() + 10 * 60_000),
    });
    expect(later.receive(request)).toMatchObject({ status: 403, code: 'SIGNATURE_INVALID' });
  });
});

describe('outgoing conversation events', () => {
  const api = adapters.api;
  it('formats { type, timestamp, data } signed so the receiver can verify it', () => {
    const request = api.formatEvent(
      'conversation.assigned',
      { conversationId: 'c_1', agentId: 'a_1', agentName: 'Dana' },
      { id: 'msg_evt_1' },
    );
    expect(JSON.parse(request.body)).toEqual({
      type: 'conversation.assigned',
      timestamp: NOW.toISOString(),
      data: { conversationId: 'c_1', agentId: 'a_1', agentName: 'Dana' },
    });
    expect(
      verifyStandardWebhook({
        secret: SECRETS.api,
        headers: request.headers,
        rawBody: request.body,
        now: NOW,
      }),
    ).toMatchObject({ ok: true, id: 'msg_evt_1' });
  });

  it('a retry keeps the delivery id and signs a fresh timestamp', () => {
    const first = api.formatEvent(
      'conversation.resolved',
      { conversationId: 'c_1', by: 'agent' },
      { id: 'msg_evt_2' },
    );
    const retryAt = new Date(NOW.getTime() + 3_600_000);
    const retry = api.formatEvent(
      'conversation.resolved',
      { conversationId: 'c_1', by: 'agent' },
      { id: 'msg_evt_2', at: retryAt },
    );
    expect(retry.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(
      verifyStandardWebhook({
        secret: SECRETS.api,
        headers: retry.headers,
        rawBody: retry.body,
        now: retryAt,
      }).ok,
    ).toBe(true);
  });

  it('inbound interactive choices and media are accepted', () => {
    const result = api.receive(
      signedRequest(
        'api',
        apiMessage({
          text: undefined,
          interactive: { id: 'human', title: 'Talk to a person' },
          media: [
            { kind: 'image', url: 'https://cdn.test/1.png' },
            { kind: 'hologram', url: 'x' },
          ],
        }),
      ),
    );
    expect(result).toMatchObject({
      kind: 'accepted',
      events: [
        {
          interactive: { id: 'human', title: 'Talk to a person' },
          media: [{ kind: 'image', ref: 'https://cdn.test/1.png' }],
        },
      ],
    });
  });
});
