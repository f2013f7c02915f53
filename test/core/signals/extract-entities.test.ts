import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractEntities, normalizePhone } from '../../../src/core/signals/extract-entities.ts';
import { parseAmountNumber, parseMoneyAmounts } from '../../../src/core/signals/parse-money.ts';

const money = (text: string) =>
  parseMoneyAmounts(text).map(({ value, currency }) => ({ value, currency }));

describe('parseMoneyAmounts', () => {
  it.each([
    ['$620', 620, 'USD'],
    ['620 EUR', 620, 'EUR'],
    ['€620', 620, 'EUR'],
    ['1.200,50 €', 1200.5, 'EUR'],
    ['€1,200', 1200, 'EUR'],
    ['£6.95', 6.95, 'GBP'],
    ['350 dollars', 350, 'USD'],
    ['R$ 1.500', 1500, 'BRL'],
    ['2.5k USD', 2500, 'USD'],
    // Local formats and symbols of ../shared/spec/transcripts.md.
    ['1.250,00 €', 1250, 'EUR'],
    ['1 250,00 €', 1250, 'EUR'],
    ['1\u00a0250,00 €', 1250, 'EUR'],
    ['R$ 2.300', 2300, 'BRL'],
    ['R$2.300,50', 2300.5, 'BRL'],
    ['1,250.00 dollars', 1250, 'USD'],
    ['AU$ 700', 700, 'AUD'],
    ['A$700', 700, 'AUD'],
    ['CA$ 1,200', 1200, 'CAD'],
    ['C$80', 80, 'CAD'],
    ['£1,250', 1250, 'GBP'],
    ['$620 AUD', 620, 'AUD'],
    ['$900, paid in Canadian dollars', 900, 'CAD'],
  ])('reads %j as %d %s', (text, value, currency) => {
    expect(money(text)).toEqual([{ value, currency }]);
  });

  it('finds every amount in order', () => {
    expect(money('$38.50 and $112')).toEqual([
      { value: 38.5, currency: 'USD' },
      { value: 112, currency: 'USD' },
    ]);
  });

  it('ignores numbers without a currency', () => {
    expect(money('order 12345 has 3 items')).toEqual([]);
  });

  it('reads formatted integers back to the same number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), (n) => {
        expect(parseAmountNumber(n.toLocaleString('en-US'))).toBe(n);
        expect(parseAmountNumber(n.toLocaleString('de-DE'))).toBe(n);
      }),
    );
  });
});

describe('extractEntities', () => {
  it.each([
    ['order #12345', { order_id: '12345' }],
    ['my order 12345 is late', { order_id: '12345' }],
    ['#12345', { order_id: '12345' }],
    ["it's sarah.j@example.com", { email: 'sarah.j@example.com' }],
    ['call me on +44 7700 900123', { phone: '+447700900123' }],
    ['Sie erreichen mich unter +49 151 23456789.', { phone: '+4915123456789' }],
    ['account ACC-7781', { account_id: 'ACC-7781' }],
  ])('extracts from %j', (text, want) => {
    expect(extractEntities(text)).toMatchObject(want);
  });

  it('does not read a bank account ending as a phone or account id', () => {
    const e = extractEntities('transfer the balance to my bank account ending 2291');
    expect(e.phone).toBeUndefined();
    expect(e.account_id).toBeUndefined();
  });

  it('normalises phones to + and digits', () => {
    expect(normalizePhone('+1 (415) 555-0100')).toBe('+14155550100');
    expect(normalizePhone('0044 20 7946 0958')).toBe('+442079460958');
    expect(normalizePhone('12')).toBeNull();
  });
});

describe('money in the writer’s own convention', () => {
  it.each([
    ['EUR 900 wurden abgebucht', 900, 'EUR'],
    ['$1,249.99 for the laptop', 1249.99, 'USD'],
    ["CHF 1'200", 1200, 'CHF'],
    ['USD 640 charged twice', 640, 'USD'],
    ['me cobraron 750 dólares', 750, 'USD'],
    ['600 libras esterlinas', 600, 'GBP'],
    ['1.800,- € wurden abgebucht', 1800, 'EUR'],
    ['CHF 1’200 für das Jahresabo', 1200, 'CHF'],
    ["1'200 Franken", 1200, 'CHF'],
    ['cobrou R$ 3 mil de uma vez', 3000, 'BRL'],
    ['fueron 2 mil euros', 2000, 'EUR'],
    ['3 Tsd. € abgebucht', 3000, 'EUR'],
  ])('reads %j as %d %s', (text, value, currency) => {
    expect(money(text)).toEqual([{ value, currency }]);
  });

  it('does not read a thousand out of a word that starts with "mil"', () => {
    expect(money('3 milhões de pessoas')).toEqual([]);
    expect(money('EUROPE 900')).toEqual([]);
  });
});
