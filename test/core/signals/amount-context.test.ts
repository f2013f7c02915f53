import { describe, expect, it } from 'vitest';
import { isChargeContext } from '../../../src/core/signals/amount-context.ts';
import { parseMoneyAmounts } from '../../../src/core/signals/parse-money.ts';

/** Whether the first amount in `text` reads as a charge, refund or order amount. */
function charged(text: string): boolean {
  const a = parseMoneyAmounts(text)[0];
  if (!a) throw new Error(`no amount in ${text}`);
  return isChargeContext(text, a.index, a.matched.length);
}

describe('isChargeContext', () => {
  it.each([
    'The total was $740 and nobody explained it',
    'Die Reparatur hat 820 € gekostet und geht immer noch nicht',
    'On m’a débité 640 € pour rien',
    'Le canapé m’a coûté 1 200 € et il est arrivé déchiré',
    'Compré una tele de 900 € y llegó rota',
    'Comprei um celular de R$ 2.300 que não liga',
    'O valor de R$ 1.900 não bate com o contrato',
    'Der Betrag von 1.250,00 € ist mir unklar',
    'El importe de 730 € no es lo que acordamos',
  ])('reads the amount in %j as a charge', (text) => {
    expect(charged(text)).toBe(true);
  });

  it.each([
    'My savings account has $4,000 in it',
    'Can I send 900 € to my sister abroad?',
    'Mein Tageslimit liegt bei 2.000 €',
  ])('does not read the amount in %j as a charge', (text) => {
    expect(charged(text)).toBe(false);
  });
});
