// The public datasets' training splits as labelled texts, through the tables in
// label-tables.ts. Test splits are never read here: eval/ judges on them.
import { loadBanking77, loadBitext, loadClinc } from '../eval/datasets.ts';
import type { LabelledText } from './corpus.ts';
import {
  BANKING77,
  BITEXT,
  CLINC150,
  DEFAULT_MAPPING,
  type IntentMapping,
} from './label-tables.ts';

/** Bitext's entity placeholders ("{{Order Number}}") read as the numbers customers type. */
const placeholder = (text: string) => text.replace(/\{\{[^}]*\}\}/g, '12345');

function row(
  text: string,
  map: IntentMapping,
  source: string,
  extra: Partial<LabelledText> = {},
): LabelledText {
  return {
    text: placeholder(text),
    labels: map.labels,
    queue: map.queue,
    source,
    lang: 'en',
    kind: '',
    ...extra,
  };
}

/** A Bitext row's mapping; rows tagged W (offensive language) are also negative_sentiment. */
export function bitextMapping(intent: string, tags: string): IntentMapping {
  const map = BITEXT[intent] ?? DEFAULT_MAPPING;
  const labels =
    tags.includes('W') && map.labels !== null
      ? [...map.labels, 'negative_sentiment' as const]
      : map.labels;
  return { ...map, labels };
}

/**
 * Bitext train split. Its W tag marks offensive wording in an ordinary request ("where's my
 * f***ing invoice"), which its SOURCE.md files as must-not-escalate while the spec reads
 * profanity as anger; the two disagree, so a W row teaches the frustration head nothing either
 * way (masked) and our corpus alone (angry and casual profanity) teaches it. The lexicon's
 * profanity cue still reads such a row.
 */
export function bitextTraining(): LabelledText[] {
  return loadBitext()
    .filter((r) => r.split === 'train')
    .map((r) => {
      const offensive = r.tags.includes('W');
      const map = BITEXT[r.label] ?? DEFAULT_MAPPING;
      return row(
        r.text,
        map,
        `bitext:${r.label}`,
        offensive ? { unscored: ['negative_sentiment'] } : {},
      );
    });
}

export function banking77Training(): LabelledText[] {
  return loadBanking77('train').map((r) =>
    row(r.text, BANKING77[r.label] ?? DEFAULT_MAPPING, `banking77:${r.label}`),
  );
}

/** CLINC150 train (in-scope) and oos_train rows; `oos` is a plain negative. */
export function clincTraining(): LabelledText[] {
  const { train, oosTrain } = loadClinc();
  return [...train, ...oosTrain].map((r) =>
    row(r.text, CLINC150[r.label] ?? DEFAULT_MAPPING, `clinc150:${r.label}`),
  );
}

/** All public training rows, in a fixed order. */
export function publicTraining(): LabelledText[] {
  return [...bitextTraining(), ...banking77Training(), ...clincTraining()];
}
