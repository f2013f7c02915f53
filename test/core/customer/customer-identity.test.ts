/** One person across channels: references and stored conversations fold to the same identities. */
import { describe, expect, it } from 'vitest';
import {
  identitiesOfConversation,
  identitiesOfReference,
  linkIdentitiesOfConversation,
  phoneIdentity,
} from '../../../src/core/customer/customer-identity.ts';

describe('customer identity', () => {
  it('reads a phone number in any notation as E.164', () => {
    for (const n of [
      '+44 7700 900123',
      '447700900123',
      '+44 (7700) 900-123',
      'whatsapp:+447700900123',
    ])
      expect(phoneIdentity(n), n).toBe('phone:+447700900123');
    expect(phoneIdentity('12')).toBeNull();
    expect(phoneIdentity('order 4711')).toBeNull();
  });

  it('folds references: email case, phone, channel threads', () => {
    expect(identitiesOfReference(' Sarah@Example.COM ')).toContain('email:sarah@example.com');
    expect(identitiesOfReference('whatsapp:+447700900123')).toContain('phone:+447700900123');
    expect(identitiesOfReference('email:Sarah@Example.com')).toContain('email:sarah@example.com');
    expect(identitiesOfReference('telegram:42')).toEqual(['id:telegram:42']);
    expect(identitiesOfReference('   ')).toEqual([]);
  });

  it('finds the person in every trace a conversation keeps', () => {
    const wa = identitiesOfConversation({
      channel: 'whatsapp',
      customer: { id: 'whatsapp:447700900123' },
      externalThread: '106540352242922:447700900123',
    });
    expect([...wa]).toEqual(['id:whatsapp:447700900123', 'phone:+447700900123']);
    const web = identitiesOfConversation({
      channel: 'web',
      customer: { name: 'Ann' },
      externalThread: null,
      replyByEmail: 'Ann@Example.com',
      fields: { phone: '+33 6 12 34 56 78' },
    });
    expect([...web].sort()).toEqual(['email:ann@example.com', 'phone:+33612345678']);
    // A Messenger page-scoped id is no phone number.
    const messenger = identitiesOfConversation({
      channel: 'messenger',
      customer: { id: 'messenger:5551234567' },
      externalThread: '1234:5551234567',
    });
    expect([...messenger]).toEqual(['id:messenger:5551234567']);
  });

  it('links only by what is verified: the signed value, the token, the channel', () => {
    const web = (customer: Record<string, unknown>) => [
      ...linkIdentitiesOfConversation({
        channel: 'web',
        customer,
        externalThread: null,
        replyByEmail: 'typed@example.com',
        fields: { phone: '+33 6 12 34 56 78' },
      }),
    ];
    const claims = { email: 'priya@example.com', phone: '+44 7700 900123' };
    // A userHash signs the id, else the email: nothing beside it, nothing typed.
    expect(web({ id: 'u-1', ...claims, verified: true, verifiedBy: 'user_hash' })).toEqual([
      'id:u-1',
    ]);
    expect(
      web({ email: 'Priya@Example.com', phone: '+447700900123', verifiedBy: 'user_hash' }),
    ).toEqual(['email:priya@example.com']);
    // A site's id is an id, whatever it looks like.
    expect(web({ id: 'whatsapp:447700900123', verifiedBy: 'user_hash' })).toEqual([
      'id:whatsapp:447700900123',
    ]);
    expect(web({ id: 'u-2', ...claims, verified: true, verifiedBy: 'identity_token' })).toEqual([
      'id:u-2',
      'email:priya@example.com',
      'phone:+447700900123',
    ]);
    expect(web({ id: 'u-3', ...claims, verified: false })).toEqual([]);
    const wa = linkIdentitiesOfConversation({
      channel: 'whatsapp',
      customer: { id: 'whatsapp:447700900123' },
      externalThread: '106540352242922:447700900123',
    });
    expect([...wa]).toEqual(['id:whatsapp:447700900123', 'phone:+447700900123']);
  });
});
