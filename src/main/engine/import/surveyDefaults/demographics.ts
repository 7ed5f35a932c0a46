import type { DuckDBConnection } from '@duckdb/node-api';
import { UpstreamError } from '../../../../shared/result';
import { quoteIdent, quoteLiteral } from '../../db/query';
import type { ColumnSpec } from '../canonicalFormats';
import { DIMENSION, DIMENSION_RULE, RESERVED_DIMENSIONS } from '../mapping/schema';
import type { ColumnMapping } from '../mapping/types';

/**
 * Respondents' demographic groups (mapping.demographics: dimension -> source column), kept in
 * respondent_attributes for the heatmap's demographic cuts, under the same confidentiality rules
 * as role and tenure band. Cells that say nothing (NA, N/A, -) are not stated. Exact ages are
 * never kept: an age dimension ('age' is stored as 'age_band') keeps bands only.
 */

/** Mapped column names of demographic dimensions: `__demo_<dimension>`. */
export const DEMOGRAPHIC_PREFIX = '__demo_';

const NOT_SAID = ['', 'na', 'n/a', '#n/a', '-', '--', '.', 'null', 'none given', 'not stated'];

export const AGE_BANDS = ['under 25', '25-34', '35-44', '45-54', '55-64', '65+'] as const;

/** The dimension a mapping's key stands for: 'age' is kept as bands, under 'age_band'. */
export function dimensionId(key: string): string {
  return key === 'age' ? 'age_band' : key;
}

export function isAgeDimension(id: string): boolean {
  return id === 'age_band';
}

/** Refuses a demographic the engine cannot keep (a bad id, or the same dimension twice). */
export function checkDemographics(mapping: ColumnMapping, fileName: string): void {
  const seen = new Set<string>();
  for (const key of Object.keys(mapping.demographics ?? {})) {
    if (!DIMENSION.test(key) || RESERVED_DIMENSIONS.has(key))
      throw new UpstreamError(
        'IMPORT_ERROR',
        `${fileName}: demographic "${key}" (mapping.demographics): ${DIMENSION_RULE}`,
      );
    const id = dimensionId(key);
    if (seen.has(id))
      throw new UpstreamError(
        'IMPORT_ERROR',
        `${fileName}: demographics "age" and "age_band" are the same dimension (ages are kept as bands): map one`,
      );
    seen.add(id);
  }
}

/** Whole years ("34", "34 years", "34.0") as a band; anything else (a band already) as written. */
function ageBandSql(cell: string): string {
  const years = `TRY_CAST(regexp_extract(${cell}, '^(\\d{1,3})(?:\\.0+)?\\s*(?:years?|yrs?|y)?$', 1) AS INTEGER)`;
  return `CASE WHEN ${years} IS NULL THEN ${cell}
    WHEN ${years} < 25 THEN '${AGE_BANDS[0]}' WHEN ${years} < 35 THEN '${AGE_BANDS[1]}'
    WHEN ${years} < 45 THEN '${AGE_BANDS[2]}' WHEN ${years} < 55 THEN '${AGE_BANDS[3]}'
    WHEN ${years} < 65 THEN '${AGE_BANDS[4]}' ELSE '${AGE_BANDS[5]}' END`;
}

/** SELECT entries for the mapped table: each dimension's group as text, NULL when not stated. */
export function demographicSelect(
  mapping: ColumnMapping,
  stage: string,
): { select: string[]; names: string[] } {
  const select: string[] = [];
  const names: string[] = [];
  for (const [key, column] of Object.entries(mapping.demographics ?? {})) {
    const id = dimensionId(key);
    const naCodes = (mapping.naCodes[key] ?? []).map((c) => c.trim().toLowerCase());
    const blanks = [...new Set([...NOT_SAID, ...naCodes])].map(quoteLiteral).join(', ');
    const trimmed = `left(trim(${stage}.${quoteIdent(column)}), 100)`;
    const cell = `CASE WHEN lower(${trimmed}) IN (${blanks}) THEN NULL ELSE ${trimmed} END`;
    select.push(
      `${isAgeDimension(id) ? ageBandSql(cell) : cell} AS ${quoteIdent(DEMOGRAPHIC_PREFIX + id)}`,
    );
    names.push(DEMOGRAPHIC_PREFIX + id);
  }
  return { select, names };
}

/** The mapped demographic columns as validated (text) columns. */
export function demographicColumns(header: string[]): ColumnSpec[] {
  return header
    .filter((name) => name.startsWith(DEMOGRAPHIC_PREFIX))
    .map((name) => ({ name, type: 'VARCHAR', required: false }));
}

/** Writes the valid rows' groups into respondent_attributes (their periods already cleared). */
export async function insertAttributes(
  conn: DuckDBConnection,
  validRows: string,
  columns: ColumnSpec[],
  sourceId: number,
): Promise<void> {
  for (const c of columns) {
    if (!c.name.startsWith(DEMOGRAPHIC_PREFIX)) continue;
    await conn.run(
      `INSERT INTO respondent_attributes
       SELECT period, respondent_id, $dimension, ${quoteIdent(c.name)}, ${sourceId}
       FROM ${validRows} WHERE ${quoteIdent(c.name)} IS NOT NULL`,
      { dimension: c.name.slice(DEMOGRAPHIC_PREFIX.length) },
    );
  }
}
