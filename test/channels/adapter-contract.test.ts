// One contract, every channel adapter (like Hono's router common.case.test.ts): signature
// first, stable ids for dedupe, statuses without messages, 400/413 on bad bodies, and a
// reply that goes back into the same thread.
import { describe, expect, it } from 'vitest';
import { MAX_WEBHOOK_BODY_BYTES } from '../../src/channels/reject.ts';
import { ADAPTER_CASES } from './adapter-cases.ts';
import { adapters, signedRequest } from './channel-fixtures.ts';

const ids = (result: any) =>
  result.events.map((e: any) => [e.type, e.providerMessageId, e.threadId]);

describe.each(ADAPTER_CASES)('$name adapter contract', (c) => {
  const adapter = adapters[c.name];

  it('rejects an unsigned request with 401 and emits nothing', () => {
    const result = adapter.receive(signedRequest(c.name, c.message.body, 'none'));
    expect(result).toMatchObject({ kind: 'rejected', status: 401, code: 'SIGNATURE_MISSING' });
    expect(result).not.toHaveProperty('events');
  });

  it('rejects a wrongly signed request with 403 and emits nothing', () => {
    const result = adapter.receive(signedRequest(c.name, c.message.body, 'bad'));
    expect(result).toMatchObject({ kind: 'rejected', status: 403, code: 'SIGNATURE_INVALID' });
    expect(result).not.toHaveProperty('events');
  });

  it('checks the signature before parsing (a wrongly signed bad body is 403, not 400)', () => {
    const result = adapter.receive(signedRequest(c.name, c.malformed[0]!, 'bad'));
    expect(result).toMatchObject({ status: 403 });
  });

  it('turns a real payload into a message with its provider id and thread', () => {
    const result = adapter.receive(signedRequest(c.name, c.message.body));
    expect(result.kind).toBe('accepted');
    if (result.kind !== 'accepted') return;
    const message = result.events.find((e) => e.type === 'message');
    expect(message).toMatchObject({
      channel: adapter.channel,
      providerMessageId: c.message.providerMessageId,
      threadId: c.message.threadId,
    });
  });

  it('gives the same ids when the provider delivers the payload twice', () => {
    const first = adapter.receive(signedRequest(c.name, c.message.body));
    const second = adapter.receive(signedRequest(c.name, c.message.body));
    expect(ids(second)).toEqual(ids(first));
    expect(ids(first).length).toBeGreaterThan(0);
  });

  it.each(c.malformed.map((body, i) => [i, body] as const))(
    'answers malformed body #%i with 400 MALFORMED_PAYLOAD',
    (_i, body) => {
      const result = adapter.receive(signedRequest(c.name, body));
      expect(result).toMatchObject({ kind: 'rejected', status: 400, code: 'MALFORMED_PAYLOAD' });
    },
  );

  it('answers a body over 1 MiB with 413', () => {
    const huge = Buffer.concat([c.message.body, Buffer.alloc(MAX_WEBHOOK_BODY_BYTES, 0x20)]);
    const result = adapter.receive(signedRequest(c.name, huge));
    expect(result).toMatchObject({ kind: 'rejected', status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('formats a reply into the same thread in the provider shape', () => {
    const outbound = adapter.formatReply(c.message.threadId, c.reply as any);
    expect(outbound).toHaveLength(1);
    c.checkReply(outbound, c.message.threadId);
  });
});

describe.each(ADAPTER_CASES.filter((c) => c.status))('$name adapter contract: statuses', (c) => {
  it('turns a status payload into a status event and no message', () => {
    const result = adapters[c.name].receive(signedRequest(c.name, c.status!.body));
    expect(result.kind).toBe('accepted');
    if (result.kind !== 'accepted') return;
    expect(result.events.some((e) => e.type === 'message')).toBe(false);
    expect(result.events.find((e) => e.type === 'status')).toMatchObject({
      providerMessageId: c.status!.providerMessageId,
    });
  });
});

it('runs the status case for every channel whose provider reports delivery', () => {
  // Telegram's Bot API has no delivery or read receipts; every other channel must be covered.
  expect(ADAPTER_CASES.filter((c) => !c.status).map((c) => c.name)).toEqual(['telegram']);
});
