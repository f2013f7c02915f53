import { describe, expect, it } from 'vitest';
import {
  botReportedFields,
  MAX_FIELD_LENGTH,
  MAX_FIELDS,
} from '../../../src/core/handoff/bot-reported-fields.ts';

describe('botReportedFields', () => {
  it('folds reports in order, a later value of a key replacing an earlier one', () => {
    expect(
      botReportedFields([
        { order_id: 'A-1', email: 'a@example.com' },
        undefined,
        { order_id: ' A-2 ', seats: 12 },
      ]),
    ).toEqual({ order_id: 'A-2', email: 'a@example.com', seats: '12' });
  });

  it('keeps amounts and drops what is not a short value', () => {
    expect(
      botReportedFields([
        {
          refund: { value: 42.5, currency: 'EUR' },
          bad_currency: { value: 1, currency: 'euro' },
          empty: '  ',
          long: 'x'.repeat(MAX_FIELD_LENGTH + 1),
          list: ['a'],
          flag: true,
          nan: Number.NaN,
          'bell\u0007': 'x',
          ['x'.repeat(65)]: 'too long a key',
          nothing: null,
        },
      ]),
    ).toEqual({ refund: { value: 42.5, currency: 'EUR' } });
  });

  it('keeps a key named __proto__ as a plain key', () => {
    const fields = botReportedFields([JSON.parse('{"__proto__": "p", "Order ID": "7"}')]);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.entries(fields)).toEqual([
      ['__proto__', 'p'],
      ['Order ID', '7'],
    ]);
  });

  it('keeps at most MAX_FIELDS keys, still updating the ones it has', () => {
    const many = Object.fromEntries(
      Array.from({ length: MAX_FIELDS + 5 }, (_, i) => [`f${i}`, 'v']),
    );
    const fields = botReportedFields([many, { f0: 'changed', extra: 'dropped' }]);
    expect(Object.keys(fields)).toHaveLength(MAX_FIELDS);
    expect(fields.f0).toBe('changed');
    expect(fields.extra).toBeUndefined();
  });
});
