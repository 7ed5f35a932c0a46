import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnMapping, ItemMapping } from '../../../shared/imports';
import { UpstreamError } from '../../../shared/result';
import { queryRows, quoteIdent, quoteLiteral } from '../db/query';
import { CANONICAL_COLUMNS } from './canonicalFormats';
import type { CatalogueItem } from './mapping';

export const PIVOT = '__pivot';
const MAX_ITEMS = 500;

interface LongItem extends Record<string, unknown> {
  item: string;
  text: string | null;
  factor: string | null;
  low: number | null;
  high: number | null;
}

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

function itemIdFor(item: string, taken: Set<string>): string {
  let id = item.replace(/[^A-Za-z0-9_]/g, '_').replace(/_+/g, '_');
  if (!/^[A-Za-z]/.test(id)) id = `Q_${id}`;
  let unique = id.slice(0, 60);
  for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${id.slice(0, 56)}_${n}`;
  taken.add(unique.toLowerCase());
  return unique;
}

/** The scale one item's answers suggest. */
function scaleOf(low: number | null, high: number | null): [number, number] {
  if (low !== null && high !== null) {
    if (low >= 1 && high <= 5) return [1, 5];
    if (low >= 1 && high <= 7) return [1, 7];
    if (low >= 0 && high <= 10) return [0, 10];
  }
  return [1, 5];
}

/**
 * A new item's scale: 0-10 for a recommend (eNPS) question, otherwise the scale most of the
 * export's questions use; one stray answer (a 9 on a 1-5 item) must not move an item to 0-10,
 * it is quarantined instead.
 */
function newItemScale(row: LongItem, factor: string, dominant: [number, number]): [number, number] {
  const recommend = factor === 'enps' || /recommend/i.test(row.text ?? row.item);
  if (recommend && (row.high ?? 0) > 5) return [0, 10];
  return dominant;
}

function mostCommon(scales: [number, number][]): [number, number] {
  const counts = new Map<string, number>();
  for (const s of scales) counts.set(s.join(':'), (counts.get(s.join(':')) ?? 0) + 1);
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
  return best.split(':').map(Number) as [number, number];
}

/**
 * Long-form survey exports (Glint, Peakon: one row per respondent and question) become one row
 * per respondent, one column per item, so the rest of the pipeline sees a wide export. Items are
 * the distinct values of the item column, matched to the catalogue by id or by question text;
 * a respondent's row number is that of their first answer in the file.
 */
export async function pivotLongStage(
  conn: DuckDBConnection,
  stage: string,
  mapping: ColumnMapping,
  catalogue: CatalogueItem[],
  fileName: string,
): Promise<{ stage: string; mapping: ColumnMapping; warning: string }> {
  const long = mapping.long!;
  const item = `nullif(trim(${quoteIdent(long.itemColumn)}), '')`;
  const score = `nullif(trim(${quoteIdent(long.scoreColumn)}), '')`;
  const text = long.textColumn
    ? `any_value(nullif(trim(${quoteIdent(long.textColumn)}), ''))`
    : 'NULL';
  const factor = long.factorColumn
    ? `any_value(nullif(trim(${quoteIdent(long.factorColumn)}), ''))`
    : 'NULL';
  const items = await queryRows<LongItem>(
    conn,
    `SELECT ${item} AS item, ${text} AS text, ${factor} AS factor,
       min(TRY_CAST(${score} AS DOUBLE)) AS low, max(TRY_CAST(${score} AS DOUBLE)) AS high
     FROM ${stage} WHERE ${item} IS NOT NULL GROUP BY 1 ORDER BY 1`,
  );
  if (items.length === 0)
    throw new UpstreamError(
      'IMPORT_ERROR',
      `${fileName}: the column ${long.itemColumn} names no questions`,
    );
  if (items.length > MAX_ITEMS) {
    throw new UpstreamError(
      'IMPORT_ERROR',
      `${fileName}: ${long.itemColumn} names ${items.length} different questions; is it really the question column?`,
    );
  }

  const taken = new Set(CANONICAL_COLUMNS.survey_responses.map((c) => c.name.toLowerCase()));
  const known = (row: LongItem) =>
    catalogue.find((c) => c.itemId.toLowerCase() === row.item.toLowerCase()) ??
    catalogue.find((c) => row.text !== null && normalise(c.text) === normalise(row.text));
  const dominant = mostCommon(
    items.map((row) => {
      const k = known(row);
      return k ? [k.scaleMin, k.scaleMax] : scaleOf(row.low, row.high);
    }),
  );
  const mappedItems: (ItemMapping & { value: string })[] = items.map((row) => {
    const match = known(row);
    const itemId = match ? match.itemId : itemIdFor(row.item, taken);
    if (match) taken.add(match.itemId.toLowerCase());
    const itemFactor = match?.factor ?? row.factor ?? 'other';
    const [scaleMin, scaleMax] = match
      ? [match.scaleMin, match.scaleMax]
      : newItemScale(row, itemFactor, dominant);
    return {
      value: row.item,
      column: itemId,
      itemId,
      text: match?.text ?? row.text ?? row.item,
      factor: itemFactor,
      scaleMin,
      scaleMax,
      reverseCoded: match?.reverseCoded ?? false,
      naCodes: [],
    };
  });

  const keys = [
    ...new Set([...Object.values(mapping.columns), ...Object.values(mapping.demographics ?? {})]),
  ].map(quoteIdent);
  const answers = mappedItems.map(
    (i) =>
      `any_value(${score}) FILTER (WHERE ${item} = ${quoteLiteral(i.value)}) AS ${quoteIdent(i.itemId)}`,
  );
  await conn.run(
    `CREATE TEMP VIEW ${PIVOT} AS
     SELECT min(__row) AS __row, ${[...keys, ...answers].join(', ')}
     FROM ${stage} GROUP BY ${keys.join(', ')}`,
  );
  const wide: ColumnMapping = {
    ...mapping,
    items: mappedItems.map(({ value: _value, ...rest }) => rest),
  };
  delete wide.long;
  return {
    stage: PIVOT,
    mapping: wide,
    warning: `long format: one row per answer, pivoted to one row per respondent over ${mappedItems.length} questions (row numbers are each respondent's first answer)`,
  };
}
