import { currentQuarter } from '../refusalHint';
import type { DuckDBConnection } from '@duckdb/node-api';
import { UpstreamError } from '../../../../shared/result';
import { queryRows, quoteIdent, quoteLiteral } from '../../db/query';
import { resolveFormats, scanDates } from '../mapping/dates';
import type { ColumnMapping } from '../mapping/types';
import { quarterFromText } from '../mapping/values';

/**
 * Where a survey file's period comes from, in this order: a constant (constants.period), a
 * date column (periodFromDate, or the completion date when the mapping names one), or a quarter
 * written in the file name ("2025-Q3", "Q3 2025", "2025 Q3", "2025Q3", "Q3-2025"). A period
 * column is read as quarters, dates (their quarter) or waves (mapping.waves says each wave's
 * quarter): one row per person and wave is then imported as repeated measures.
 */

export const PERIOD_RE = /^\d{4}-Q[1-4]$/;
/** A quarter written in full another way: "Q3 2025", "2025 Q3", "2025Q3", "Q3-2025". */
const QUARTER_TEXT = /^(?:(?:19|20)\d{2}[ _./-]?Q[1-4]|Q[1-4][ _./-]?(?:19|20)\d{2})$/i;

/** The view column holding a period computed from a period column. */
export const PERIOD_COLUMN = '__upstream_period';

export interface PeriodPlan {
  /** The mapping with its period settled (a constant, periodFromDate, or PERIOD_COLUMN). */
  mapping: ColumnMapping;
  /** SQL for PERIOD_COLUMN over the staged row, when the period is computed per row. */
  select: string | null;
  /** The one period of every row, when it is a constant. */
  constant: string | null;
  /** What the report says about it (nothing for a column of YYYY-Qn periods). */
  warning: string | null;
}

function importError(fileName: string, message: string): UpstreamError {
  return new UpstreamError('IMPORT_ERROR', `${fileName}: ${message}`);
}

/** "Q3 2025" -> "2025-Q3"; a period already YYYY-Qn stays; anything else is null. */
export function periodOf(text: string): string | null {
  const t = text.trim();
  if (PERIOD_RE.test(t)) return t;
  if (QUARTER_TEXT.test(t)) return quarterFromText(t);
  return null;
}

/** The quarter a file name gives ("engagement pulse 2025-Q3.csv" -> "2025-Q3"), or null. */
export function periodFromFileName(fileName: string): string | null {
  return quarterFromText(fileName.replace(/\.[A-Za-z0-9]{1,5}$/, ''));
}

/** The last day of a quarter, YYYY-MM-DD ("2025-Q3" -> "2025-09-30"). */
export function lastDayOf(period: string): string {
  const year = Number(period.slice(0, 4));
  const quarter = Number(period.slice(6, 7));
  const end = new Date(Date.UTC(year, quarter * 3, 0));
  return end.toISOString().slice(0, 10);
}

/** The quarter `back` quarters before `period` (YYYY-Qn). */
function quarterBefore(period: string, back: number): string {
  const [year, quarter] = [Number(period.slice(0, 4)), Number(period.slice(6))];
  const index = year * 4 + quarter - 1 - back;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** A wave's key: case and spaces ignored ("T 1" and "t1" are one wave). */
export const waveKey = (wave: string) => wave.toLowerCase().replace(/\s+/g, '');
const waveKeySql = (expr: string) => `lower(regexp_replace(${expr}, '\\s+', '', 'g'))`;

/**
 * Settles the period of a survey mapping, refusing (before anything is written) a period
 * constant or wave hint that is not a quarter, and a wave column without its hint.
 */
export async function planPeriod(
  conn: DuckDBConnection,
  stage: string,
  mapping: ColumnMapping,
  fileName: string,
): Promise<PeriodPlan> {
  const fromName = periodFromFileName(fileName);
  const waves = Object.entries(mapping.waves ?? {});
  for (const [wave, period] of waves) {
    if (!PERIOD_RE.test(period))
      throw importError(
        fileName,
        `wave "${wave}" is given the period "${period}" (mapping.waves), which is not a quarter: write it YYYY-Qn, such as 2025-Q3`,
      );
  }

  const constant = mapping.constants.period;
  if (constant !== undefined) {
    const period = periodOf(constant);
    if (period === null)
      throw importError(
        fileName,
        `the period "${constant}" (constants.period) is not a quarter: write it YYYY-Qn, such as ${fromName ?? '2025-Q3'}`,
      );
    const where =
      period === fromName
        ? 'from the file name (constants.period)'
        : 'set in the mapping (constants.period)';
    return {
      mapping: { ...mapping, constants: { ...mapping.constants, period } },
      select: null,
      constant: period,
      warning: `period ${period} for every response: ${where}`,
    };
  }

  const column = mapping.columns.period;
  if (column !== undefined) return periodColumn(conn, stage, mapping, column, fileName);

  const dateRole =
    mapping.periodFromDate ?? (mapping.columns.submitted_at ? 'submitted_at' : undefined);
  if (dateRole !== undefined && mapping.columns[dateRole] !== undefined) {
    return {
      mapping: { ...mapping, periodFromDate: dateRole },
      select: null,
      constant: null,
      warning: `period: the quarter of each response's ${dateRole} ("${mapping.columns[dateRole]}")`,
    };
  }
  if (fromName) {
    return {
      mapping: { ...mapping, constants: { ...mapping.constants, period: fromName } },
      select: null,
      constant: fromName,
      warning: `period ${fromName} for every response: from the file name`,
    };
  }
  throw new UpstreamError(
    'IMPORT_ERROR',
    `${fileName}: no period: the file has no period or date column and its name holds no quarter (such as 2025-Q3); say which quarter the survey ran (--set period=YYYY-Qn, or the period's value on the Import screen)`,
    { hint: ['--as', 'survey_responses', '--set', `period=${currentQuarter()}`] },
  );
}

/** A period column: quarters, dates (their quarter) or waves (mapping.waves). */
async function periodColumn(
  conn: DuckDBConnection,
  stage: string,
  mapping: ColumnMapping,
  column: string,
  fileName: string,
): Promise<PeriodPlan> {
  const cell = `nullif(trim(${stage}.${quoteIdent(column)}), '')`;
  const withPeriod = (select: string, warning: string): PeriodPlan => ({
    mapping: { ...mapping, columns: { ...mapping.columns, period: PERIOD_COLUMN } },
    select,
    constant: null,
    warning,
  });
  const waves = Object.entries(mapping.waves ?? {});
  if (waves.length > 0) {
    const whens = waves.map(
      ([wave, period]) =>
        `WHEN ${waveKeySql(cell)} = ${quoteLiteral(waveKey(wave))} THEN ${quoteLiteral(period)}`,
    );
    const list = waves.map(([w, p]) => `${w} -> ${p}`).join(', ');
    return withPeriod(
      `CASE WHEN ${cell} IS NULL THEN NULL ${whens.join(' ')}
        ELSE 'wave ' || ${cell} || ' (not in mapping.waves)' END`,
      `period from the waves in "${column}" (${list}): one row per person and wave, imported as repeated measures`,
    );
  }

  const values = (
    await queryRows<{ v: string }>(
      conn,
      `SELECT DISTINCT ${cell} AS v FROM ${stage} WHERE ${cell} IS NOT NULL ORDER BY 1 LIMIT 200`,
    )
  ).map((r) => r.v);
  // Mostly quarters: taken as written, and a value not written YYYY-Qn is quarantined.
  const quarters = values.filter((v) => periodOf(v) !== null).length;
  if (values.length === 0 || quarters >= values.length / 2)
    return { mapping, select: null, constant: null, warning: null };
  const scan = scanDates(values);
  if (scan.share >= 0.9) {
    const formats = mapping.dateFormats.period ?? resolveFormats(scan, 'dmy');
    const parsed = [
      `TRY_CAST(${cell} AS DATE)`,
      ...formats.map((f) => `TRY_CAST(try_strptime(${cell}, ${quoteLiteral(f)}) AS DATE)`),
    ];
    return withPeriod(
      `coalesce(period_of(coalesce(${parsed.join(', ')})), ${cell})`,
      `period: the quarter of each date in "${column}"`,
    );
  }
  const examples = values
    .filter((v) => periodOf(v) === null)
    .slice(0, 3)
    .map((v) => `"${v}"`)
    .join(', ');
  const waveValues = values.filter((v) => periodOf(v) === null);
  throw new UpstreamError(
    'IMPORT_ERROR',
    `${fileName}: the period column "${column}" holds ${examples}, not quarters (YYYY-Qn) or dates: if these are waves, say which quarter each one is (--set wave:1=2025-Q1 --set wave:2=2025-Q3, or mapping.waves such as {"1": "2025-Q1", "2": "2025-Q3"})`,
    {
      hint:
        waveValues.length <= 12
          ? waveValues.flatMap((wave, i) => [
              '--set',
              `wave:${wave}=${quarterBefore(currentQuarter(), waveValues.length - 1 - i)}`,
            ])
          : undefined,
    },
  );
}
