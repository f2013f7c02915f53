/** A queue's team name as the customer hears it: in their language when the queue has one. */
import { describe, expect, it } from 'vitest';
import { queueCatalog } from '../../src/app/routing/queue-catalog.ts';
import { DEFAULT_QUEUES } from '../../src/core/routing/default-queues.ts';
import { byLanguage, CUSTOMER_LANGUAGES } from '../../src/core/i18n/customer-text.ts';

describe('team names per language', () => {
  const queues = queueCatalog();

  it('says the default teams in the customer language, the English name otherwise', () => {
    expect(queues.teamName('general', 'es-MX')).toBe('Soporte');
    expect(queues.teamName('billing', 'de')).toBe('Abrechnung');
    expect(queues.teamName('billing', 'pt-BR')).toBe('Faturamento');
    expect(queues.teamName('billing', 'pt-PT')).toBe('Faturação');
    expect(queues.teamName('general', 'en')).toBe('Support');
    expect(queues.teamName('general', null)).toBe('Support');
    expect(queues.teamName('general', 'ja')).toBe('Support');
  });

  it('has a name for every default queue in every language Baton speaks', () => {
    for (const queue of DEFAULT_QUEUES) {
      for (const language of CUSTOMER_LANGUAGES) {
        expect(queues.teamName(queue.id, language), `${queue.id}/${language}`).not.toBe('');
        if (language !== 'en')
          expect(byLanguage(queue.names, language), `${queue.id}/${language}`).toBeTruthy();
      }
    }
  });

  it("takes a configured queue's names, and its name where none is given", () => {
    const own = queueCatalog([
      { ...DEFAULT_QUEUES[0]!, id: 'returns', name: 'Returns', names: { fr: 'Retours' } },
    ]);
    expect(own.teamName('returns', 'fr-CA')).toBe('Retours');
    expect(own.teamName('returns', 'es')).toBe('Returns');
  });
});
