import type { SlideTable } from '../content';
import { csvLines } from '../neutralise';

const BOM = '\uFEFF';

/** One table as CSV: UTF-8 with a byte-order mark (Excel reads accents right), CRLF lines. */
export function writeCsv(table: SlideTable): Buffer {
  return Buffer.from(BOM + csvLines([table.columns, ...table.rows]), 'utf8');
}
