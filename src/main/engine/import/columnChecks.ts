import { quoteIdent, quoteLiteral } from '../db/query';
import type { ColumnSpec, DuckType } from './canonicalFormats';

/**
 * One check a row must pass. `failsWhen` is a SQL condition over the staged (all-text) row, and
 * `reason` a SQL text expression that says what is wrong in words for the analyst.
 * Checks run in order; a row's first failing check is the one reported.
 */
export interface RowCheck {
  column: string;
  /** Short name of the rule, used to count quarantined rows by reason. */
  rule: string;
  /**
   * Uniqueness checks: the canonical key columns. They run after every other check, on the typed
   * rows, and only sort when some key repeats (see markDuplicates in importFile.ts).
   */
  uniqueColumns?: string[];
  failsWhen: string;
  reason: string;
  /**
   * The same condition over the typed canonical columns (each under its canonical name, text
   * trimmed and NULL when empty), for the typed one-pass import (typedDirect.ts). A check without
   * one keeps a file off that path.
   */
  typedFailsWhen?: string;
}

/**
 * A cell as text without surrounding spaces, NULL when empty: `nullif(trim(cell), '')`. DuckDB's
 * trim (it strips Unicode space separators) is the costliest step of a large import, so it runs
 * only where it can change something: a space at either end, or any character outside ASCII.
 */
export function rawCell(column: string): string {
  const cell = quoteIdent(column);
  return `CASE WHEN ${cell} ~~ ' %' OR ${cell} ~~ '% ' OR length(${cell}) <> strlen(${cell}) THEN nullif(trim(${cell}), '') ELSE nullif(${cell}, '') END`;
}

/**
 * A cell cast to its type: `TRY_CAST(rawCell AS type)`. DuckDB's casts already skip ASCII
 * whitespace, so a cell that casts as it is needs no trimming; only the others are trimmed first.
 */
export function typedCell(column: string, type: DuckType): string {
  if (type === 'VARCHAR') return rawCell(column);
  const direct = `TRY_CAST(${quoteIdent(column)} AS ${type})`;
  return `CASE WHEN ${direct} IS NOT NULL THEN ${direct} ELSE TRY_CAST(${rawCell(column)} AS ${type}) END`;
}

const TYPE_WORDS: Record<DuckType, string> = {
  VARCHAR: 'text',
  INTEGER: 'whole number',
  DOUBLE: 'number',
  DATE: 'date (YYYY-MM-DD)',
  TIMESTAMP: 'date and time (YYYY-MM-DD HH:MM:SS)',
  BOOLEAN: 'true/false value',
};

/** Missing-value, type, range and pattern checks for one canonical column. */
export function columnChecks(spec: ColumnSpec): RowCheck[] {
  const raw = rawCell(spec.name);
  const typed = typedCell(spec.name, spec.type);
  const label = quoteLiteral(
    spec.source !== undefined ? `${spec.name} (column "${spec.source.slice(0, 80)}")` : spec.name,
  );
  const checks: RowCheck[] = [];
  if (spec.required) {
    checks.push({
      column: spec.name,
      rule: 'missing value',
      failsWhen: `${raw} IS NULL`,
      reason: `${label} || ': missing value'`,
    });
  }
  checks.push({
    column: spec.name,
    rule: `not a ${TYPE_WORDS[spec.type]}`,
    failsWhen: `${raw} IS NOT NULL AND ${typed} IS NULL`,
    reason: `${label} || ': ''' || left(${raw}, 60) || ''' is not a ${TYPE_WORDS[spec.type]}'`,
  });
  if (spec.range) {
    const [lo, hi] = spec.range;
    checks.push({
      column: spec.name,
      rule: 'outside the scale',
      failsWhen: `${typed} NOT BETWEEN ${lo} AND ${hi}`,
      reason: `${label} || ': ' || ${raw} || ' is outside ${lo}..${hi}'`,
    });
  }
  if (spec.pattern) {
    checks.push({
      column: spec.name,
      rule: 'not in the expected form',
      failsWhen: `${raw} IS NOT NULL AND NOT regexp_full_match(${raw}, ${quoteLiteral(spec.pattern)})`,
      reason: `${label} || ': ''' || left(${raw}, 60) || ''' is not in the expected form'`,
    });
  }
  return checks;
}

/**
 * What fails `columnChecks(spec)` once the cell is typed (`typed`: the cell of `spec.type`, NULL
 * when empty): missing, or outside its range or form. A cell that does not cast never gets here:
 * the typed read stops on it.
 */
export function typedColumnFailures(spec: ColumnSpec, typed: string): string[] {
  const failures: string[] = [];
  if (spec.required) failures.push(`${typed} IS NULL`);
  if (spec.range) failures.push(`${typed} NOT BETWEEN ${spec.range[0]} AND ${spec.range[1]}`);
  if (spec.pattern) failures.push(`NOT regexp_full_match(${typed}, ${quoteLiteral(spec.pattern)})`);
  return failures;
}

/** A check that the row's key is not repeated earlier in the file. */
export function uniqueCheck(columns: string[]): RowCheck {
  return {
    column: columns[columns.length - 1]!,
    uniqueColumns: columns,
    rule: 'duplicate',
    failsWhen: 'false',
    reason: `'duplicate ${columns.join(' + ')}: the same value appears earlier in the file'`,
  };
}

/**
 * A row's first failing check, evaluated once: `index` is the SQL for the 1-based number of the
 * first check that fails (NULL when all pass); `column`, `rule` and `reason` are SQL over that
 * number, so the chain of conditions runs once per row and reasons are built only for failures.
 */
export function firstFailure(
  checks: RowCheck[],
  indexName: string,
): { index: string; column: string; rule: string; reason: string } {
  if (checks.length === 0)
    return { index: 'NULL::INTEGER', column: 'NULL', rule: 'NULL', reason: 'NULL' };
  const list = (values: string[]) => `[${values.map(quoteLiteral).join(', ')}]`;
  return {
    index: `CASE ${checks.map((c, i) => `WHEN ${c.failsWhen} THEN ${i + 1}`).join(' ')} END`,
    column: `${list(checks.map((c) => c.column))}[${indexName}]`,
    rule: `${list(checks.map((c) => c.rule))}[${indexName}]`,
    reason: `CASE ${indexName} ${checks.map((c, i) => `WHEN ${i + 1} THEN ${c.reason}`).join(' ')} END`,
  };
}
