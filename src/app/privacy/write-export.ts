/**
 * Writes a customer export where the operator asked: a folder (`customer.json` beside an
 * `attachments/` tree), or a `.tar` / `.tar.gz` / `.tgz` archive of that folder, made with
 * node-tar. An existing, non-empty folder or an existing file is never overwritten.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { create } from 'tar';
import type { CustomerExport } from './customer-export.ts';

export type ExportTarget = 'folder' | 'tar' | 'tar.gz';

export function exportTargetOf(out: string): ExportTarget {
  if (/\.(tar\.gz|tgz)$/i.test(out)) return 'tar.gz';
  if (/\.tar$/i.test(out)) return 'tar';
  return 'folder';
}

/** Writes the export; returns what was written. Throws when `out` would overwrite something. */
export async function writeExport(exported: CustomerExport, out: string): Promise<ExportTarget> {
  const target = exportTargetOf(out);
  if (target === 'folder') {
    if (existsSync(out) && readdirSync(out).length > 0)
      throw new Error(`${out} exists and is not empty`);
    writeFolder(exported, out);
    return target;
  }
  if (existsSync(out)) throw new Error(`${out} exists`);
  // Staged beside the archive, not in a shared /tmp: the data stays where the operator put it.
  const staging = mkdtempSync(path.join(path.dirname(path.resolve(out)), '.baton-export-'));
  try {
    writeFolder(exported, staging);
    await create(
      { file: out, cwd: staging, gzip: target === 'tar.gz', portable: true },
      readdirSync(staging),
    );
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return target;
}

function writeFolder(exported: CustomerExport, dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'customer.json'), JSON.stringify(exported.document, null, 2));
  for (const file of exported.files) {
    const to = path.join(dir, file.path);
    mkdirSync(path.dirname(to), { recursive: true });
    writeFileSync(to, file.content);
  }
}
