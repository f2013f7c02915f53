// How the learned classifiers join the rules: their evidence (name, score, threshold) in every
// decision they touch, thresholds from the policy (1 switches one off), "yes" to the bot's own
// offer of a person in five languages, the queue of the whole conversation, and the bot's
// answers that miss the point.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeCustomerTurn } from '../../../src/core/signals/analyze-turn.ts';
import { evaluatePolicy, getDefaultPolicy, type Policy } from '../../../src/core/policy/index.ts';
import { bot, conversation, customer } from './helpers.ts';

const policy = getDefaultPolicy();
const texts = readFileSync(new URL('../classify/fixtures/held-out.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => (JSON.parse(l) as { text: string }).text);

const CLASSIFIED = new Set([
  'explicit_request',
  'security',
  'approval_required',
  'high_value',
  'topic_policy',
  'negative_sentiment',
]);

const off = (p: Policy): Policy => ({
  ...p,
  thresholds: Object.fromEntries(
    Object.entries(p.thresholds).map(([k, v]) => [k, k.startsWith('classifier_') ? 1 : v]),
  ) as Policy['thresholds'],
});

describe('classifier evidence', () => {
  const decisions = texts.map((t) => evaluatePolicy(conversation([customer(t)]), policy));

  it('every classified reason carries the head, its score and the threshold', () => {
    const reasons = decisions.flatMap((d) => d.reasons).filter((r) => CLASSIFIED.has(r.code));
    expect(reasons.length).toBeGreaterThan(20);
    for (const r of reasons) {
      expect(r.evidence.classifier).toMatchObject({
        name: expect.any(String),
        score: expect.any(Number),
        threshold: expect.any(Number),
      });
    }
  });

  it('some decisions rest on a classifier alone, and its threshold governs them', () => {
    const decisive = decisions.filter((d) => d.reasons[0]?.evidence.classifier?.decisive);
    expect(decisive.length).toBeGreaterThan(0);
    const d = decisive[0]!;
    const c = d.reasons[0]!.evidence.classifier!;
    expect(c.score).toBeGreaterThanOrEqual(c.threshold);
    expect(d.trace.some((t) => t.passed && t.actual.includes(`classifier ${c.name}`))).toBe(true);
    const text = d.reasons[0]!.evidence.text!;
    const without = evaluatePolicy(conversation([customer(text)]), off(policy));
    expect(without.reasons.map((r) => r.code)).not.toContain(d.reasons[0]!.code);
  });
});

describe("yes to the bot's offer of a person", () => {
  it.each([
    ['¿Quiere que le pase con un asesor?', 'sí, por favor'],
    ['Soll ich Sie mit einem Mitarbeiter verbinden?', 'ja gerne'],
    ['Souhaitez-vous parler à un conseiller ?', 'oui'],
    ['Quer falar com um atendente?', 'sim'],
    ['Would you like me to connect you to one of our team?', 'yes please'],
  ])('%s → %s hands over', (offer, yes) => {
    const d = evaluatePolicy(
      conversation([customer('my parcel has not arrived'), bot(offer), customer(yes)]),
      policy,
    );
    expect(d.action).toBe('handoff');
    expect(d.reasons[0]?.code).toBe('explicit_request');
  });

  it('"yes" to another question does not', () => {
    const d = evaluatePolicy(
      conversation([customer('where is my parcel?'), bot('Is it order 4411?'), customer('yes')]),
      policy,
    );
    expect(d.action).toBe('continue');
  });
});

describe('the queue follows the conversation', () => {
  it('a billing conversation asked to a person goes to billing', () => {
    const d = evaluatePolicy(
      conversation([
        customer('I was billed twice for my March invoice'),
        bot('Invoices are under Settings → Billing.'),
        customer('can I talk to a human please'),
      ]),
      policy,
    );
    expect(d.reasons[0]?.code).toBe('explicit_request');
    expect(d.queue).toBe('billing');
  });
});

describe('answers beside the point', () => {
  it('a question asked a third time after two answers that share none of its words hands over', () => {
    const d = evaluatePolicy(
      conversation([
        customer('can I move my dentist appointment from Tuesday to Friday?'),
        bot('Our clinic offers check-ups, cleaning and whitening.', 0.8),
        customer('I asked whether my Tuesday appointment can move to Friday'),
        bot('We are open Monday to Saturday from 8:00.', 0.8),
        customer('my appointment: Tuesday to Friday, possible?'),
      ]),
      policy,
    );
    expect(d.reasons.map((r) => r.code)).toContain('repeated_failure');
    expect(d.trace.find((t) => t.rule === 'bot-struggling')?.actual).toContain('unanswered_repeat');
  });

  it('a follow-up after an answer on the point does not', () => {
    const d = evaluatePolicy(
      conversation([
        customer('can I move my dentist appointment from Tuesday to Friday?'),
        bot('Yes, your appointment can move to Friday at 10:00. Shall I book it?', 0.8),
        customer('ok, move my appointment to Friday then'),
      ]),
      policy,
    );
    expect(d.action).toBe('continue');
  });
});

describe('false alarms the rules and classifiers leave alone', () => {
  it.each([
    'WOW THANK YOU!!',
    'Merci beaucoup !!',
    'holy shit that was fast, thank you so much!!',
    '¡JODER, qué rápido! Muchas gracias',
    "putain c'est génial, merci beaucoup !!",
    'caramba, que rápido! valeu demais!!',
    '??',
    'If I ever needed to talk to someone, what are your phone hours?',
    'should I leave one day, what happens to my saved photos?',
    'si algún día quisiera cancelar, ¿pierdo mis fotos?',
  ])('%j stays with the bot', (text) => {
    expect(evaluatePolicy(conversation([customer(text)]), policy).action).toBe('continue');
  });

  it.each([
    "this is fucking ridiculous, third time I'm asking",
    'you people are useless, thanks for nothing',
    'putain, toujours rien reçu !!',
  ])('%j is anger: swearing that neither thanks nor closes, or insults', (text) => {
    const d = evaluatePolicy(conversation([customer(text)]), policy);
    expect(d.reasons.map((r) => r.code)).toContain('negative_sentiment');
  });

  it.each(['un humain svp', "passez-moi quelqu'un", 'Mitarbeiter bitte', 'hman please'])(
    'the short request %j hands over',
    (text) => {
      const d = evaluatePolicy(conversation([customer(text)]), policy);
      expect(d.reasons[0]?.code).toBe('explicit_request');
    },
  );

  it('a classifier alone decides on fewer than four words only for a request it is sure of', () => {
    for (const text of [
      "it's been 4 days",
      'hi is this a bot',
      'and by card?',
      'the agent',
      'human resources',
    ]) {
      const d = evaluatePolicy(conversation([customer(text)]), policy);
      expect(d.reasons.filter((r) => r.evidence.classifier?.decisive)).toEqual([]);
    }
  });
});

describe('questions about a policy in any language', () => {
  it.each([
    '¿cuánto tarda en llegar un reembolso?',
    'Wie lange dauert eine Rückerstattung normalerweise?',
    'Kann ich jederzeit kündigen?',
    'combien de temps prend un remboursement ?',
    'quanto tempo demora o reembolso?',
  ])('%j stays with the bot: the topic word is vetoed by the classifier', (text) => {
    const d = evaluatePolicy(conversation([customer(text)]), policy);
    expect(d.action).toBe('continue');
    expect(d.trace.some((e) => /below the classifier veto 0\.1/.test(e.actual))).toBe(true);
  });

  it.each([
    'quiero que me devuelvan el dinero del pedido',
    'Ich möchte meinen Vertrag kündigen',
    'je veux être remboursé, le colis est arrivé vide',
    'quero cancelar a minha assinatura',
  ])('%j is a request and hands over', (text) => {
    const d = evaluatePolicy(conversation([customer(text)]), policy);
    expect(d.reasons.map((r) => r.code)).toContain('topic_policy');
  });

  it('a topic word the security head reads at 0.1 or more is not vetoed', () => {
    // The precondition is asserted so that a retrained model that moves it says so.
    const text = 'I have no idea where this transaction came from?';
    const scores = analyzeCustomerTurn({ text }).classifier.labels;
    expect(scores.topic_policy).toBeLessThan(policy.thresholds.classifier_topic_veto);
    expect(scores.security).toBeGreaterThanOrEqual(policy.thresholds.classifier_topic_veto);
    const d = evaluatePolicy(conversation([customer(text)]), policy);
    expect(d.reasons.map((r) => r.code)).toContain('topic_policy');
    expect(d.trace.some((e) => /classifier veto/.test(e.actual))).toBe(false);
  });

  it('the veto is off at classifier_topic_veto 0', () => {
    const off = { ...policy, thresholds: { ...policy.thresholds, classifier_topic_veto: 0 } };
    const d = evaluatePolicy(conversation([customer('Kann ich jederzeit kündigen?')]), off);
    expect(d.reasons.map((r) => r.code)).toContain('topic_policy');
  });
});

describe('the bot offering a person, and the customer accepting', () => {
  it.each([
    [
      "I can't change that myself. Shall I pass you to a colleague who can?",
      'that would help, yes',
    ],
    ['Das kann ich nicht ändern. Soll ich jemanden aus dem Kundenservice dazuholen?', 'ja, gern'],
    ['No puedo hacerlo. ¿Quiere que le comunique con un asesor?', 'sí, por favor'],
    ['Não consigo resolver. Quer que eu chame um atendente?', 'quero sim'],
  ])('%j answered %j hands over as a request', (offer, yes) => {
    const d = evaluatePolicy(
      conversation([
        customer('my parcel was sent back to the depot'),
        bot(offer, 0.5),
        customer(yes),
      ]),
      policy,
    );
    expect(d.action).toBe('handoff');
    expect(d.reasons[0]?.code).toBe('explicit_request');
  });

  it('"no thanks" to the offer stays with the bot', () => {
    const d = evaluatePolicy(
      conversation([
        customer('my parcel was sent back to the depot'),
        bot("I can't change that myself. Shall I pass you to a colleague who can?", 0.5),
        customer('no thanks, I will wait'),
      ]),
      policy,
    );
    expect(d.reasons.map((r) => r.code)).not.toContain('explicit_request');
  });
});

describe('amounts in local formats inside questions', () => {
  it.each([
    ['Vocês podem devolver os R$ 2.300 que paguei pelo pedido?', 2300],
    ['Können Sie mir die 1.250,00 € für die Bestellung erstatten?', 1250],
    ['Pouvez-vous me rembourser les 1 250,00 € de ma commande ?', 1250],
    ['¿Me pueden devolver los 1.250,00 € del pedido?', 1250],
  ])('%j is an amount over the threshold', (text, amount) => {
    const d = evaluatePolicy(conversation([customer(text)]), policy);
    const reason = d.reasons.find((r) => r.code === 'amount_threshold');
    expect(reason?.evidence.scores?.amount).toBe(amount);
  });
});
