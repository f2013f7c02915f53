/** The repeat guard warns only when a draft asks for something already known. */
import { describe, expect, it } from 'vitest';
import { checkRepeat } from '../../../src/core/handoff/check-repeat.ts';

const known = {
  fields: {
    order_id: '12345',
    email: 'sarah.j@example.com',
    amount: { value: 620, currency: 'USD' },
  },
  goal: '“I want a refund for order #12345”',
};

describe('checkRepeat', () => {
  it.each([
    ['Could you give me your order number?', 'order_id', '12345'],
    ['What is your email address?', 'email', 'sarah.j@example.com'],
    ['How can I help you today?', 'goal', known.goal],
    ["Hi Sarah, what's the problem with the blender?", 'goal', known.goal],
    ['How much was it?', 'amount', '620 USD'],
    // A greeting that asks about the matter itself is still a repeat.
    ['Hi, I am Alex. How can I help with your order?', 'goal', known.goal],
  ])('warns on “%s”', (draft, field, value) => {
    expect(checkRepeat(draft, known)).toEqual([expect.objectContaining({ field, known: value })]);
  });

  it.each([
    'I have refunded order 12345 to sarah.j@example.com.',
    'Your order number is 12345, and the refund is on its way.',
    'Thanks for waiting, I can see everything you told the assistant.',
    // Greetings: "how can I help" after a hello is politeness, not a question about the goal.
    'Hi again! Yes, how can I help?',
    'Hello Sarah, how can I help you today?',
    'Good morning! What can I do for you?',
  ])('stays quiet on “%s”', (draft) => {
    expect(checkRepeat(draft, known)).toEqual([]);
  });

  it('does not warn about what the conversation does not know', () => {
    expect(checkRepeat('Could you give me your phone number?', known)).toEqual([]);
    expect(checkRepeat('What is your order number?', { fields: {} })).toEqual([]);
  });
});
