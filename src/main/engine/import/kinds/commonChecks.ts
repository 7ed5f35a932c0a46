import { quoteIdent } from '../../db/query';
import { rawCell, type RowCheck } from '../columnChecks';

/** The unit must exist in some hierarchy snapshot: import the hierarchy first. */
export function knownUnitCheck(column: string): RowCheck {
  const raw = rawCell(column);
  return {
    column,
    rule: 'unknown unit',
    failsWhen: `${raw} IS NOT NULL AND ${raw} NOT IN (SELECT unit_id FROM org_units)`,
    typedFailsWhen: `${quoteIdent(column)} NOT IN (SELECT unit_id FROM org_units)`,
    reason: `'${column}: unknown unit ''' || ${raw} || ''' (not in any imported hierarchy)'`,
  };
}

/** Delete rows whose key appears in the new valid rows, then insert them: a re-import replaces. */
export function replaceByKeySql(table: string, validRows: string, keys: string[]): string {
  const keyList = keys.map(quoteIdent).join(', ');
  return `DELETE FROM ${table} WHERE (${keyList}) IN (SELECT (${keyList}) FROM ${validRows})`;
}
