// Loaders for the evaluation datasets in ../shared/data, turned into labelled single messages.
// Labels follow each SOURCE.md; the Bitext split is the documented one (sha1 within intent,
// 80/10/10), so figures are comparable across engines.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { ReasonCode } from '../src/core/policy/index.ts';

export type Split = 'train' | 'val' | 'test';

export interface EvalRow {
  id: string;
  text: string;
  label: string;
  split: Split;
  /** Reasons a handoff must carry one of; `[]` = must not hand over; `null` = not scored. */
  expected: ReasonCode[] | null;
  tags: string;
}

const DATA = '../shared/data';

const BITEXT_EXPLICIT = ['contact_human_agent', 'contact_customer_service'];
const BITEXT_TOPIC = ['get_refund', 'cancel_order', 'delete_account', 'complaint'];
const BITEXT_UNSCORED = ['payment_issue'];

function bitextExpected(intent: string): ReasonCode[] | null {
  if (BITEXT_EXPLICIT.includes(intent)) return ['explicit_request'];
  if (BITEXT_TOPIC.includes(intent)) return ['topic_policy'];
  if (BITEXT_UNSCORED.includes(intent)) return null;
  return [];
}

const sha1 = (s: string) => createHash('sha1').update(s, 'utf8').digest('hex');

/** Bitext rows with the SOURCE.md split and escalation mapping. */
export function loadBitext(): EvalRow[] {
  const file = `${DATA}/bitext-customer-support/Bitext_Sample_Customer_Support_Training_Dataset.csv`;
  const records = parse(readFileSync(file), { columns: true }) as Array<Record<string, string>>;
  const byIntent = new Map<string, Array<Record<string, string>>>();
  for (const r of records) {
    const intent = r.intent ?? '';
    byIntent.set(intent, [...(byIntent.get(intent) ?? []), r]);
  }
  const rows: EvalRow[] = [];
  for (const [intent, list] of byIntent) {
    const sorted = list
      .map((r) => ({ r, h: sha1(r.instruction ?? '') }))
      .sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0));
    const n = sorted.length;
    const nTrain = Math.floor(0.8 * n);
    const nVal = Math.floor(0.1 * n);
    sorted.forEach(({ r, h }, i) => {
      const split: Split = i < nTrain ? 'train' : i < nTrain + nVal ? 'val' : 'test';
      rows.push({
        id: `bitext-${h.slice(0, 10)}`,
        text: r.instruction ?? '',
        label: intent,
        split,
        expected: bitextExpected(intent),
        tags: r.tags ?? '',
      });
    });
  }
  return rows;
}

/** CLINC150 test rows: in-scope must not hand over; `oos_test` rows are kept apart. */
export function loadClinc(): {
  inScope: EvalRow[];
  oos: EvalRow[];
  train: EvalRow[];
  oosTrain: EvalRow[];
} {
  const data = JSON.parse(readFileSync(`${DATA}/clinc150/data_full.json`, 'utf8')) as Record<
    string,
    Array<[string, string]>
  >;
  const rows = (split: string, as: Split, expected: ReasonCode[] | null) =>
    (data[split] ?? []).map(([text, label], i) => ({
      id: `clinc-${split}-${i}`,
      text,
      label,
      split: as,
      expected,
      tags: '',
    }));
  return {
    inScope: rows('test', 'test', []),
    oos: rows('oos_test', 'test', null),
    train: rows('train', 'train', []),
    oosTrain: rows('oos_train', 'train', []),
  };
}

/**
 * BANKING77's sensitive labels. Its SOURCE.md does not list any, so this list is ours: fraud,
 * unrecognised payments, lost or stolen cards and phones (security), and refund requests,
 * account closure and double charges (topic_policy). Every other label is "not scored".
 */
export const BANKING77_SENSITIVE: Record<string, ReasonCode> = {
  compromised_card: 'security',
  card_payment_not_recognised: 'security',
  cash_withdrawal_not_recognised: 'security',
  direct_debit_payment_not_recognised: 'security',
  lost_or_stolen_card: 'security',
  lost_or_stolen_phone: 'security',
  request_refund: 'topic_policy',
  terminate_account: 'topic_policy',
  transaction_charged_twice: 'topic_policy',
};

export function loadBanking77(split: 'train' | 'test'): EvalRow[] {
  const records = parse(readFileSync(`${DATA}/banking77/${split}.csv`), { columns: true }) as Array<
    Record<string, string>
  >;
  return records.map((r, i) => {
    const label = r.category ?? '';
    const reason = BANKING77_SENSITIVE[label];
    return {
      id: `banking77-${split}-${i}`,
      text: r.text ?? '',
      label,
      split,
      expected: reason ? [reason] : null,
      tags: '',
    };
  });
}
