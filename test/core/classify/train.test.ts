// Training is reproducible (same rows + seed ⇒ the same model bytes) and the corpus loader
// survives the half-written last line of a file that is still being appended to.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeModel, encodeModel } from '../../../src/core/classify/model-file.ts';
import {
  CLASSIFIER_LABELS,
  scoreText,
  type ClassifierLabel,
} from '../../../src/core/classify/model.ts';
import { loadCorpus, type LabelledText } from '../../../training/corpus.ts';
import { targets, trainModel } from '../../../training/train-model.ts';
import { runSeed } from '../../../training/sparse-logreg.ts';
import { bitextTraining } from '../../../training/public-data.ts';
import { loadBitext } from '../../../eval/datasets.ts';

const row = (text: string, labels: LabelledText['labels'], queue: LabelledText['queue']) => ({
  text,
  labels,
  queue,
  source: 'test',
  lang: 'en',
  kind: '',
});

const SAMPLE: LabelledText[] = [
  row('let me talk to a person', ['explicit_request'], null),
  row('I want a human agent now', ['explicit_request'], null),
  row('can a colleague of yours call me', ['explicit_request'], null),
  row('someone logged into my account', ['security'], 'trust_safety'),
  row('there is a charge I never made', ['security'], 'trust_safety'),
  row('I want my money back', ['topic_policy'], 'billing'),
  row('what are your opening hours', [], null),
  row('how do I reset my password', [], 'technical'),
  row('where is my parcel', [], 'general'),
  row('thanks, that helped', [], null),
];
const SMALL_SEED = 20261203;
const SMALL = { dim: 1 << 12, epochs: 4, seed: SMALL_SEED };

describe('npm run train', () => {
  it('gives the same bytes twice (five seed runs averaged), and other bytes with another seed', () => {
    const a = encodeModel(trainModel(SAMPLE, SMALL), { n: SAMPLE.length });
    const b = encodeModel(trainModel(SAMPLE, SMALL), { n: SAMPLE.length });
    const c = encodeModel(trainModel(SAMPLE, { ...SMALL, seed: 1 }), { n: SAMPLE.length });
    expect(a.manifest).toBe(b.manifest);
    expect(a.weights.equals(b.weights)).toBe(true);
    expect(a.weights.equals(c.weights)).toBe(false);
  });

  it('averages the seed runs: the averaged heads score about the mean of the runs’ logits', () => {
    const one = (seed: number) => trainModel(SAMPLE, { ...SMALL, seed, seedRuns: 1 });
    const runs = [0, 1, 2].map((run) => one(runSeed(SMALL_SEED, run)));
    const averaged = trainModel(SAMPLE, { ...SMALL, seed: SMALL_SEED, seedRuns: 3 });
    expect(one(SMALL_SEED).weights).toEqual(runs[0]!.weights); // run 0 is the base seed itself
    const logit = (p: number) => Math.log(p / (1 - p));
    for (const text of ['let me talk to a person', 'I want my money back', 'thanks']) {
      const mean =
        runs.reduce((sum, m) => sum + logit(scoreText(m, text).labels.explicit_request), 0) / 3;
      // int16 quantisation of each model keeps them within a small tolerance of each other.
      expect(logit(scoreText(averaged, text).labels.explicit_request)).toBeCloseTo(mean, 1);
    }
    expect(Buffer.from(averaged.weights.buffer).equals(Buffer.from(runs[0]!.weights.buffer))).toBe(
      false,
    );
  });

  it('trains the compared MLP head reproducibly and round-trips it through its files', () => {
    const mlp = { ...SMALL, epochs: 20, hiddenUnits: 8, learningRate: 0.1 };
    const a = encodeModel(trainModel(SAMPLE, mlp), {});
    const b = encodeModel(trainModel(SAMPLE, mlp), {});
    expect(a.manifest).toBe(b.manifest);
    expect(a.weights.equals(b.weights)).toBe(true);
    expect(a.weights.length).toBe(SMALL.dim * 8 * 2); // int16 input weights of the units
    const back = decodeModel(a.manifest, a.weights);
    const request = scoreText(back, 'let me talk to a person').labels.explicit_request;
    expect(request).toBeGreaterThan(0.5);
    expect(scoreText(back, 'what are your opening hours').labels.explicit_request).toBeLessThan(
      0.5,
    );
  });

  it('round-trips a model through its files and learns the sample', () => {
    const model = trainModel(SAMPLE, { ...SMALL, epochs: 20 });
    const { manifest, weights } = encodeModel(model, {});
    const back = decodeModel(manifest, weights);
    expect(scoreText(back, 'let me talk to a person')).toEqual(
      scoreText(model, 'let me talk to a person'),
    );
    expect(scoreText(back, 'let me talk to a person').labels.explicit_request).toBeGreaterThan(0.5);
    expect(scoreText(back, 'what are your opening hours').labels.explicit_request).toBeLessThan(
      0.5,
    );
  });
});

describe('targets', () => {
  it('masks the heads a row leaves unscored and keeps its other labels', () => {
    const offensive = {
      ...row('where is my damn invoice', ['topic_policy'], 'billing'),
      unscored: ['negative_sentiment' as const],
    };
    const at = (label: ClassifierLabel) => CLASSIFIER_LABELS.indexOf(label);
    const y = targets(offensive);
    expect(Number.isNaN(y[at('negative_sentiment')])).toBe(true); // neither anger nor calm
    expect(y[at('topic_policy')]).toBe(1);
    expect(y[at('explicit_request')]).toBe(0);
    expect(targets({ ...offensive, unscored: [] })[at('negative_sentiment')]).toBe(0);
  });

  it('leaves the frustration head unscored on every Bitext W row, and only there', () => {
    const offensive = loadBitext().filter((r) => r.split === 'train' && r.tags.includes('W'));
    const rows = bitextTraining();
    const masked = rows.filter((r) => r.unscored?.includes('negative_sentiment'));
    expect(offensive.length).toBeGreaterThan(0);
    expect(masked.length).toBe(offensive.length);
    expect(rows.some((r) => r.labels?.includes('negative_sentiment'))).toBe(false);
  });
});

describe('loadCorpus', () => {
  it('keeps good lines and reports a half-written last line and bad labels', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-corpus-'));
    try {
      writeFileSync(
        join(dir, 'en.jsonl'),
        [
          '{"text":"human please","lang":"en","labels":["explicit_request"],"queue":null,"kind":"direct"}',
          '{"text":"opening hours?","lang":"en","labels":[],"queue":"general","kind":"faq"}',
          '{"text":"x","lang":"en","labels":["telepathy"],"queue":null}',
          '{"text":"half writ',
        ].join('\n'),
      );
      const { rows, problems } = loadCorpus(dir);
      expect(rows.map((r) => r.text)).toEqual(['human please', 'opening hours?']);
      expect(problems.map((p) => [p.file, p.line])).toEqual([
        ['en.jsonl', 3],
        ['en.jsonl', 4],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
