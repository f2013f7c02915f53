// Parses one JSON Lines record into a validated transcript. Bad input is an expected outcome
// (replay reports it and moves on), so this returns a result value and never throws.
import { Value } from '@sinclair/typebox/value';
import { TranscriptSchema, type Transcript } from './transcript-schema.ts';

export interface TranscriptLineError {
  /** 1-based line number in the input file. */
  line: number;
  /** JSON path of the offending value, `''` for the whole line. */
  path: string;
  message: string;
}

export type ParseTranscriptResult =
  { ok: true; transcript: Transcript } | { ok: false; error: TranscriptLineError };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Parses and validates one line of a `baton.transcript/1` file. */
export function parseTranscriptLine(line: string, lineNo: number): ParseTranscriptResult {
  const fail = (path: string, message: string): ParseTranscriptResult => ({
    ok: false,
    error: { line: lineNo, path, message },
  });
  let raw: unknown;
  try {
    raw = JSON.parse(line.replace(/^\uFEFF/, ''));
  } catch (err) {
    return fail('', `invalid JSON: ${(err as Error).message}`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return fail('', 'a transcript must be a JSON object');
  }
  const first = Value.Errors(TranscriptSchema, raw).First();
  if (first) {
    const options = (first.schema as { anyOf?: Array<{ const?: unknown }> }).anyOf?.map(
      (s) => s.const,
    );
    const message =
      options && options.every((o) => o !== undefined)
        ? `must be one of ${options.join(', ')} (got ${JSON.stringify(first.value)})`
        : first.message;
    return fail(first.path || '/', message);
  }
  const t = raw as Transcript;
  if (t.started_at !== undefined && !ISO_DATE.test(t.started_at)) {
    return fail('/started_at', 'must be an ISO 8601 date-time');
  }
  for (const [i, turn] of t.turns.entries()) {
    if (turn.text === undefined && turn.action === undefined) {
      return fail(`/turns/${i}`, 'a turn needs either `text` or `action`');
    }
    if (turn.at !== undefined && !ISO_DATE.test(turn.at)) {
      return fail(`/turns/${i}/at`, 'must be an ISO 8601 date-time');
    }
  }
  return { ok: true, transcript: t };
}
