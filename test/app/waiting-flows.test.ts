/**
 * The waiting-room flows as pure decisions, for the channels the browser and API tests do
 * not reach: on WhatsApp, SMS, Telegram or email "continue by message" asks nothing.
 */
import { describe, expect, it } from 'vitest';
import { isSkip } from '../../src/app/conversations/field-answer.ts';
import { intakeQuestion } from '../../src/app/conversations/intake-questions.ts';
import { CUSTOMER_LANGUAGES, customerText } from '../../src/core/i18n/customer-text.ts';
import { wordOf } from '../helpers/greeting-text.ts';
import { ReplyByMessageFlow } from '../../src/app/conversations/reply-by-message-flow.ts';
import type { FlowContext } from '../../src/app/conversations/waiting-room.ts';
import type { ConversationRecord } from '../../src/core/records.ts';

function context(conversation: Partial<ConversationRecord>): FlowContext {
  return {
    conversation: {
      id: 'c_1',
      channel: 'web',
      status: 'queued',
      queue: 'billing',
      customer: {},
      channelState: {},
      externalThread: null,
      handoff: {
        at: '',
        reasons: [],
        queue: 'billing',
        priority: 50,
        policyVersion: '1',
        fields: {},
      },
      ...conversation,
    } as ConversationRecord,
    history: [],
    prompt: { seq: 5, kind: 'long_queue', choices: [], data: {} },
    answer: { choice: 'message', text: 'Continue by message' },
    now: new Date('2026-03-10T10:00:00Z'),
    language: 'en',
    overrides: {},
  };
}

describe('continue by message', () => {
  const flow = new ReplyByMessageFlow(true);

  it.each(['whatsapp', 'sms', 'telegram', 'email'])(
    'on %s confirms "we will answer here"',
    (channel) => {
      const [reply] = flow.start(context({ channel, externalThread: 'thread-1' }));
      expect(reply?.key).toBe('message_confirmed_here');
      expect(reply?.prompt).toBeUndefined();
      expect(reply?.changes?.channelState).toBeUndefined();
      expect(reply?.changes?.handoff).toMatchObject({
        continueByMessage: true,
        fields: { reply_by: 'this conversation' },
      });
      expect(reply?.lifecycle).toEqual({ customerAwaySince: null });
    },
  );

  it('on web asks for an address, unless one was said during the conversation', () => {
    expect(flow.start(context({}))[0]?.prompt?.kind).toBe('reply_email');
    const known = flow.start(
      context({
        handoff: {
          at: '',
          reasons: [],
          queue: 'billing',
          priority: 50,
          policyVersion: '1',
          fields: { email: 'said@example.com' },
        },
      }),
    )[0];
    expect(known?.key).toBe('message_confirmed_email');
    expect(known?.changes?.channelState).toEqual({ replyByEmail: 'said@example.com' });
  });

  it('promises no email when Baton cannot send one: on web, "we will answer here"', () => {
    const withoutMail = new ReplyByMessageFlow(false);
    const [reply] = withoutMail.start(context({ customer: { email: 'known@example.com' } }));
    expect(reply?.key).toBe('message_confirmed_here');
    expect(reply?.prompt).toBeUndefined();
    expect(reply?.changes?.channelState).toBeUndefined();
  });
});

describe('the intake questions', () => {
  it('are asked in the customer language, English otherwise', () => {
    expect(intakeQuestion('order_id', 'es')).toMatch(/¿Cuál es su número de pedido\?.*«omitir»/);
    expect(intakeQuestion('email', 'de-AT')).toMatch(/Welche E-Mail-Adresse/);
    expect(intakeQuestion('account_id', 'fr')).toMatch(/identifiant de compte/);
    expect(intakeQuestion('phone', 'pt-BR')).toMatch(/número de telefone/);
    expect(intakeQuestion('order_id', 'ja')).toMatch(/What is your order number\?/);
    expect(intakeQuestion('loyalty_code', 'en')).toMatch(/your loyalty code\?/);
  });

  it('name a word for "skip" that skips, in every language (pt-PT its own)', () => {
    for (const language of CUSTOMER_LANGUAGES) {
      const word = wordOf(customerText('intake_skip', language, {}));
      expect(isSkip(word), `${language}: ${word}`).toBe(true);
    }
    expect(intakeQuestion('phone', 'pt-PT')).toMatch(/telemóvel.*“saltar”/);
  });
});
