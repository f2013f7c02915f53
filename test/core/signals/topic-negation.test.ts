// Negation scope of topic requests in the five languages (issue 12): a topic the customer says
// they do not want is not requested; a negation in another clause, an inability, "no longer" or
// a report of what did not happen leaves the request standing. Sentences made up for this test.
import { describe, expect, it } from 'vitest';
import { detectTopics } from '../../../src/core/signals/detect-topics.ts';
import type { Topic } from '../../../src/core/signals/topic-lexicon.ts';

const requested = (text: string): Topic[] =>
  detectTopics(text)
    .filter((h) => h.kind === 'request')
    .map((h) => h.topic);

describe('topic requests negated in their clause', () => {
  it.each<[Topic, string]>([
    ['refund', "I don't want a refund, I just want to know where my order is"],
    ['refund', 'I do not need a refund, just a replacement'],
    ['cancellation', "I don't want to cancel my subscription, just change the card"],
    ['complaint', "I don't want to file a complaint, I just want to know the delivery date"],
    ['billing_dispute', 'I was not charged twice, it was my mistake'],
    ['refund', 'No quiero un reembolso, solo quiero saber dónde está mi pedido'],
    ['refund', 'no necesito un reembolso, solo el cambio de talla'],
    ['refund', 'je ne veux pas de remboursement, je veux juste savoir où est ma commande'],
    ['refund', "je n'ai pas besoin d'un remboursement"],
    ['cancellation', "je ne veux pas annuler mon abonnement, juste changer l'adresse"],
    ['refund', 'não quero reembolso, só quero saber onde está meu pedido'],
    ['refund', 'Não quero o reembolso, quero outro produto'],
    ['cancellation', 'não quero cancelar a minha assinatura, só mudar o plano'],
    ['cancellation', 'ich will nicht kündigen, nur die Adresse ändern'],
    ['cancellation', 'Ich möchte meinen Vertrag nicht kündigen, nur den Tarif wechseln'],
    ['refund', 'ich möchte keine Rückerstattung, nur wissen wo meine Bestellung ist'],
  ])('%s not requested: %s', (topic, text) => {
    expect(requested(text)).not.toContain(topic);
    const hit = detectTopics(text).find((h) => h.topic === topic);
    expect(hit?.kind).toBe('mention');
    expect(hit?.negated).toBeDefined();
  });
});

describe('topic requests a negation elsewhere leaves standing', () => {
  it.each<[Topic, string]>([
    // the negation is in another clause, or a new subject or "please" starts one
    ['refund', "I don't want store credit, I want a refund"],
    ['refund', "I don't want store credit I want a refund"],
    ['refund', 'I want a refund, not store credit'],
    ['refund', 'no quiero esperar más, quiero un reembolso'],
    ['refund', 'no quiero esperar más quiero un reembolso'],
    ['refund', 'not happy please refund me'],
    ['refund', 'not happy and want a refund'],
    ['refund', 'je ne suis pas content, remboursez-moi'],
    ['cancellation', 'não estou satisfeito, quero cancelar a minha assinatura'],
    ['cancellation', 'ich will nicht mehr warten, bitte kündigen'],
    // the negation is part of the request itself
    ['cancellation', "I don't want this order anymore"],
    // an inability, "no longer", a report of what did not happen
    ['cancellation', "I can't cancel my subscription online"],
    ['cancellation', 'ich kann nicht kündigen, die Seite lädt nicht'],
    ['cancellation', 'no puedo cancelar mi suscripción, la página da error'],
    ['cancellation', 'não consigo cancelar a minha assinatura'],
    ['cancellation', 'je ne peux pas annuler mon abonnement'],
    ['cancellation', 'ya no necesito la cuenta, quiero cancelar mi suscripción'],
    ['cancellation', 'I no longer need it, please cancel my subscription'],
    ['refund', "i haven't received my order, I want a refund"],
    ['refund', 'nao recebi o produto quero reembolso'],
    ['refund', 'you never refunded me'],
    ['refund', "if you don't refund me I will call my bank"],
    ['refund', 'si vous ne me remboursez pas, je vais porter plainte'],
    // a negation of another word, before an embedded question
    ['billing_dispute', 'I have no idea where this transaction came from'],
    ['cancellation', "I don't know how to cancel my order"],
    ['billing_dispute', 'keine Ahnung, wie ich doppelt belastet wurde'],
  ])('%s requested: %s', (topic, text) => {
    expect(requested(text)).toContain(topic);
  });
});
