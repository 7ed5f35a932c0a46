import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent, quoteLiteral } from '../../db/query';
import type { ColumnMapping } from '../mapping/types';
import { checkDemographics, dimensionId, isAgeDimension } from './demographics';
import { lastDayOf, planPeriod, PERIOD_COLUMN, PERIOD_RE } from './period';
import { planUnit, UNIT_COLUMN, UNIT_NAMES } from './unit';

/**
 * Survey exports rarely carry every column Upstream's survey format asks for. What is missing
 * gets a default the report states:
 * - no respondent id: the row is the respondent, its id the file's SHA-256 (first 12 hex
 *   digits) and the row's number in the file, so the same file always gives the same ids;
 * - no completion date: the last day of the response's period;
 * - no unit: the whole organisation (surveyDefaults/unit.ts); unit names matched to units;
 * - the period: a constant, a date column, or the file name (surveyDefaults/period.ts).
 * The staged rows are read through a view that adds the computed columns, and the mapping is
 * pointed at them, so the rest of the pipeline sees an export that had them all.
 */

export const SURVEY_DEFAULTS = '__survey_defaults';
const RESPONDENT_COLUMN = '__upstream_respondent';
const SUBMITTED_COLUMN = '__upstream_submitted';

export interface SurveyDefaults {
  stage: string;
  mapping: ColumnMapping;
  warnings: string[];
}

export async function surveyDefaultsStage(
  conn: DuckDBConnection,
  stage: string,
  input: ColumnMapping,
  file: {
    fileName: string;
    sourceId: number;
    sha256: () => Promise<string>;
    /** The file's column names: an unnamed first column is R's row numbers. */
    columnNames: string[];
  },
): Promise<SurveyDefaults> {
  const { fileName } = file;
  checkDemographics(input, fileName);
  const period = await planPeriod(conn, stage, input, fileName);
  let mapping = period.mapping;
  const warnings: string[] = period.warning ? [period.warning] : [];
  const select: string[] = [];
  if (period.select) select.push(`${period.select} AS ${quoteIdent(PERIOD_COLUMN)}`);

  if (mapping.columns.submitted_at === undefined && mapping.constants.submitted_at === undefined) {
    if (period.constant) {
      const day = lastDayOf(period.constant);
      mapping = { ...mapping, constants: { ...mapping.constants, submitted_at: day } };
      warnings.push(
        `no completion date: every response is dated ${day}, the last day of its period`,
      );
    } else {
      const p = `trim(${period.select ?? `${stage}.${quoteIdent(mapping.columns.period!)}`})`;
      select.push(
        `CASE WHEN regexp_full_match(${p}, '${PERIOD_RE.source.slice(1, -1)}')
          THEN strftime(last_day(period_start(${p})::DATE + INTERVAL 2 MONTH), '%Y-%m-%d') END AS ${quoteIdent(SUBMITTED_COLUMN)}`,
      );
      mapping = { ...mapping, columns: { ...mapping.columns, submitted_at: SUBMITTED_COLUMN } };
      warnings.push('no completion date: each response is dated the last day of its period');
    }
  }

  if (
    mapping.columns.respondent_id === undefined &&
    mapping.constants.respondent_id === undefined
  ) {
    const prefix = (await file.sha256()).slice(0, 12);
    select.push(
      `${quoteLiteral(`${prefix}-`)} || ${stage}.__row::VARCHAR AS ${quoteIdent(RESPONDENT_COLUMN)}`,
    );
    mapping = { ...mapping, columns: { ...mapping.columns, respondent_id: RESPONDENT_COLUMN } };
    const rowNumbers = file.columnNames[0]?.trim() === '';
    warnings.push(
      `no respondent id: each row is one respondent, its id made from the file's fingerprint and the row's number (${prefix}-N for row N)${rowNumbers ? '; the unnamed first column (row numbers, as R writes them) is not kept' : ''}`,
    );
  }

  const unit = await planUnit(conn, stage, mapping, file);
  mapping = unit.mapping;
  if (unit.warning) warnings.push(unit.warning);
  if (unit.select) select.push(`${unit.select} AS ${quoteIdent(UNIT_COLUMN)}`);

  const kept = Object.entries(mapping.demographics ?? {}).map(([key, column]) => {
    const id = dimensionId(key);
    return `${id} ("${column}"${isAgeDimension(id) ? ', ages as bands' : ''})`;
  });
  if (kept.length > 0)
    warnings.push(
      `demographics kept as respondent groups: ${kept.join(', ')}; shown as heatmap groups only under the minimum group size rules`,
    );

  if (select.length === 0) return { stage, mapping, warnings };
  await conn.run(
    `CREATE OR REPLACE TEMP VIEW ${SURVEY_DEFAULTS} AS
     SELECT ${stage}.*, ${select.join(', ')} FROM ${stage} ${unit.join ?? ''}`,
  );
  return { stage: SURVEY_DEFAULTS, mapping, warnings };
}

/** Removes what surveyDefaultsStage made. */
export async function dropSurveyDefaults(conn: DuckDBConnection): Promise<void> {
  await conn.run(`DROP VIEW IF EXISTS ${SURVEY_DEFAULTS}`);
  await conn.run(`DROP TABLE IF EXISTS ${UNIT_NAMES}`);
}
