// The bot failed to help twice, then hand over (../shared/spec/transcripts.md): a customer who
// rejects an answer ("that's not what I asked") makes it a failed attempt, like a low-confidence
// answer; answers to the bot's own yes/no question and closings do not (thirteenth round).
import { describe, expect, it } from 'vitest';
import { computeSignals } from '../../../src/core/policy/compute-signals.ts';
import { viewConversation } from '../../../src/core/policy/conversation-view.ts';
import { evaluatePolicy, getDefaultPolicy } from '../../../src/core/policy/index.ts';
import type { Turn } from '../../../src/core/transcript/index.ts';
import { bot, conversation, customer } from './helpers.ts';

const policy = getDefaultPolicy();
const decide = (turns: Turn[]) => evaluatePolicy(conversation(turns), policy);
const failed = (turns: Turn[]) =>
  computeSignals(viewConversation(conversation(turns)), policy.thresholds).get('failed_attempts');

// [language, question, answer, first rejection, second answer, second rejection]
const REJECTED_TWICE: Array<[string, string, string, string, string, string]> = [
  [
    'en',
    'How do I export my invoices for last quarter as CSV?',
    'You can download your latest invoice as a PDF from Billing > Invoices.',
    "That's not what I asked. I need a CSV export of all of them",
    'Invoices are emailed to the account owner on the 1st of each month.',
    "that doesn't help, I need the CSV file",
  ],
  [
    'es',
    '¿Cómo exporto mis facturas del último trimestre en CSV?',
    'Puedes descargar tu última factura en PDF desde Facturación > Facturas.',
    'No es eso lo que pregunté. Necesito todas en CSV',
    'Las facturas se envían por correo al titular de la cuenta el día 1 de cada mes.',
    'eso no me ayuda, necesito el archivo CSV',
  ],
  [
    'de',
    'Wie exportiere ich meine Rechnungen des letzten Quartals als CSV?',
    'Sie können Ihre letzte Rechnung unter Abrechnung > Rechnungen als PDF herunterladen.',
    'Das beantwortet meine Frage nicht. Ich brauche alle als CSV',
    'Rechnungen werden am 1. jedes Monats an den Kontoinhaber gesendet.',
    'das hilft mir nicht weiter, ich brauche die CSV-Datei',
  ],
  [
    'fr',
    'Comment exporter mes factures du dernier trimestre en CSV ?',
    'Vous pouvez télécharger votre dernière facture en PDF dans Facturation > Factures.',
    "Ce n'est pas ma question. J'ai besoin de toutes les factures en CSV",
    'Les factures sont envoyées par e-mail au titulaire du compte le 1er de chaque mois.',
    "ça ne m'aide pas, il me faut le fichier CSV",
  ],
  [
    'pt',
    'Como exporto minhas faturas do último trimestre em CSV?',
    'Você pode baixar sua última fatura em PDF em Faturamento > Faturas.',
    'Não foi isso que perguntei. Preciso de todas em CSV',
    'As faturas são enviadas por e-mail ao titular da conta no dia 1º de cada mês.',
    'isso não me ajuda, preciso do arquivo CSV',
  ],
];

describe('two rejected answers are two failed attempts', () => {
  it.each(REJECTED_TWICE)('%s: one rejection stays with the bot', (_l, q, a1, r1) => {
    const turns = [customer(q), bot(a1, 0.85), customer(r1)];
    expect(decide(turns).action).toBe('continue');
    expect(failed(turns)?.fired).toBe(false);
  });

  it.each(REJECTED_TWICE)('%s: the second rejection hands over', (_l, q, a1, r1, a2, r2) => {
    const turns = [customer(q), bot(a1, 0.85), customer(r1), bot(a2, 0.85), customer(r2)];
    expect(decide(turns).reasons.map((r) => r.code)).toContain('repeated_failure');
    expect(failed(turns)?.fired).toBe(true);
  });

  it.each(REJECTED_TWICE)(
    '%s: a rejection, then a right answer and thanks, stays',
    (_l, q, a1, r1) => {
      const turns = [
        customer(q),
        bot(a1, 0.85),
        customer(r1),
        bot('Go to Billing > Invoices > Export and choose CSV.', 0.85),
        customer('perfect, thanks!'),
      ];
      expect(decide(turns).action).toBe('continue');
    },
  );
});

describe("'No' to the bot's own question", () => {
  const plug = "My smart plug won't connect to the 5 GHz wifi";
  it('"Did that help?" – "No" twice hands over', () => {
    const turns = [
      customer(plug),
      bot('Try restarting the plug by holding its button for 10 seconds. Did that help?', 0.85),
      customer('No'),
      bot('Make sure the app is updated to the latest version. Does that solve it?', 0.85),
      customer('no, I mean the 5 GHz network never shows up at all'),
    ];
    expect(decide(turns).reasons.map((r) => r.code)).toContain('repeated_failure');
    expect(failed(turns)?.fired).toBe(true);
  });

  it.each([
    ["No, that's all, thanks", 'We open 9am to 5pm on Saturdays. Anything else I can help with?'],
    [
      'No, é só isso, obrigado',
      'Abrimos das 9h às 17h aos sábados. Posso ajudar em mais alguma coisa?',
    ],
    [
      'nein, ich meine die Bestellung vom 28. März',
      'Soll ich Ihnen die Rechnung vom 3. März senden?',
    ],
  ])('"%s" after a low-confidence answer and "%s" is no second failure', (reply, answer) => {
    const turns = [
      customer('What time do you open on Saturday?'),
      bot('Our stores are open every day.', 0.3),
      customer('on Saturday?'),
      bot(answer, 0.85),
      customer(reply),
    ];
    expect(failed(turns)?.fired).toBe(false);
  });

  it('a low-confidence answer and a rejected one are two failed attempts', () => {
    const turns = [
      customer('Can I pay for my order in instalments?'),
      bot('We accept card, PayPal and bank transfer.', 0.35),
      customer('ok, and in three payments?'),
      bot('Shipping is free on orders over $50.', 0.85),
      customer("no, that doesn't answer my question"),
    ];
    expect(failed(turns)?.fired).toBe(true);
    expect(decide(turns).reasons.map((r) => r.code)).toContain('repeated_failure');
  });
});
