/** Canned-response variables: filled from what the inbox knows, unknown ones left visible. */
import { describe, expect, it } from 'vitest';
import { fillVariables, unfilledVariables } from '../../web/inbox/fill-variables.ts';

const source = {
  customer: { name: 'Sarah', email: undefined },
  agent: { name: 'Alex' },
  fields: { order_id: 'A1234', amount: { value: 640, currency: 'EUR' } },
};

describe('fillVariables', () => {
  it('fills customer, agent and field variables, spaces inside the braces allowed', () => {
    expect(
      fillVariables(
        'Hi {{customer.name}}, {{ agent.name }} here about {{fields.order_id}}.',
        source,
      ),
    ).toBe('Hi Sarah, Alex here about A1234.');
  });

  it('shows amounts with their currency', () => {
    expect(fillVariables('Refund of {{fields.amount}}', source)).toBe('Refund of €640.00');
  });

  it('leaves unknown, empty and malformed variables as written', () => {
    const text =
      '{{customer.email}} {{fields.tracking_number}} {{agent.email}} {{customer.name.first}} {{x}}';
    expect(fillVariables(text, source)).toBe(text);
  });
});

describe('unfilledVariables', () => {
  it('lists each variable still in a draft once, and nothing in a plain reply', () => {
    expect(unfilledVariables('Hi {{customer.name}}, {{ x }} and {{customer.name}} again')).toEqual([
      '{{customer.name}}',
      '{{ x }}',
    ]);
    expect(unfilledVariables('Hi Sarah, an order {1234} and a } brace')).toEqual([]);
  });
});
