// How well `detectLanguage` names the customer's language: on the public scenarios (each
// labelled with its language; judged on the first customer message, as the server does) and
// on Bitext's test split (all English: anything else is a mistake that would switch the
// waiting messages to the wrong language).
import { readFileSync } from 'node:fs';
import { detectLanguage } from '../src/core/signals/detect-language.ts';
import { loadBitext } from './datasets.ts';

interface Tally {
  right: number;
  wrong: number;
  undecided: number;
}

const SCENARIOS = '../shared/scenarios/public.jsonl';

function tally(samples: ReadonlyArray<{ text: string; language: string }>): Tally {
  const t = { right: 0, wrong: 0, undecided: 0 };
  for (const s of samples) {
    const detected = detectLanguage(s.text);
    if (detected === null) t.undecided++;
    else if (detected === s.language) t.right++;
    else t.wrong++;
  }
  return t;
}

export function measureLanguageDetection(): { scenarios: Tally; bitext: Tally } {
  const scenarios = readFileSync(SCENARIOS, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(
      (line) => JSON.parse(line) as { language: string; turns: { from: string; text?: string }[] },
    )
    .map((s) => ({
      language: s.language,
      text: s.turns.find((t) => t.from === 'customer')?.text ?? '',
    }));
  const bitext = loadBitext()
    .filter((r) => r.split === 'test')
    .map((r) => ({ text: r.text, language: 'en' }));
  return { scenarios: tally(scenarios), bitext: tally(bitext) };
}

export function formatLanguageDetection(m: { scenarios: Tally; bitext: Tally }): string {
  const line = (name: string, t: Tally) => {
    const n = t.right + t.wrong + t.undecided;
    const decided = t.right + t.wrong;
    const precision = decided === 0 ? 0 : t.right / decided;
    return `  ${name.padEnd(34)} ${String(n).padStart(5)}   right ${t.right}, wrong ${t.wrong}, undecided ${t.undecided}   precision ${(precision * 100).toFixed(1)}%`;
  };
  return [
    line('public scenarios (5 languages)', m.scenarios),
    line('Bitext test (English)', m.bitext),
  ].join('\n');
}
