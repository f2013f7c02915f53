import { describe, expect, it } from 'vitest';
import {
  customerValueScore,
  detectHighValueIntent,
} from '../../../src/core/signals/detect-high-value.ts';

describe('detectHighValueIntent', () => {
  it.each([
    'What does Enterprise pricing look like with SSO and audit logs?',
    "we'd like a quote for 250 embroidered hoodies for our company retreat",
    'Looking at 40 business lines with a shared data pool, can you do a custom quote?',
  ])('finds a sales opportunity in %j', (text) => {
    expect(detectHighValueIntent(text)).not.toBeNull();
  });

  it('reads the quantity asked for', () => {
    expect(detectHighValueIntent('we need pricing for 120 seats')?.quantity).toBe(120);
  });

  it.each([
    ['could you send a quote for 60 standing desks?', 60],
    ['presupuesto para 80 sillas de oficina', 80],
    ['un devis pour 45 chaises', 45],
  ])('reads any counted goods with a quote or purchase word: %j', (text, quantity) => {
    expect(detectHighValueIntent(text)?.quantity).toBe(quantity);
  });

  it.each([
    'Does the Pro plan include single sign-on?',
    'I want to buy 2 shirts',
    'what is the price difference after 30 days?',
    'I have 25 orders and none has a quote',
  ])('ignores %j', (text) => {
    expect(detectHighValueIntent(text)).toBeNull();
  });
});

describe('customerValueScore', () => {
  it('adds tier, lifetime value and churn risk', () => {
    expect(customerValueScore(undefined)).toBe(0);
    expect(customerValueScore({ tier: 'standard' })).toBe(0);
    expect(
      customerValueScore({ tier: 'enterprise', lifetime_value: 48000, at_risk_of_churn: true }),
    ).toBe(1);
  });
});
