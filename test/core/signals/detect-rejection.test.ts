// A customer's rejection of the bot's last answer, in five languages, read by a grammar of word
// classes (detect-rejection.ts), and the bot's own question it is weighed against (bot-question.ts).
import { describe, expect, it } from 'vitest';
import { botQuestion } from '../../../src/core/signals/bot-question.ts';
import { detectRejection, rejectsAnswer } from '../../../src/core/signals/detect-rejection.ts';

describe('detectRejection reads a rejected answer in five languages', () => {
  it.each([
    ["That's not what I asked. I need a CSV export", 'not_asked'],
    ['that is not my question', 'not_asked'],
    ["that doesn't help, I need the CSV file", 'no_help'],
    ['this really does not answer my question', 'no_help'],
    ['I didn’t ask that', 'not_asked'],
    ['no es eso lo que pregunté', 'not_asked'],
    ['eso no me ayuda, necesito el archivo', 'no_help'],
    ['no, eso no responde a mi pregunta', 'no_help'],
    ['no pregunté eso', 'not_asked'],
    ['das beantwortet meine Frage nicht', 'no_help'],
    ['das hilft mir leider nicht weiter', 'no_help'],
    ['das hilft mir nicht weiter', 'no_help'],
    ['Nein, das war nicht meine Frage', 'not_asked'],
    ['das habe ich nicht gefragt', 'not_asked'],
    ["ce n'est pas ma question", 'not_asked'],
    ["c'est pas ma question", 'not_asked'],
    ["ça ne m'aide pas, il me faut le fichier", 'no_help'],
    ["je n'ai pas demandé ça", 'not_asked'],
    ['ça ne répond pas à ma question', 'no_help'],
    ['não foi isso que perguntei', 'not_asked'],
    ['isso não me ajuda', 'no_help'],
    ['essa não é minha pergunta', 'not_asked'],
    ['no, I mean the other invoice', 'correction'],
    ['no, me refiero al pedido de marzo', 'correction'],
    ['nein, ich meine die andere Rechnung', 'correction'],
    ['non, je veux dire la commande de mars', 'correction'],
    ['não, quero dizer o pedido de março', 'correction'],
    ["it still doesn't work", 'no_fix'],
    ['No', 'bare_no'],
    ['not really', 'bare_no'],
    ['leider nicht', 'bare_no'],
    ['pas vraiment', 'bare_no'],
    ['nem um pouco', 'bare_no'],
  ])('%s → %s', (text, kind) => {
    expect(detectRejection(text)?.kind).toBe(kind);
  });

  it.each([
    "No, that's all, thanks",
    'No, eso es todo, gracias',
    "Nein, das war's, danke",
    "Non, c'est tout, merci",
    'Não, é só isso, obrigado',
    'no thanks',
    '??',
    '???',
    'and roaming charges in Italy?',
    "I don't need help, just the link",
    'no help needed',
    'my card does not work',
    'does it not work with Safari?',
    "I don't know what I asked for",
    'I mean, it works now',
    'no problem, that helps',
    'How do I export my invoices?',
  ])('%s is not a rejection', (text) => {
    expect(detectRejection(text)).toBeNull();
  });
});

describe("the bot's own question decides what a short no means", () => {
  it.each([
    ['Did that help?', 'helped'],
    ['Hat das geholfen?', 'helped'],
    ['Asegúrate de actualizar la app. ¿Se ha solucionado?', 'helped'],
    ['Est-ce que cela a résolu le problème ?', 'helped'],
    ['Verifique o aplicativo. Resolveu?', 'helped'],
    ['Hope that helps!', 'helped'],
    ['Anything else I can help with?', 'other'],
    ['¿Algo más en lo que pueda ayudarte?', 'other'],
    ['Kann ich sonst noch etwas für Sie tun?', 'other'],
    ['Puis-je vous aider pour autre chose ?', 'other'],
    ['Posso ajudar em mais alguma coisa?', 'other'],
    ['Shall I email it to you?', 'other'],
    ['Would you like a link that works on mobile?', 'other'],
    ['Here is the link.', 'none'],
  ])('%s → %s', (bot, kind) => {
    expect(botQuestion(bot)).toBe(kind);
  });

  it('"No" rejects an answer that asked whether it helped, not one that offered more', () => {
    expect(rejectsAnswer('No', 'Try restarting it. Did that help?')?.kind).toBe('bare_no');
    expect(rejectsAnswer('No', 'We open at 9. Anything else?')).toBeNull();
    expect(rejectsAnswer('No', 'We open at 9.')).toBeNull();
  });

  it('a correction answers a yes/no question of the bot, but rejects a plain answer', () => {
    const offer = 'I can send the invoice for March 3. Shall I email it to you?';
    expect(rejectsAnswer('no, I mean the order from March 28', offer)).toBeNull();
    expect(
      rejectsAnswer('no, I mean the order from March 28', 'Here is the March 3 invoice.')?.kind,
    ).toBe('correction');
  });

  it('"that\'s not what I asked" rejects whatever the bot asked', () => {
    expect(rejectsAnswer("that's not what I asked", 'Shall I email it to you?')?.kind).toBe(
      'not_asked',
    );
  });
});
