// Loads the shipped classifier once, on first use, from models/ at the repository root (the
// only file read of the signal code; nothing is fetched). Tests and eval may swap in another.
import { readFileSync } from 'node:fs';
import { decodeModel } from './model-file.ts';
import type { LinearModel } from './model.ts';

export const MODEL_BASENAME = 'escalation-classifier';
const MODELS_DIR = new URL('../../../models/', import.meta.url);

let current: LinearModel | undefined;

/** Reads models/<name>.json and .bin. */
export function readModelFiles(dir: URL = MODELS_DIR, name = MODEL_BASENAME): LinearModel {
  const manifest = readFileSync(new URL(`${name}.json`, dir), 'utf8');
  const weights = readFileSync(new URL(`${name}.bin`, dir));
  return decodeModel(manifest, weights);
}

/** The model the signals use (the shipped one unless replaced by `useModel`). */
export function getModel(): LinearModel {
  current ??= readModelFiles();
  return current;
}

/** Replaces the model (cross-validation in eval); `undefined` goes back to the shipped one. */
export function useModel(model: LinearModel | undefined): void {
  current = model;
}
