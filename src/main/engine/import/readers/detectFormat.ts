import { controlCharShare, decodeSample, guessEncoding } from './encoding';
import type { SourceFormat } from './types';

/** The compound-file (OLE) signature: legacy .xls, and any password-protected Office file. */
export const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from('PK\u0003\u0004', 'latin1');
const ZIP_EMPTY = Buffer.from('PK\u0005\u0006', 'latin1');

export type Container = 'zip' | 'cfb' | 'gzip' | 'pdf' | 'zsav' | null;

export function containerOf(head: Buffer): Container {
  if (head.subarray(0, 4).equals(ZIP_MAGIC) || head.subarray(0, 4).equals(ZIP_EMPTY)) return 'zip';
  if (head.subarray(0, 8).equals(CFB_MAGIC)) return 'cfb';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  return null;
}

/**
 * What kind of file this is, from its first bytes (a few KB is plenty), never from its name:
 * exports get renamed. `fileName` is not used to decide; it is there for callers' messages.
 * ZIP and OLE files are reported as 'xlsx' (the workbook reader then says what exactly they are:
 * a legacy .xls, a password-protected workbook); null means Upstream cannot read it.
 */
export function detectFormat(head: Buffer, _fileName: string): SourceFormat | null {
  if (head.length === 0) return null;
  const container = containerOf(head);
  if (container === 'zip' || container === 'cfb') return 'xlsx';
  if (container !== null) return null;
  const magic = head.subarray(0, 4).toString('latin1');
  if (magic === 'PAR1') return 'parquet';
  if (magic === '$FL2' || magic === '$FL3') return 'sav';
  const guess = guessEncoding(head, false);
  if (guess.kind === 'binary') return null;
  const text = decodeSample(head, guess.encoding, guess.bomLength, false);
  if (controlCharShare(text.slice(0, 65536)) > 0.01) return null;
  const start = text.trimStart();
  if (start === '') return 'csv'; // blank text: the delimited reader says there is no data
  if (looksLikeJson(start)) return 'jsonl';
  return 'csv';
}

function looksLikeJson(text: string): boolean {
  if (text.startsWith('[')) return /^\[\s*(\{|\]|$)/.test(text);
  if (!text.startsWith('{')) return false;
  // A JSON object per line: the first line must close its braces (outside strings).
  const firstLine = text.split(/\r?\n/, 1)[0]!;
  if (firstLine.length === text.length && !text.trimEnd().endsWith('}')) return true;
  try {
    const parsed: unknown = JSON.parse(firstLine);
    return typeof parsed === 'object' && parsed !== null;
  } catch {
    // A pretty-printed object spanning lines is still JSON.
    return /^\{\s*("|\}|$)/.test(text);
  }
}
