// A topic the customer says they do not want ("não quero o reembolso") does not hand over for
// topic_policy: the rules read the negation in the topic's clause, and the topic_policy
// classifier alone may not fire on such a message either. Real requests still hand over.
import { describe, expect, it } from 'vitest';
import { evaluatePolicy, getDefaultPolicy } from '../../../src/core/policy/index.ts';
import { bot, conversation, customer } from './helpers.ts';

const policy = getDefaultPolicy();
const decide = (text: string) => evaluatePolicy(conversation([customer(text)]), policy);
const codes = (text: string) => decide(text).reasons.map((r) => r.code);

describe('negated topics in the policy', () => {
  it.each([
    'No quiero un reembolso, solo quiero saber dónde está mi pedido',
    'je ne veux pas de remboursement, je veux juste savoir où est ma commande',
    'não quero reembolso, só quero saber onde está meu pedido',
    'ich möchte keine Rückerstattung, nur wissen wo meine Bestellung ist',
    "I don't want a refund, I just want to know where my order is",
  ])('no topic_policy handoff: %s', (text) => {
    expect(codes(text)).not.toContain('topic_policy');
  });

  // The classifier's topic_policy head reaches its threshold on these; the negation holds it.
  it.each([
    'Não quero o reembolso, quero outro produto',
    'I was not charged twice, it was my mistake',
  ])('the classifier alone does not hand over a negated topic: %s', (text) => {
    const d = decide(text);
    expect(d.reasons.map((r) => r.code)).not.toContain('topic_policy');
    expect(JSON.stringify(d.trace)).toMatch(/negates the (?:refund|billing_dispute) request/);
  });

  it.each([
    'no quiero esperar más, quiero un reembolso',
    'ich will nicht mehr warten, bitte kündigen',
    "I don't want store credit, I want a refund",
    'je ne suis pas content, remboursez-moi',
    'não estou satisfeito, quero cancelar a minha assinatura',
  ])('still hands over for topic_policy: %s', (text) => {
    const d = decide(text);
    expect(d.action).toBe('handoff');
    expect(d.reasons.map((r) => r.code)).toContain('topic_policy');
  });

  it('a negated topic still chooses the queue when the customer then asks for a person', () => {
    const turns = (first: string) => [
      customer(first),
      bot('Claro.'),
      customer('quiero hablar con un agente'),
    ];
    const negated = evaluatePolicy(
      conversation(turns('No quiero un reembolso, solo quiero saber dónde está mi pedido')),
      policy,
    );
    expect(negated.queue).toBe('billing');
    // The first message alone hands over nothing: the queue comes from a mention.
    expect(decide('No quiero un reembolso, solo quiero saber dónde está mi pedido').action).toBe(
      'continue',
    );
    const other = evaluatePolicy(conversation(turns('tengo una pregunta sobre mi pedido')), policy);
    expect(other.queue).toBe('general');
  });
});
