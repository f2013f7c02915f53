import { describe, expect, it } from 'vitest';
import { detectTopics } from '../../../src/core/signals/detect-topics.ts';
import type { Topic } from '../../../src/core/signals/topic-lexicon.ts';

const requested = (text: string): Topic[] =>
  detectTopics(text)
    .filter((h) => h.kind === 'request')
    .map((h) => h.topic);

describe('detectTopics', () => {
  it.each<[Topic, string]>([
    ['refund', 'Hi, I want a refund for order #55031.'],
    ['refund', 'Please refund it and switch us back to monthly.'],
    ['cancellation', "I'd like to cancel our subscription at the end of this billing period."],
    ['cancellation', 'please close my account ACC-4471'],
    ['cancellation', 'i need help tocancel order 00004587345'],
    ['billing_dispute', 'I was charged twice for the same order'],
    ['legal', 'our compliance team needs a signed data processing agreement'],
    ['security', "there are 2 card payments I don't recognise on my statement"],
    ['security', "my password was changed and there's a new login from São Paulo"],
    ['complaint', 'I want to make a complaint about the outage'],
    ['sales', 'What does Enterprise pricing look like with SSO?'],
    ['approval', 'can you raise my daily transfer limit to €10,000?'],
    ['approval', 'Could you make an exception?'],
    ['security', 'Someone from your company emailed me asking for my password, is that legit?'],
    ['billing_dispute', 'You charged me for a plan I never signed up for'],
    ['refund', 'quiero un reembolso'],
    ['cancellation', 'Ich möchte meinen Vertrag kündigen'],
    // pt-PT puts an article before the possessive ("a minha"), pt-BR mostly does not.
    ['cancellation', 'quero cancelar a minha assinatura'],
    ['cancellation', 'quero encerrar a minha conta'],
    // The goods never came: the usual reason for a refund, not a refund being tracked.
    ['refund', "i haven't received my headphones order and want a refund"],
    ['refund', "I'd like a refund, the parcel hasn't arrived yet."],
    ['refund', 'I need these boots refunded'],
    ['refund', 'I want the late-payment fee reversed'],
    ['cancellation', 'I want my two purchases cancelled.'],
    ['cancellation', 'This order needs to be cancelled today.'],
    ['cancellation', 'I no longer want this account.'],
    ['billing_dispute', 'There is a repeated charge for one coffee'],
    ['billing_dispute', 'I was charged several times for the same taxi ride'],
    ['billing_dispute', 'The package never arrived, so please stop the payment'],
    ['billing_dispute', 'Please block the charge, my order never arrived'],
  ])('requests %s in %j', (topic, text) => {
    expect(requested(text)).toContain(topic);
  });

  it.each<[Topic, string]>([
    ['refund', 'What is your refund policy?'],
    ['refund', 'I am waiting for a refund of $160, has it been processed?'],
    ['cancellation', 'what is the cancellation fee?'],
    ['cancellation', 'cancel my last message'],
    ['cancellation', 'I want to cancel my newsletter subscription'],
    ['cancellation', 'can I cancel my physio appointment?'],
    ['complaint', 'no complaints, all good'],
    ['security', 'I found my lost card, can I reactivate it?'],
    ['approval', 'Are there any top-up limits?'],
    ['refund', "I haven't received my refund yet"],
    ['refund', 'The order was refunded but the money has not arrived'],
    ['billing_dispute', 'how do I stop a payment?'],
    ['billing_dispute', 'can you cancel the transfer I just made'],
  ])('does not request %s in %j', (topic, text) => {
    expect(requested(text)).not.toContain(topic);
  });

  it('records mentions for the queue without treating them as requests', () => {
    const hits = detectTopics('My broadband keeps dropping, how can I fix it?');
    expect(hits).toContainEqual(expect.objectContaining({ topic: 'technical', kind: 'mention' }));
  });

  it('judges each sentence on its own: a policy question does not veto a request', () => {
    expect(
      requested('What is your refund policy? Anyway, I want a refund for this order.'),
    ).toContain('refund');
  });

  // Issue 12: fixTypos() turned "suscripcion" into "subscription", so the Spanish pattern
  // never saw its own word; German typed without umlauts ("kuendigen") was not read at all.
  it.each([
    'quiero cancelar mi suscripcion',
    'quiero cancelar mi subscripcion',
    'quero cancelar minha assinatura',
    'je veux resilier mon abonnement',
    'ich moechte mein abo kuendigen',
    'ich will meinen vertrag kuendigen',
  ])('reads the accent-less cancellation request %j in its own language', (text) => {
    expect(requested(text)).toContain('cancellation');
  });

  it('still reads English cancellation requests with typos', () => {
    expect(requested('i want to cancel my subscripion')).toContain('cancellation');
  });
});
