import { currentQuarter } from '../refusalHint';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnMapping } from '../../../../shared/imports';
import { UpstreamError } from '../../../../shared/result';
import { queryOne, quoteIdent } from '../../db/query';
import { rawCell } from '../columnChecks';
import { periodFromFileName } from '../surveyDefaults/period';
import { unitNameKey } from '../unitNameKey';
import { hasLeftSql } from './status';

/** The people rows the import maps: kept columns and the resolved unit, left flag and id. */
export const PEOPLE = '__people';
/** The same rows as the file had them, without any column that names or identifies a person. */
export const PEOPLE_RAW = '__people_raw';

const PERIOD = /^\d{4}-Q[1-4]$/;

/**
 * A people file (one row per employee) made ready for the import, inside its transaction:
 * - only the columns mapped to unit, dates, left flag, absence and period are kept, under their
 *   own names (`PEOPLE_RAW`, what quarantine keeps of a failing row); the employee id, names,
 *   e-mails, demographics and everything else the file holds are never copied anywhere;
 * - the unit is a unit id, or a unit name matched to org_units (case and spaces aside; in the
 *   latest hierarchy snapshot that has the name), `__unit_id`; what matches nothing stays as
 *   written, for the unit check to quote;
 * - the left flag or status becomes true/false (`__has_left`, see status.ts);
 * - the employee id is carried as `__employee_id` for the duplicate check of this import only;
 * - with no period mapped, the quarter in the file name is the period (said in a warning); a
 *   period hint not written YYYY-Qn, or no period and no dates at all, stops the import here.
 */
export async function peopleStage(
  conn: DuckDBConnection,
  stage: string,
  mapping: ColumnMapping,
  fileName: string,
): Promise<{ stage: string; mapping: ColumnMapping; warnings: string[] }> {
  const warnings: string[] = [];
  const constants = { ...mapping.constants };
  delete constants.employee_id;
  if (constants.period !== undefined && !PERIOD.test(constants.period.trim()))
    throw importError(
      fileName,
      `the period hint '${constants.period}' is not a quarter written YYYY-Qn (for example 2025-Q3)`,
    );
  if (constants.period !== undefined) constants.period = constants.period.trim();
  const { columns } = mapping;
  if (constants.period === undefined && columns.period === undefined) {
    const fromName = periodFromFileName(fileName);
    if (fromName) {
      constants.period = fromName;
      warnings.push(`people: the period ${fromName} is taken from the file name`);
    } else if (!(await anyDate(conn, stage, [columns.hire_date, columns.leave_date]))) {
      throw new UpstreamError(
        'IMPORT_ERROR',
        `${fileName}: a people file without hire or leave dates describes one quarter: say which (--set period=2025-Q3, or a quarter in the file name such as "people 2025-Q3.csv")`,
        { hint: ['--as', 'people', '--set', `period=${currentQuarter()}`] },
      );
    }
  }
  const unit = columns.unit_id;
  const kept = [
    ...new Set(
      ['unit_id', 'hire_date', 'leave_date', 'has_left', 'absence_days', 'period']
        .map((role) => columns[role])
        .filter((c): c is string => c !== undefined),
    ),
  ];
  const keptList = kept.map((c) => `r.${quoteIdent(c)}, `).join('');
  const keptNames = kept.map((c) => `${quoteIdent(c)}, `).join('');
  const left = columns.has_left;
  const id = columns.employee_id;
  await conn.run(`
    CREATE TEMP TABLE ${PEOPLE} AS
    WITH rows AS (
      SELECT __row, ${keptNames}${unit === undefined ? 'NULL::VARCHAR' : rawCell(unit)} AS __unit_raw,
        ${left === undefined ? 'NULL::VARCHAR' : hasLeftSql(rawCell(left))} AS __has_left,
        ${id === undefined ? 'NULL::VARCHAR' : rawCell(id)} AS __employee_id
      FROM ${stage}),
    names AS (
      SELECT ${unitNameKey('unit_name')} AS name, unit_id, effective_from FROM org_units),
    latest AS (SELECT name, max(effective_from) AS eff FROM names GROUP BY name),
    by_name AS (
      SELECT n.name, min(n.unit_id) AS unit_id, count(DISTINCT n.unit_id) AS ids
      FROM names n JOIN latest l ON l.name = n.name AND l.eff = n.effective_from GROUP BY n.name)
    SELECT r.__row, ${keptList}
      CASE WHEN r.__unit_raw IN (SELECT unit_id FROM org_units) THEN r.__unit_raw
        WHEN b.ids = 1 THEN b.unit_id ELSE r.__unit_raw END AS __unit_id,
      r.__has_left, r.__employee_id
    FROM rows r LEFT JOIN by_name b ON b.name = ${unitNameKey('r.__unit_raw')}
    ORDER BY r.__row`);
  await conn.run(
    `CREATE TEMP VIEW ${PEOPLE_RAW} AS SELECT ${['__row', ...kept.map(quoteIdent)].join(', ')} FROM ${PEOPLE}`,
  );

  const peopleColumns: Record<string, string> = {};
  if (unit !== undefined) peopleColumns.unit_id = '__unit_id';
  for (const role of ['hire_date', 'leave_date', 'absence_days', 'period']) {
    const column = columns[role];
    if (column !== undefined) peopleColumns[role] = column;
  }
  if (left !== undefined) peopleColumns.has_left = '__has_left';
  if (id !== undefined) peopleColumns.employee_id = '__employee_id';
  const naCodes = Object.fromEntries(
    Object.entries(mapping.naCodes).filter(
      ([role]) => role !== 'unit_id' && role !== 'has_left' && role !== 'employee_id',
    ),
  );
  return {
    stage: PEOPLE,
    mapping: { ...mapping, columns: peopleColumns, constants, naCodes },
    warnings,
  };
}

/** Whether any row has a value in one of these (date) columns. */
async function anyDate(
  conn: DuckDBConnection,
  stage: string,
  columns: (string | undefined)[],
): Promise<boolean> {
  const given = columns.filter((c): c is string => c !== undefined);
  if (given.length === 0) return false;
  const found = await queryOne(
    conn,
    `SELECT 1 AS found FROM ${stage} WHERE ${given.map((c) => `${rawCell(c)} IS NOT NULL`).join(' OR ')} LIMIT 1`,
  );
  return found !== undefined;
}

/** Removes what peopleStage made. */
export async function dropPeople(conn: DuckDBConnection): Promise<void> {
  await conn.run(`DROP VIEW IF EXISTS ${PEOPLE_RAW}`);
  await conn.run(`DROP TABLE IF EXISTS ${PEOPLE}`);
}

function importError(file: string, message: string): UpstreamError {
  return new UpstreamError('IMPORT_ERROR', `${file}: ${message}`);
}
