import { quoteIdent } from '../db/query';
import { canonicalExpr, EXCEL_SERIAL, ISO_FORMATS } from './applyMapping';
import type { ColumnSpec, DuckType } from './canonicalFormats';
import { rawCell, typedCell, typedColumnFailures, type RowCheck } from './columnChecks';
import type { ColumnMapping } from './mapping/types';
import { readCsvSql, type DateReadFormats } from './readers/sql';
import type { StagedSource } from './readers/types';
import type { ValidationPlan } from './rowValidation';

/**
 * The rows of the one-pass import (directImport.ts) read from a delimited file with typed
 * columns. DuckDB's CSV reader casts each cell a column takes as it is while it parses (dates in
 * the one format the mapping names, see dateReadFormats), which costs far less than reading text
 * and casting it afterwards (on a 5M-row file, about a third of the import). Columns the mapping
 * rewrites (N/A codes, decimal commas, choice texts, durations, several date formats) are read as
 * text and go through the very expressions the text path uses (applyMapping.ts, columnChecks.ts).
 * A cell the reader cannot cast stops the read, as a failing check does, and the import is redone
 * checked. The reader's casts accept no cell the checked path's TRY_CAST of the trimmed cell
 * refuses, and give the same value (importTypedRead.test.ts compares the two on awkward cells).
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
  if (!staged.csv || mapping.kind === 'preaggregated') return null;
  if (Object.keys(mapping.constants).length > 0) return null;
  const extraChecks = kindChecks.filter((c) => !c.uniqueColumns);
  if (extraChecks.some((c) => c.typedFailsWhen === undefined)) return null;
  if (plan.columns.some((c) => mapping.columns[c.name] === undefined)) return null;

  const { native, formats } = nativeColumns(plan.columns, mapping);
  const types = new Map(
    plan.columns
      .filter((c) => native.has(c.name))
      .map((c) => [mapping.columns[c.name]!, c.type] as [string, DuckType]),
  );
  const textOf = (c: ColumnSpec) => `__text_${c.name}`;
  const rawOf = (c: ColumnSpec) => `__raw_${c.name}`;
  const others = staged.columns.map((c) => c.name).filter((name) => !types.has(name));
  const other = (i: number) => `__other_${i}`;

  // From the file: native columns typed (text trimmed), the others' text as the mapping makes it.
  const fromFile = [
    ...plan.columns.map((c) => {
      const source = mapping.columns[c.name]!;
      if (native.has(c.name)) {
        const cell = c.type === 'VARCHAR' ? rawCell(source) : quoteIdent(source);
        return `${cell} AS ${quoteIdent(c.name)}`;
      }
      return `${canonicalExpr(c, mapping, FILE)} AS ${quoteIdent(textOf(c))}, ${FILE}.${quoteIdent(source)} AS ${quoteIdent(rawOf(c))}`;
    }),
    ...others.map((name, i) => `${FILE}.${quoteIdent(name)} AS ${quoteIdent(other(i))}`),
  ];
  const typed = [
    ...plan.columns.map((c) =>
      native.has(c.name)
        ? quoteIdent(c.name)
        : `${typedCell(textOf(c), c.type)} AS ${quoteIdent(c.name)}, ${quoteIdent(textOf(c))}, ${quoteIdent(rawOf(c))}`,
    ),
    ...others.map((_, i) => quoteIdent(other(i))),
  ];

  // Blank rows are no rows, as in the staged view, judged on the file's own cells: cheap tests
  // first, so that the others run only on the rare row where every earlier cell is empty.
  const anyCell = [
    ...plan.columns.map((c) =>
      native.has(c.name) ? `${quoteIdent(c.name)} IS NOT NULL` : `${rawCell(rawOf(c))} IS NOT NULL`,
    ),
    ...others.map((_, i) => `${rawCell(other(i))} IS NOT NULL`),
  ].join(' OR ');
  const failures = [
    ...plan.columns
      .filter((c) => !native.has(c.name) && c.type !== 'VARCHAR')
      .map((c) => `(${rawCell(textOf(c))} IS NOT NULL AND ${quoteIdent(c.name)} IS NULL)`),
    ...plan.columns.flatMap((c) => typedColumnFailures(c, quoteIdent(c.name))),
    ...extraChecks.map((c) => `(${c.typedFailsWhen})`),
  ];
  const output = [
    ...plan.columns.map((c) => quoteIdent(c.name)),
    ...plan.absent.map((c) => `NULL::${c.type} AS ${quoteIdent(c.name)}`),
  ];
  const read = readCsvSql(staged.csv, types, formats);
  return `(SELECT ${output.join(', ')} FROM (
      SELECT ${typed.join(', ')} FROM (SELECT ${fromFile.join(', ')} FROM ${read} AS ${FILE}))
    WHERE (${anyCell})
      AND CASE WHEN ${failures.length ? failures.join(' OR ') : 'false'}
        THEN error('a row fails a check') ELSE true END)`;
}

const FILE = '__file';

/**
 * The columns the reader can type itself, and the date formats it then parses with: a column the
 * mapping takes as the file has it, whose source column no rewritten column also reads, with at
 * most one non-ISO date format, shared by every native column of its type.
 */
function nativeColumns(
  columns: ColumnSpec[],
  mapping: ColumnMapping,
): { native: Set<string>; formats: DateReadFormats } {
  const formats: DateReadFormats = {};
  const native = new Set<string>();
  for (const c of columns) {
    if (!takenAsItIs(c, mapping)) continue;
    const nonIso = (mapping.dateFormats[c.name] ?? []).filter((f) => !ISO_FORMATS.has(f));
    if (c.type === 'DATE' || c.type === 'TIMESTAMP') {
      const option = c.type === 'DATE' ? 'dateformat' : 'timestampformat';
      if (nonIso.length > 1) continue;
      const wanted = nonIso[0] ?? 'ISO';
      const chosen = formats[option] ?? 'ISO';
      const typeSeen = columns.some(
        (o) => o.type === c.type && native.has(o.name) && o.name !== c.name,
      );
      if (typeSeen && wanted !== chosen) continue;
      if (wanted !== 'ISO') formats[option] = wanted;
    }
    native.add(c.name);
  }
  // A source column is read one way: typed for every native column, or as text for all.
  const readAsText = new Set(
    columns.filter((c) => !native.has(c.name)).map((c) => mapping.columns[c.name]!),
  );
  for (const time of Object.values(mapping.timeColumns ?? {})) readAsText.add(time);
  const typeOf = new Map<string, DuckType>();
  for (const c of columns) {
    if (!native.has(c.name)) continue;
    const source = mapping.columns[c.name]!;
    const known = typeOf.get(source);
    if (readAsText.has(source) || (known !== undefined && known !== c.type)) {
      readAsText.add(source);
    } else typeOf.set(source, c.type);
  }
  for (const c of columns) if (readAsText.has(mapping.columns[c.name]!)) native.delete(c.name);
  return { native, formats };
}

/** Whether the mapping takes the column as the file has it (dates in any one format). */
function takenAsItIs(spec: ColumnSpec, mapping: ColumnMapping): boolean {
  if ((mapping.naCodes[spec.name]?.length ?? 0) > 0) return false;
  if (mapping.timeColumns?.[spec.name] !== undefined) return false;
  if (Object.keys(mapping.choiceScores?.[spec.name] ?? {}).length > 0) return false;
  if (mapping.durations?.[spec.name] !== undefined) return false;
  if (mapping.dateFormats[spec.name]?.includes(EXCEL_SERIAL)) return false;
  if (mapping.decimalComma && (spec.type === 'INTEGER' || spec.type === 'DOUBLE')) return false;
  return true;
}
