// Which words fixTypos() rewrites across languages (issue 12): every word of five letters or more
// in the lexicon sources, accent-stripped, and a hand list of es/pt/fr/de keywords (German also
// typed ae/oe/ue) with common misspellings. `node bin/run-ts.mjs eval/typo-language-scan.ts`
import { readFileSync } from 'node:fs';
import { fixTypos } from '../src/core/signals/fix-typos.ts';

const LEXICONS = [
  'topic-lexicon',
  'human-request-lexicon',
  'person-request-vocabulary',
  'person-request-grammar',
  'frustration-lexicon',
];
const HAND_LIST =
  `suscripcion subscripcion suscripciones cancelacion reembolso reembolsos devolucion
  reclamacion reclamo cuenta contrato pedido compra membresia asesor operador persona humano
  servicio soporte atencion contactar cancelamiento suscripsion suscricion cancelasion reembolzo
  assinatura assinaturas cancelamento devolucao reclamacao conta encomenda atendente atendimento
  pessoa servico suporte contatar asinatura
  abonnement abonnements annulation remboursement reclamation compte commande contrat achat
  conseiller operateur personne humain resilier resiliation resilie contacte contactee abonement
  abonnemant remboursment
  kundigen kuendigen kundigung kuendigung vertrag konto bestellung erstattung ruckerstattung
  rueckerstattung beschwerde mitarbeiter mensch berater reklamation loschen loeschen mochte moechte
  kundenservice kundigun erstatung`.split(/\s+/);

const stripAccents = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

function rewrites(words: Iterable<string>): string[] {
  const out: string[] = [];
  for (const word of [...new Set(words)].sort()) {
    const fixed = fixTypos(word);
    if (fixed !== word) out.push(`${word} -> ${fixed}`);
  }
  return out;
}

const lexiconWords = LEXICONS.flatMap((name) => {
  const src = readFileSync(`src/core/signals/${name}.ts`, 'utf8').replace(/\\[bdswS]/g, ' ');
  return stripAccents(src.toLowerCase()).match(/[a-z]{5,}/g) ?? [];
});
const hand = rewrites(HAND_LIST.filter(Boolean));
console.log(
  `es/pt/fr/de hand list: ${hand.length} of ${HAND_LIST.length} rewritten\n  ${hand.join('\n  ')}`,
);
const lex = rewrites(lexiconWords);
console.log(`lexicon words (all five languages): ${lex.length} rewritten\n  ${lex.join('\n  ')}`);
