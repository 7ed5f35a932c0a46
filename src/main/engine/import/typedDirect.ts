import { quoteIdent } from '../db/query';
import { ISO_FORMATS } from './applyMapping';
import type { ColumnSpec, DuckType } from './canonicalFormats';
import { rawCell, typedColumnFailures, type RowCheck } from './columnChecks';
import type { ColumnMapping } from './mapping/types';
import { readCsvSql } from './readers/sql';
import type { StagedSource } from './readers/types';
import type { ValidationPlan } from './rowValidation';

/**
 * The rows of the one-pass import (directImport.ts) read with typed columns, when a delimited
 * file's columns map onto canonical columns as they are: nothing to blank, rewrite or score.
 * DuckDB's CSV reader then casts each cell while it parses, which costs far less than reading
 * text and casting it afterwards (on a 5M-row file, about a third of the import). A cell the
 * reader cannot cast stops the read, as a failing check does, and the import is redone checked.
 * The reader's casts accept no cell the checked path's TRY_CAST of the trimmed cell refuses, and
 * give the same value (typedDirect.test.ts compares the two on awkward cells).
 *
 * `kindChecks` are the kind's own checks (keys apart: directImport checks those afterwards).
 * Returns null when the file or mapping needs the text path: then directImport reads text.
 */
export function typedDirectRows(
  staged: StagedSource,
  mapping: ColumnMapping,
  plan: ValidationPlan,
  kindChecks: RowCheck[],
): string | null {
  if (!staged.csv || mapping.kind === 'preaggregated' || mapping.decimalComma) return null;
  if (Object.keys(mapping.constants).length > 0) return null;
  const extraChecks = kindChecks.filter((c) => !c.uniqueColumns);
  if (extraChecks.some((c) => c.typedFailsWhen === undefined)) return null;

  const types = new Map<string, DuckType>();
  const canonical: string[] = [];
  for (const spec of plan.columns) {
    const source = mapping.columns[spec.name];
    if (source === undefined || !plainlyMapped(spec, mapping)) return null;
    const known = types.get(source);
    if (known !== undefined && known !== spec.type) return null;
    types.set(source, spec.type);
    const cell = spec.type === 'VARCHAR' ? rawCell(source) : quoteIdent(source);
    canonical.push(`${cell} AS ${quoteIdent(spec.name)}`);
  }
  const others = staged.columns.map((c) => c.name).filter((name) => !types.has(name));
  const other = (i: number) => quoteIdent(`__other_${i}`);

  // Blank rows are no rows, as in the staged view: cheap tests first, so that the others run
  // only on the rare row where every earlier cell is empty.
  const anyCell = [
    ...plan.columns.map((c) => `${quoteIdent(c.name)} IS NOT NULL`),
    ...others.map((_, i) => `${rawCell(`__other_${i}`)} IS NOT NULL`),
  ].join(' OR ');
  const failures = [
    ...plan.columns.flatMap((c) => typedColumnFailures(c, quoteIdent(c.name))),
    ...extraChecks.map((c) => `(${c.typedFailsWhen})`),
  ];
  const output = [
    ...plan.columns.map((c) => quoteIdent(c.name)),
    ...plan.absent.map((c) => `NULL::${c.type} AS ${quoteIdent(c.name)}`),
  ];
  const read = readCsvSql(staged.csv, types);
  return `(SELECT ${output.join(', ')} FROM (
      SELECT ${[...canonical, ...others.map((name, i) => `${quoteIdent(name)} AS ${other(i)}`)].join(', ')}
      FROM ${read})
    WHERE (${anyCell})
      AND CASE WHEN ${failures.length ? failures.join(' OR ') : 'false'}
        THEN error('a row fails a check') ELSE true END)`;
}

/** Whether the mapping takes the column as the file has it. */
function plainlyMapped(spec: ColumnSpec, mapping: ColumnMapping): boolean {
  if ((mapping.naCodes[spec.name]?.length ?? 0) > 0) return false;
  if (mapping.timeColumns?.[spec.name] !== undefined) return false;
  if ((mapping.dateFormats[spec.name] ?? []).some((f) => !ISO_FORMATS.has(f))) return false;
  if (Object.keys(mapping.choiceScores?.[spec.name] ?? {}).length > 0) return false;
  if (mapping.durations?.[spec.name] !== undefined) return false;
  return true;
}
