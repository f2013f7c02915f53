/**
 * docs/channels.md "The greeting": each channel's customer is told how to reach a person in a
 * way their channel allows. The round trips through the server hold the web widget, WhatsApp,
 * Telegram and SMS (test/http/channel-choices.test.ts); this holds the rule for every channel,
 * Messenger, Instagram, email and the open API channel included.
 */
import { describe, expect, it } from 'vitest';
import { greetingText } from '../../src/app/conversations/customer-messages.ts';

describe('the greeting says how to reach a person in each channel', () => {
  it('the web widget names its button', () => {
    expect(greetingText('Nia', 'web', 'en')).toMatch(/press “Talk to a human” or just say so/);
  });

  it.each(['sms', 'email'])('%s: reply with the word', (channel) => {
    const text = greetingText('Nia', channel, 'en');
    expect(text).toMatch(/reply “agent” at any time\.$/);
    expect(text).not.toMatch(/press/);
  });

  it.each(['whatsapp', 'messenger', 'instagram', 'telegram', 'api'])(
    '%s: write the word, no button to press',
    (channel) => {
      const text = greetingText('Nia', channel, 'en');
      expect(text).toMatch(/write “agent” or just say so/);
      expect(text).not.toMatch(/press/);
    },
  );

  it('a caller is told to say the word', () => {
    expect(greetingText('Nia', 'voice', 'en')).toMatch(/say “agent” at any time/);
  });

  it('every greeting says it is a bot', () => {
    for (const channel of ['web', 'sms', 'email', 'messenger', 'instagram', 'api', 'voice']) {
      expect(greetingText('Nia', channel, 'en')).toMatch(/automated assistant — a bot/);
    }
  });
});
