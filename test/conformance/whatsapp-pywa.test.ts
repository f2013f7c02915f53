// The WhatsApp Cloud API payloads of ../shared/data/channels (pywa's webhook examples and
// the published X-Hub-Signature-256 vector) through the real adapter: what each becomes.
import { expect, it } from 'vitest';
import { verifyMetaSignature } from '../../src/channels/meta/verify-meta-signature.ts';
import { adapters, signedRequest } from '../channels/channel-fixtures.ts';
import { describeShared, pywaExamples, readSharedJson } from './shared-corpus.ts';

const wa = adapters.whatsapp;
const thread = '1122334455667:972987654321';

function eventsOf(file: string, example: string): any[] {
  const result = wa.receive(signedRequest('whatsapp', pywaExamples(file)[example]!));
  if (result.kind !== 'accepted') throw new Error(`${file}/${example}: ${JSON.stringify(result)}`);
  return result.events;
}

describeShared('conformance: X-Hub-Signature-256 vectors', () => {
  const vectors = readSharedJson('whatsapp/x-hub-signature-256-vectors.json').vectors as any[];
  it.each(vectors)('vector $name', (v) => {
    const request = {
      method: 'POST',
      url: '/',
      query: {},
      headers: { 'X-Hub-Signature-256': v.xHubSignature256 },
      rawBody: Buffer.from(v.rawBody),
    };
    expect(verifyMetaSignature(request, v.secret) === undefined).toBe(v.expectValid);
  });
});

/** What each pywa example must become (first event; `n` = number of events when not 1). */
const EXPECTED: Record<string, Record<string, any>> = {
  'pywa-updates-message.json': {
    text: {
      type: 'message',
      threadId: thread,
      text: 'Body Text',
      at: '2023-10-11T16:53:43.000Z',
      customer: { externalId: '972987654321', name: 'Test Name', phone: '+972987654321' },
    },
    image: { type: 'message', media: [{ kind: 'image', ref: '65463453', mimeType: 'image/jpeg' }] },
    media_with_url: { type: 'message', media: [{ kind: 'image', ref: '65463453' }] },
    video: { type: 'message', media: [{ kind: 'video', ref: '765756756', caption: 'caption' }] },
    document: {
      type: 'message',
      media: [{ kind: 'document', fileName: 'filename.pdf', mimeType: 'application/pdf' }],
    },
    audio: { type: 'message', media: [{ kind: 'audio', mimeType: 'audio/ogg; codecs=opus' }] },
    voice: { type: 'message', media: [{ kind: 'audio' }] },
    static_sticker: { type: 'message', media: [{ kind: 'sticker' }] },
    animated_sticker: { type: 'message', media: [{ kind: 'sticker' }] },
    reaction: { type: 'reaction', targetProviderMessageId: 'wamid.yzxyzx=', emoji: '😮' },
    unreaction_empty: { type: 'reaction', targetProviderMessageId: 'wamid.yzxyzx=' },
    unreaction_no_emoji: { type: 'reaction' },
    current_location: {
      type: 'message',
      media: [{ kind: 'location', ref: 'geo:12.25089,43.90539' }],
    },
    chosen_location: {
      type: 'message',
      media: [{ kind: 'location', caption: 'Facebook HQ, 1 Hacker Way, Menlo Park, CA 94025' }],
    },
    contacts: { type: 'message', text: expect.stringContaining('Chandler Bing (+1 555-555-5555)') },
    order: { type: 'message', unsupported: 'order' },
    unsupported: { type: 'message', unsupported: 'unsupported' },
    unsupported_with_type: { type: 'message', unsupported: 'pool' },
    reply: { type: 'message', text: 'replied text', replyToProviderMessageId: 'wamid.xyzxyz==' },
    forwarded: { type: 'message', text: 'forwarded text' },
    forwarded_many_times: { type: 'message', text: 'text forwarded many times' },
    interactive_message_with_err: {
      type: 'message',
      providerMessageId: 'wamid.wegrchytvwcggt=',
      unsupported: 'interactive',
    },
    referral: { type: 'message', providerMessageId: 'wamid.ID', text: 'BODY' },
  },
  'pywa-updates-message_status.json': {
    sent: { type: 'status', status: 'sent', providerMessageId: 'wamid.xyzxyz', threadId: thread },
    delivered: { type: 'status', status: 'delivered' },
    read: { type: 'status', status: 'read', at: '2023-07-15T00:20:58.000Z' },
    played: { type: 'status', status: 'read' },
    failed: {
      type: 'status',
      status: 'failed',
      error: expect.stringContaining("User's number is part of an experiment"),
    },
    with_tracker: { type: 'status', status: 'sent' },
    group: { type: 'status', status: 'read', providerMessageId: '<WHATSAPP_MESSAGE_ID>' },
  },
  'pywa-updates-callback_button.json': {
    button: {
      type: 'message',
      text: 'title',
      interactive: { id: 'callback_data', title: 'title' },
    },
    quick_reply: {
      type: 'message',
      providerMessageId: 'wamid.xsidjw',
      interactive: { id: 'callback_data', title: 'title' },
    },
    quick_reply_without_context: {
      type: 'message',
      providerMessageId: 'wamid.xsidjx',
      interactive: { id: 'callback_data' },
    },
  },
  'pywa-updates-callback_selection.json': {
    callback: { type: 'message', interactive: { id: 'callback_data', title: 'title' } },
    description: { type: 'message', interactive: { id: 'callback_data', title: 'title' } },
  },
  'pywa-updates-edited_message.json': {
    image: {
      type: 'message_edited',
      threadId: '106540352242922:16505551234',
      originalProviderMessageId: 'wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=',
      media: [{ kind: 'image', caption: 'Updated image caption' }],
    },
  },
  'pywa-updates-deleted_message.json': {
    revoke: {
      type: 'message_deleted',
      providerMessageId: '<WHATSAPP_MESSAGE_ID>',
      originalProviderMessageId: '<ORIGINAL_WHATSAPP_MESSAGE_ID>',
    },
  },
  'pywa-updates-system.json': {
    phone_number_change: {
      type: 'system',
      systemType: 'user_changed_number',
      newExternalId: '972912345678',
    },
    identity_change: {
      type: 'system',
      systemType: 'customer_identity_changed',
      text: 'User identity changed',
    },
  },
  'pywa-updates-outgoing_message.json': {
    text: {
      type: 'echo',
      action: 'message',
      text: 'Test message',
      threadId: '1122334455667:<WHATSAPP_USER_PHONE_NUMBER>',
    },
    delete: {
      type: 'echo',
      action: 'delete',
      originalProviderMessageId: 'wamid.zzzzzz',
      threadId: '1122334455667:972123456789',
    },
    edit: {
      type: 'echo',
      action: 'edit',
      text: 'Text was edited',
      originalProviderMessageId: 'wamid.zzzzzz',
    },
  },
};

describeShared('conformance: every pywa webhook example', () => {
  for (const [file, examples] of Object.entries(EXPECTED)) {
    it(`${file}: covers every example in the file`, () => {
      expect(Object.keys(examples).sort()).toEqual(Object.keys(pywaExamples(file)).sort());
    });
    it.each(Object.entries(examples))(`${file}: %s`, (example, expected) => {
      const events = eventsOf(file, example);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject(expected);
      expect(events[0].channel).toBe('whatsapp');
    });
  }
});
