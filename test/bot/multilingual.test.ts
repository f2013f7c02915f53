// The bot in five languages on the demo knowledge base: fresh paraphrases find their
// article in each language (fixtures/kb-paraphrases.json, written apart from the articles
// and from the eval set), and the answer, the hedge, the clarifying question and the
// honest "I can't answer that" come in the customer's language.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerEngine, loadKnowledgeBase } from '../../src/bot/index.ts';
import type { AnswerEngine, KbArticle } from '../../src/bot/index.ts';
import { customerText } from '../../src/core/i18n/customer-text.ts';

type Paraphrases = Record<'en' | 'es' | 'de' | 'fr' | 'pt', [string, string][]>;
const PARAPHRASES = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, 'fixtures/kb-paraphrases.json'), 'utf8'),
) as Paraphrases;

let articles: KbArticle[];
let engine: AnswerEngine;

beforeAll(async () => {
  articles = await loadKnowledgeBase(path.resolve(import.meta.dirname, '../../kb/demo'));
  engine = createAnswerEngine(articles);
});

const bodyIn = (id: string, language: string): string => {
  const article = articles.find((a) => a.id === id);
  return (language === 'en' ? article?.body : article?.translations?.[language]?.body) ?? '?';
};

describe('retrieval of fresh paraphrases', () => {
  it.each(['en', 'es', 'de', 'fr', 'pt'] as const)(
    'finds the article for at least 4 of 5 paraphrases in %s, with or without the language given',
    (language) => {
      for (const hint of [language, null]) {
        const right = PARAPHRASES[language].filter(
          ([question, id]) => engine.rank(question, 1, hint).hits[0]?.article.id === id,
        );
        expect(right.length, `${language}, hint ${hint}`).toBeGreaterThanOrEqual(4);
      }
    },
  );

  it('reads the question in its own language when none is given', () => {
    expect(engine.rank('wo bleibt meine Bestellung', 1).language).toBe('de');
    expect(engine.rank('¿cuánto cuesta el envío?', 1).language).toBe('es');
    expect(engine.rank('où est mon colis', 1).language).toBe('fr');
  });

  it('splits a German compound the articles do not contain, and drops French elisions', () => {
    const german = engine.rank('Wie lang ist der Rückgabezeitraum?', 1, 'de');
    expect(german.terms).toEqual(expect.arrayContaining(['ruckgab', 'zeitraum']));
    expect(german.hits[0]?.article.id).toBe('returns-policy');
    const french = engine.rank("je cherche l'étiquette pour renvoyer le colis", 1, 'fr');
    expect(french.terms).toContain('etiquet');
    expect(french.hits[0]?.article.id).toBe('start-a-return');
  });

  it('reads "paypal?" in the conversation language, which wins a tie', () => {
    expect(engine.rank('paypal?', 1, 'de').language).toBe('de');
    expect(engine.rank('paypal?', 1, 'pt-BR').language).toBe('pt');
  });

  it('finds an article when the accents are left out', () => {
    const reply = engine.answer('cuanto cuesta el envio', 'es');
    expect(reply.article?.id).toBe('shipping-costs');
  });
});

describe('answers in the customer language', () => {
  it.each([
    ['es', '¿Cuánto cuestan los gastos de envío?', 'shipping-costs', 'Fuente'],
    ['es-MX', '¿Cuánto cuestan los gastos de envío?', 'shipping-costs', 'Fuente'],
    ['de', 'Ich habe mein Passwort vergessen', 'password-reset', 'Quelle'],
    ['fr', 'Comment suivre mon colis ?', 'order-tracking', 'Source'],
    ['pt-BR', 'Quanto tempo demora a entrega?', 'shipping-times', 'Fonte'],
  ])('%s: %s → the %s body in that language', (language, question, id, source) => {
    const reply = engine.answer(question, language);
    const primary = language.slice(0, 2);
    expect(reply).toMatchObject({ kind: 'answer', language: primary, article: { id } });
    expect(reply.text).toContain(bodyIn(id, primary));
    expect(reply.text).toContain(`${source}: "`);
    expect(reply.text).not.toContain(bodyIn(id, 'en'));
  });

  it('answers in the language of the words when the conversation has none yet', () => {
    const reply = engine.answer('Wie lange dauert die Lieferung nach Hause?');
    expect(reply.language).toBe('de');
    expect(reply.text).toContain(bodyIn('shipping-times', 'de'));
  });

  it('says it cannot answer, offering a person, in the customer language', () => {
    const cases: [string, string, RegExp][] = [
      ['es', '¿Cuál es la capital de Australia?', /asistente automático.*persona/s],
      ['de', 'Erzähl mir einen Witz', /automatischer Assistent.*Person/s],
      ['fr', 'Raconte-moi une blague', /assistant automatique.*personne/s],
      ['pt', 'Qual é a capital da Austrália?', /assistente automático.*pessoa/s],
    ];
    for (const [language, question, words] of cases) {
      const reply = engine.answer(question, language);
      expect(reply.kind, question).toBe('no_answer');
      expect(reply.language).toBe(language);
      expect(reply.text).toMatch(words);
    }
  });

  it('words its own sentences in European Portuguese for pt-PT, Brazilian for pt-BR', () => {
    const question = 'Qual é a capital da Austrália?';
    const european = engine.answer(question, 'pt-PT');
    const brazilian = engine.answer(question, 'pt-BR');
    expect(european).toMatchObject({ kind: 'no_answer', language: 'pt' });
    expect(european.text).toBe(customerText('bot_no_answer', 'pt-PT', {}));
    expect(european.text).toMatch(/equipa/);
    expect(brazilian.text).toBe(customerText('bot_no_answer', 'pt-BR', {}));
    expect(brazilian.text).toMatch(/equipe/);
    expect(engine.answer('obrigado', 'pt-PT').text).toBe(
      customerText('bot_small_talk_thanks', 'pt-PT', {}),
    );
  });

  it('greets and thanks in the language of the small talk', () => {
    expect(engine.answer('hola')).toMatchObject({ intent: 'greeting', language: 'es' });
    expect(engine.answer('danke schön').text).toMatch(/Gern geschehen/);
    expect(engine.answer('merci beaucoup', 'fr').text).toMatch(/Je vous en prie/);
  });

  it('falls back to English words for a language it does not speak', () => {
    const reply = engine.answer('How much does shipping cost?', 'it');
    expect(reply.language).toBe('en');
    expect(reply.text).toContain(bodyIn('shipping-costs', 'en'));
  });
});

describe('an article without the customer language', () => {
  const OLD_FORMAT: KbArticle = {
    id: 'opening-times',
    title: 'Shop opening times',
    tags: ['shop', 'store', 'opening'],
    questions: ['When is the shop open?'],
    body: 'The shop in Berlin is open Monday to Saturday from 10:00 to 19:00.',
  };
  const TRANSLATED: KbArticle = {
    id: 'gift-wrap',
    title: 'Gift wrapping',
    tags: ['gift wrap'],
    questions: ['Do you wrap gifts?'],
    body: 'We wrap any order for €3.',
    translations: {
      es: { title: 'Envolver para regalo', tags: [], questions: [], body: 'Envolvemos por 3 €.' },
    },
  };

  it('answers with its own (English) body, in the customer language around it', () => {
    const small = createAnswerEngine([OLD_FORMAT, TRANSLATED]);
    // A Spanish conversation, a question in English words: read in English, answered
    // with the English body, the bot's own words in Spanish.
    const reply = small.answer('When is the shop open?', 'es');
    expect(reply.article?.id).toBe('opening-times');
    expect(reply.text).toContain(OLD_FORMAT.body);
    expect(reply.text).toContain('Fuente: "Shop opening times"');
    expect(reply.language).toBe('es');
  });

  it('uses the translation where there is one', () => {
    const small = createAnswerEngine([OLD_FORMAT, TRANSLATED]);
    expect(small.answer('gift wrap', 'es').text).toContain('Envolvemos por 3 €.');
    expect(small.answer('gift wrap', 'de').text).toContain('We wrap any order for €3.');
  });
});
