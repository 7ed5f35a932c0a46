import { UpstreamError } from '../../../../shared/result';
import { queryOne, queryRows } from '../../db/query';
import { rawCell, uniqueCheck, type RowCheck } from '../columnChecks';
import { unitNameKey } from '../unitNameKey';
import { noExtraColumns, type KindImporter } from './kind';

const SUMMARY = '__people_summary';
const FIGURES = '__people_figures';

/**
 * People files (an HRIS roster, one row per employee) are never stored row by row: their valid
 * rows become headcount, leavers and absence per unit and quarter in hr_metrics, so every HR
 * figure, trend, roll-up and confidentiality rule works on them as on an hr_metrics file.
 *
 * Which quarters: the file's last quarter E is the period hint (a constant, a period column's
 * latest value, or the quarter in the file name), else the quarter of the latest hire or leave
 * date that is not in the future. With leave dates, every quarter from the earliest leave date's
 * to E is derived (before it, the export lists no leavers, so its headcount would be wrong);
 * without, E alone (a snapshot).
 * - headcount at a quarter's end: people hired by then (or with no hire date) who had not left;
 * - leavers in a quarter: people whose leave date falls in it; a person flagged as left with no
 *   leave date (the IBM attrition shape) left in E; a leave date after E is not a leaver yet;
 *   a leave date with the flag or status saying active is a rehire: the person is counted;
 * - absence: each person's days of absence are those of E (a per-quarter figure): summed into E
 *   over people employed at some time in E; earlier quarters get no absence figure, and a file
 *   without an absence column gives none at all (NULL, "no data", never zero).
 *
 * A re-import (next quarter's snapshot) replaces, for each quarter it covers, everything earlier
 * people files gave for that quarter and any hr_metrics row of the same unit and quarter;
 * quarters it does not cover keep their figures.
 */
export const peopleImporter: KindImporter = {
  kind: 'people',
  extraColumns: noExtraColumns,
  async extraChecks(_conn, columns) {
    const checks: RowCheck[] = [...unitChecks()];
    if (columns.some((c) => c.name === 'employee_id')) checks.push(uniqueCheck(['employee_id']));
    return checks;
  },
  async apply(conn, validRows, sourceId, columns) {
    await conn.run(`DROP TABLE IF EXISTS ${SUMMARY}`);
    await conn.run(`DROP TABLE IF EXISTS ${FIGURES}`);
    const bounds = (await queryOne<{
      people: number;
      period: string | null;
      past: string | null;
      any: string | null;
    }>(
      conn,
      `SELECT count(*)::INTEGER AS people, max(period) AS period,
         strftime(greatest(max(hire_date) FILTER (WHERE hire_date <= current_date),
           max(leave_date) FILTER (WHERE leave_date <= current_date)), '%Y-%m-%d') AS past,
         strftime(greatest(max(hire_date), max(leave_date)), '%Y-%m-%d') AS any
       FROM ${validRows}`,
    ))!;
    if (bounds.people === 0) return;
    const last = bounds.period ?? quarterOfDate(bounds.past ?? bounds.any);
    if (last === null)
      throw new UpstreamError(
        'IMPORT_ERROR',
        'people: no row has a hire or leave date and no period was given: say which quarter the file describes (--set period=2025-Q3, or a quarter in the file name)',
      );
    const e = quarterIndex(last);
    const hasAbsence = columns.some((c) => c.name === 'absence_days');
    const lastEnd = `(${startOf(e)} + INTERVAL 3 MONTH - INTERVAL 1 DAY)::DATE`;
    const people = `(SELECT unit_id, hire_date,
        CASE WHEN coalesce(has_left, leave_date IS NOT NULL) THEN coalesce(leave_date, ${lastEnd}) END AS gone,
        leave_date IS NULL AND coalesce(has_left, false) AS undated,
        absence_days
      FROM ${validRows})`;
    const first = (await queryOne<{ s: number | null }>(
      conn,
      `SELECT min(year(gone) * 4 + quarter(gone) - 1)::INTEGER AS s FROM ${people} WHERE gone <= ${lastEnd}`,
    ))!.s;
    const s = Math.min(first ?? e, e);
    await conn.run(`
      CREATE TEMP TABLE ${FIGURES} AS
      WITH q AS (
        SELECT i, ${periodText('i')} AS period, ${startOf('i')} AS qstart FROM range(${s}, ${e + 1}) t(i)),
      quarters AS (SELECT i, period, qstart, (qstart + INTERVAL 3 MONTH - INTERVAL 1 DAY)::DATE AS qend FROM q)
      SELECT p.unit_id, q.period,
        count(*) FILTER (WHERE (p.hire_date IS NULL OR p.hire_date <= q.qend) AND (p.gone IS NULL OR p.gone > q.qend))::INTEGER AS headcount,
        count(*) FILTER (WHERE p.gone BETWEEN q.qstart AND q.qend)::INTEGER AS leavers,
        CASE WHEN q.i = ${e} AND ${hasAbsence} THEN coalesce(sum(p.absence_days) FILTER (
          WHERE (p.hire_date IS NULL OR p.hire_date <= q.qend) AND (p.gone IS NULL OR p.gone >= q.qstart)), 0)::DOUBLE END AS absence_days
      FROM ${people} p CROSS JOIN quarters q
      GROUP BY p.unit_id, q.i, q.period
      HAVING count(*) FILTER (WHERE (p.hire_date IS NULL OR p.hire_date <= q.qend) AND (p.gone IS NULL OR p.gone > q.qend)) > 0
        OR count(*) FILTER (WHERE p.gone BETWEEN q.qstart AND q.qend) > 0`);
    const covered = `SELECT ${periodText('i')} FROM range(${s}, ${e + 1}) t(i)`;
    await conn.run(
      `DELETE FROM hr_metrics WHERE period IN (${covered})
         AND source_id IN (SELECT source_id FROM sources WHERE kind = 'people')`,
    );
    await conn.run(
      `DELETE FROM hr_metrics WHERE (unit_id, period) IN (SELECT (unit_id, period) FROM ${FIGURES})`,
    );
    await conn.run(
      `INSERT INTO hr_metrics SELECT unit_id, period, headcount, leavers, absence_days, ${sourceId} FROM ${FIGURES}`,
    );
    await conn.run(`
      CREATE TEMP TABLE ${SUMMARY} AS
      SELECT ${bounds.people} AS people, (SELECT count(DISTINCT unit_id) FROM ${FIGURES})::INTEGER AS units,
        ${periodText(String(s))} AS first, ${periodText(String(e))} AS last,
        (SELECT count(*) FROM ${people} WHERE undated)::INTEGER AS undated,
        ${hasAbsence} AS absence`);
  },
  async warnings(conn) {
    const summary = await queryRows<{
      people: number;
      units: number;
      first: string;
      last: string;
      undated: number;
      absence: boolean;
    }>(conn, `SELECT * FROM ${SUMMARY}`).catch(() => []);
    await conn.run(`DROP TABLE IF EXISTS ${SUMMARY}`);
    await conn.run(`DROP TABLE IF EXISTS ${FIGURES}`);
    const s = summary[0];
    if (!s)
      return ['people: no valid rows, so no HR figures were derived; no personal identifier kept'];
    const over = s.first === s.last ? s.last : `${s.first}..${s.last}`;
    const what = s.absence ? 'headcount, leavers and absence' : 'headcount and leavers';
    const notes = [
      `${s.people} ${s.people === 1 ? 'person' : 'people'} into ${what} for ${s.units} unit${s.units === 1 ? '' : 's'} over ${over}; no personal identifier kept`,
    ];
    if (s.undated > 0)
      notes.push(
        `people: ${s.undated} leaver${s.undated === 1 ? '' : 's'} without a leave date counted as leaving in ${s.last}`,
      );
    if (s.absence && s.first !== s.last)
      notes.push(
        `people: absence days are taken as those of ${s.last}; earlier quarters have none`,
      );
    if (!s.absence) notes.push('people: no absence column, so no absence figures');
    return notes;
  },
};

/**
 * The unit must be a unit id, or a name matched to exactly one unit (people/stage.ts resolved
 * names already; what is left here matched nothing, or more than one unit).
 */
function unitChecks(): RowCheck[] {
  const raw = rawCell('unit_id');
  const notAnId = `${raw} IS NOT NULL AND ${raw} NOT IN (SELECT unit_id FROM org_units)`;
  return [
    {
      column: 'unit_id',
      rule: 'ambiguous unit name',
      failsWhen: `${notAnId} AND ${unitNameKey(raw)} IN (
        SELECT ${unitNameKey('unit_name')} FROM org_units GROUP BY ${unitNameKey('unit_name')}, effective_from HAVING count(DISTINCT unit_id) > 1)`,
      reason: `'unit_id: ''' || ${raw} || ''' names more than one unit in the hierarchy: use unit ids'`,
    },
    {
      column: 'unit_id',
      rule: 'unknown unit',
      failsWhen: notAnId,
      reason: `'unit_id: unknown unit ''' || ${raw} || ''' (neither a unit id nor a unit name in any imported hierarchy)'`,
    },
  ];
}

function quarterOfDate(date: string | null): string | null {
  if (date === null) return null;
  const [year, month] = date.split('-').map(Number) as [number, number];
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

function quarterIndex(period: string): number {
  return Number(period.slice(0, 4)) * 4 + Number(period.slice(6, 7)) - 1;
}

/** SQL: the period text of quarter index `i` (year * 4 + quarter - 1). */
function periodText(i: string): string {
  return `(${i} // 4)::VARCHAR || '-Q' || (${i} % 4 + 1)::VARCHAR`;
}

/** SQL: the first day of quarter index `i`. */
function startOf(i: string | number): string {
  return `make_date((${i} // 4)::INTEGER, ((${i} % 4) * 3 + 1)::INTEGER, 1)`;
}
