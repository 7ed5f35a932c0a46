import { quoteIdent } from '../db/query';
import type { ColumnSpec } from './canonicalFormats';
import { firstFailure, typedCell, type RowCheck } from './columnChecks';

/** What validating an import's rows needs: the canonical columns it has and the checks to run. */
export interface ValidationPlan {
  /** Canonical (and kind-specific) columns the mapping fills, typed per their spec. */
  columns: ColumnSpec[];
  /** Optional canonical columns the file does not have: NULL of their type. */
  absent: ColumnSpec[];
  /** Checks per row, in the order their reasons take precedence. */
  rowChecks: RowCheck[];
  /** Key checks, run over all rows once the others have passed. */
  uniqueChecks: RowCheck[];
}

export function validationPlan(
  columns: ColumnSpec[],
  absent: ColumnSpec[],
  checks: RowCheck[],
): ValidationPlan {
  return {
    columns,
    absent,
    rowChecks: checks.filter((c) => !c.uniqueColumns),
    uniqueChecks: checks.filter((c) => c.uniqueColumns),
  };
}

type Failure = ReturnType<typeof firstFailure>;

const typed = (c: ColumnSpec) => quoteIdent(`__typed_${c.name}`);

/**
 * SELECT over `mapped` (canonical text columns): every canonical column typed under its own
 * name, then `extra` expressions, which may read the text columns, `__fail` (the 1-based number
 * of the row's first failing check, or NULL) and the failure's SQL; filtered by `where`. Each cell is cast once and the
 * chain of checks runs once per row.
 */
export function validatedRowsSql(
  mapped: string,
  plan: ValidationPlan,
  options: { extra?: (failure: Failure) => string[]; where?: string } = {},
): string {
  const failure = firstFailure(plan.rowChecks, '__fail');
  const select = [
    ...plan.columns.map((c) => `${typed(c)} AS ${quoteIdent(c.name)}`),
    ...plan.absent.map((c) => `NULL::${c.type} AS ${quoteIdent(c.name)}`),
    ...(options.extra?.(failure) ?? []),
  ];
  const inner = [
    'm.*',
    ...plan.columns.map((c) => `${typedCell(c.name, c.type)} AS ${typed(c)}`),
    `${failure.index} AS __fail`,
  ];
  return `SELECT ${select.join(', ')}
    FROM (SELECT ${inner.join(', ')} FROM ${mapped} m)
    ${options.where ? `WHERE ${options.where}` : ''}`;
}
