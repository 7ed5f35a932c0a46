import { join } from 'node:path';
import { CANONICAL_COLUMNS, type CanonicalKind } from '../import/canonicalFormats';
import { CsvWriter, type CsvValue } from './csvWriter';

export interface SampleFile {
  kind: CanonicalKind;
  path: string;
  rows: number;
}

export function canonicalHeader(kind: CanonicalKind): string[] {
  return CANONICAL_COLUMNS[kind].map((column) => column.name);
}

/** Writes a file small enough to build row by row without pausing for the disk. */
export async function writeSmallFile(
  dir: string,
  fileName: string,
  kind: CanonicalKind,
  header: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
): Promise<SampleFile> {
  const path = join(dir, fileName);
  const writer = await CsvWriter.create(path, header);
  for (const row of rows) {
    writer.row(row);
    await writer.drain();
  }
  return { kind, path, rows: await writer.close() };
}
