import { quoteIdent, quoteLiteral } from '../db/query';
import { CANONICAL_COLUMNS, type ColumnSpec } from './canonicalFormats';
import { factorSql } from './kinds/factorNames';
import { metricIdSql } from './kinds/preaggregatedMetrics';
import { SCALE_RANGE } from './mapping/codebook';
import { REVERSE_MARKER } from './mapping/keying';
import { EXCEL_SERIAL } from './mapping/dates';
import type { ColumnMapping, ItemMapping } from './mapping/types';
import { demographicSelect } from './surveyDefaults/demographics';

/**
 * Compiles a mapping into the SELECT that turns the staged source table (all text, source column
 * names) into canonical text columns: renamed, N/A codes blanked, decimal commas fixed, dates
 * rewritten as ISO, choice texts scored, constants filled in. Validation then runs on canonical
 * names whatever the source looked like. Every name and value from the mapping enters the SQL
 * quoted; nothing in it is trusted as SQL.
 */
const ISO_DATE = '%Y-%m-%d';
const ISO_TIMESTAMP = '%Y-%m-%d %H:%M:%S';
export const ISO_FORMATS: ReadonlySet<string> = new Set([
  ISO_DATE,
  ISO_TIMESTAMP,
  '%Y-%m-%d %H:%M',
  '%Y-%m-%dT%H:%M:%S',
]);

/**
 * Answer texts and N/A codes match whatever their case and spacing ("Strongly  agree",
 * "N/a", " NA "): exports differ from the sample the mapping was made from.
 */
function looseText(expr: string): string {
  return `lower(regexp_replace(trim(${expr}), '\\s+', ' ', 'g'))`;
}
function loose(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function blankNa(expr: string, naCodes: string[] | undefined): string {
  if (!naCodes || naCodes.length === 0) return expr;
  const codes = [...new Set(naCodes.map(loose))];
  return `CASE WHEN ${looseText(expr)} IN (${codes.map(quoteLiteral).join(', ')}) THEN NULL ELSE ${expr} END`;
}

export { EXCEL_SERIAL };

function fromExcelSerial(trimmed: string, out: string): string {
  const days = `TRY_CAST(${trimmed} AS DOUBLE)`;
  return `CASE WHEN regexp_full_match(${trimmed}, '\\d{4,5}(\\.\\d+)?') AND ${days} BETWEEN 1 AND 2958465
    THEN strftime(TIMESTAMP '1899-12-30' + to_microseconds(CAST(round(${days} * 86400) AS BIGINT) * 1000000), '${out}') END`;
}

function isoDate(expr: string, spec: ColumnSpec, formats: string[] | undefined): string {
  const out = spec.type === 'DATE' ? ISO_DATE : ISO_TIMESTAMP;
  const trimmed = `trim(${expr})`;
  const attempts = [
    `strftime(TRY_CAST(${trimmed} AS TIMESTAMP), '${out}')`,
    ...(formats ?? []).map((f) =>
      f === EXCEL_SERIAL
        ? fromExcelSerial(trimmed, out)
        : `strftime(try_strptime(${trimmed}, ${quoteLiteral(f)}), '${out}')`,
    ),
  ];
  // When nothing parses the original text stays, so validation can quote it back.
  return `coalesce(${attempts.join(', ')}, ${expr})`;
}

/**
 * A date column and a separate time-of-day column ("03/07/2025" and "14:05", or "2:05 PM") as one
 * ISO timestamp text. No time keeps the date at midnight; text that does not read as either is
 * kept as "date time" so validation quotes both back.
 */
function withTimeOfDay(dateExpr: string, formats: string[] | undefined, timeExpr: string): string {
  const dateText = isoDate(dateExpr, { name: '', type: 'DATE', required: false }, formats);
  const day = `TRY_CAST(TRY_CAST(${dateText} AS TIMESTAMP) AS DATE)`;
  const time = `trim(${timeExpr})`;
  const clock = `coalesce(TRY_CAST(${time} AS TIME), ${TWELVE_HOUR.map((f) => `TRY_CAST(try_strptime(${time}, '${f}') AS TIME)`).join(', ')})`;
  return `CASE WHEN nullif(${time}, '') IS NULL THEN ${dateText}
    ELSE coalesce(strftime(${day} + ${clock}, '${ISO_TIMESTAMP}'), ${dateText} || ' ' || ${time}) END`;
}

const TWELVE_HOUR = ['%I:%M %p', '%I:%M:%S %p', '%I:%M%p', '%I:%M:%S%p'];

function numeric(expr: string, decimalComma: boolean): string {
  return decimalComma ? `replace(${expr}, ',', '.')` : expr;
}

type DurationFormat = NonNullable<ColumnMapping['durations']>[string];

/**
 * Durations as whole seconds: [h:]mm:ss text, milliseconds, (decimal) minutes or Excel time
 * fractions of a day. In [h:]mm:ss and day-fraction columns, [h:]mm:ss text is read as such and
 * the other format's numbers as theirs, so "0:05:12", "5:12" and "312" all mean 312 seconds.
 */
function seconds(expr: string, format: DurationFormat | undefined): string {
  if (format === 'days') {
    const fraction = `CAST(round(TRY_CAST(${expr} AS DOUBLE) * 86400) AS BIGINT)::VARCHAR`;
    return `CASE WHEN regexp_full_match(trim(${expr}), '(\\d+:)?\\d{1,2}:\\d{1,2}') THEN ${seconds(expr, 'hms')} WHEN TRY_CAST(${expr} AS DOUBLE) IS NOT NULL THEN ${fraction} ELSE ${expr} END`;
  }
  if (format === 'milliseconds')
    return `CAST(round(TRY_CAST(${expr} AS DOUBLE) / 1000) AS BIGINT)::VARCHAR`;
  if (format === 'minutes')
    return `CAST(round(TRY_CAST(${expr} AS DOUBLE) * 60) AS BIGINT)::VARCHAR`;
  if (format === 'hms') {
    const parts = `string_split(trim(${expr}), ':')`;
    return `CASE WHEN regexp_full_match(trim(${expr}), '(\\d+:)?\\d{1,2}:\\d{1,2}') THEN CAST(list_reduce(list_transform(${parts}, x -> CAST(x AS BIGINT)), (a, b) -> a * 60 + b) AS VARCHAR) ELSE ${expr} END`;
  }
  return expr;
}

function scoreText(expr: string, scores: Record<string, number> | undefined): string {
  const choices = Object.entries(scores ?? {});
  if (choices.length === 0) return expr;
  const byText = new Map<string, number>();
  for (const [label, score] of choices)
    if (!byText.has(loose(label))) byText.set(loose(label), score);
  const whens = [...byText].map(
    ([label, score]) => `WHEN ${quoteLiteral(label)} THEN ${quoteLiteral(String(score))}`,
  );
  return `CASE ${looseText(expr)} ${whens.join(' ')} ELSE ${expr} END`;
}

/**
 * A codebook gives no scale columns, so its items take one scale (the constants): its eNPS items
 * are 0-10 whatever that scale is, as eNPS is defined on 0-10.
 */
function codebookScale(spec: ColumnSpec, mapping: ColumnMapping, stage: string): string | null {
  const factor = mapping.columns.factor;
  if (mapping.kind !== 'survey_items' || factor === undefined) return null;
  if (spec.name !== 'scale_min' && spec.name !== 'scale_max') return null;
  if (mapping.columns.scale_min !== undefined || mapping.columns.scale_max !== undefined)
    return null;
  const enps = spec.name === 'scale_min' ? '0' : '10';
  const given = quoteLiteral(mapping.constants[spec.name]!);
  return `CASE WHEN ${factorSql(`${stage}.${quoteIdent(factor)}`)} = 'enps' THEN '${enps}' ELSE ${given} END`;
}

/** A codebook without a keying column: items whose text ends "(R)" or "(reversed)" are reversed. */
function codebookKeying(spec: ColumnSpec, mapping: ColumnMapping, stage: string): string | null {
  const text = mapping.columns.item_text;
  if (mapping.kind !== 'survey_items' || spec.name !== 'reverse_coded' || text === undefined)
    return null;
  const given = quoteLiteral(mapping.constants.reverse_coded!);
  return `CASE WHEN regexp_matches(${stage}.${quoteIdent(text)}, ${quoteLiteral(REVERSE_MARKER)}, 'i') THEN 'true' ELSE ${given} END`;
}

export function canonicalExpr(
  spec: ColumnSpec,
  mapping: ColumnMapping,
  stage: string,
): string | null {
  const constant = mapping.constants[spec.name];
  if (constant !== undefined)
    return (
      codebookScale(spec, mapping, stage) ??
      codebookKeying(spec, mapping, stage) ??
      quoteLiteral(constant)
    );
  const source = mapping.columns[spec.name];
  if (source === undefined) return null;
  let expr = `${stage}.${quoteIdent(source)}`;
  expr = blankNa(expr, mapping.naCodes[spec.name]);
  // ISO text needs no rewriting: validation casts it directly.
  const formats = mapping.dateFormats[spec.name];
  const time = mapping.timeColumns?.[spec.name];
  if (spec.type === 'TIMESTAMP' && time !== undefined) {
    expr = withTimeOfDay(expr, formats, `${stage}.${quoteIdent(time)}`);
  } else if (
    (spec.type === 'DATE' || spec.type === 'TIMESTAMP') &&
    formats?.some((f) => !ISO_FORMATS.has(f))
  ) {
    expr = isoDate(expr, spec, formats);
  }
  // A pre-aggregated row's metric becomes its registry id ("Net Promoter Score" is nps), so that
  // checks and keys compare ids; a name that stands for no metric stays as written.
  if (mapping.kind === 'preaggregated' && spec.name === 'metric') expr = metricIdSql(expr);
  // A codebook's factor names become Upstream's ("Employee Engagement" is engagement).
  if (mapping.kind === 'survey_items' && spec.name === 'factor') expr = factorSql(expr);
  // A scale written as its range ("1-5", "0 to 10") gives both ends.
  if (mapping.kind === 'survey_items' && (spec.name === 'scale_min' || spec.name === 'scale_max')) {
    const end = spec.name === 'scale_min' ? 1 : 2;
    expr = `CASE WHEN regexp_matches(${expr}, ${quoteLiteral(SCALE_RANGE)}, 'i') THEN regexp_extract(${expr}, ${quoteLiteral(SCALE_RANGE)}, ${end}, 'i') ELSE ${expr} END`;
  }
  // The keying marker is not part of the item's wording.
  if (mapping.kind === 'survey_items' && spec.name === 'item_text')
    expr = `regexp_replace(${expr}, ${quoteLiteral(REVERSE_MARKER)}, '', 'i')`;
  // Flags written as codes (a codebook's keying: -1/1, R): code -> 1 (true) or 0 (false).
  const flags = mapping.choiceScores?.[spec.name];
  if (spec.type === 'BOOLEAN' && flags) {
    // An empty cell reads as the '' code when the mapping gives one (a codebook's forward items).
    const cell = '' in flags ? `coalesce(nullif(trim(${expr}), ''), '')` : expr;
    const scored = scoreText(cell, flags);
    expr = `CASE ${scored} WHEN '1' THEN 'true' WHEN '0' THEN 'false' ELSE ${expr} END`;
  }
  if (spec.type === 'INTEGER' || spec.type === 'DOUBLE') {
    expr = scoreText(expr, mapping.choiceScores?.[spec.name]);
    expr = numeric(expr, mapping.decimalComma);
    if (spec.name.endsWith('_seconds')) expr = seconds(expr, mapping.durations?.[spec.name]);
  }
  return expr;
}

/**
 * The record id of kinds whose rows are events. Many exports carry none; then the id is the file
 * name and row number, so re-importing a corrected file of the same name replaces its rows.
 */
const EVENT_IDS: Partial<Record<ColumnMapping['kind'], string>> = {
  customer_feedback: 'response_id',
  contact_centre: 'interaction_id',
  recognition: 'event_id',
};

const HANDLE_PARTS = ['talk_seconds', 'hold_seconds', 'wrap_seconds'];

/**
 * Handle time is talk + hold + wrap-up: a log without a handle column but with all three parts
 * gets it summed per call (a call missing a part has none). With a part missing from the log
 * handle time is not made up: average handle time then shows no data.
 */
export function handleFromParts(mapping: ColumnMapping, stage: string): string | null {
  const parts = HANDLE_PARTS.map((name) => {
    const spec = CANONICAL_COLUMNS.contact_centre.find((c) => c.name === name)!;
    return canonicalExpr(spec, mapping, stage);
  });
  if (parts.some((p) => p === null)) return null;
  return `CAST(${parts.map((p) => `TRY_CAST(${p} AS BIGINT)`).join(' + ')} AS VARCHAR)`;
}

/** Whether the mapping makes record ids from row numbers, which then must be exact. */
export function idsFromRowNumbers(mapping: ColumnMapping): boolean {
  const id = EVENT_IDS[mapping.kind];
  return (
    id !== undefined && mapping.columns[id] === undefined && mapping.constants[id] === undefined
  );
}

/** SELECT list entries (each `expr AS "name"`) for the mapped table. */
export function mappedColumns(
  mapping: ColumnMapping,
  stage: string,
  fileName: string,
): { select: string[]; names: string[] } {
  const select: string[] = [];
  const names: string[] = [];
  const specs = CANONICAL_COLUMNS[mapping.kind];
  for (const spec of specs) {
    let expr = canonicalExpr(spec, mapping, stage);
    if (expr === null && spec.name === EVENT_IDS[mapping.kind]) {
      expr = `${quoteLiteral(`${fileName}#`)} || ${stage}.__row`;
    }
    if (expr === null && mapping.kind === 'contact_centre' && spec.name === 'handle_seconds')
      expr = handleFromParts(mapping, stage);
    if (expr === null) {
      // Absent columns exist as NULL text, so checks that mention them read NULL, not something else.
      if (
        spec.name !== 'period' ||
        mapping.kind !== 'survey_responses' ||
        !mapping.periodFromDate
      ) {
        select.push(`NULL::VARCHAR AS ${quoteIdent(spec.name)}`);
      }
      continue;
    }
    select.push(`${expr} AS ${quoteIdent(spec.name)}`);
    names.push(spec.name);
  }
  if (mapping.kind === 'survey_responses') {
    if (
      !names.includes('period') &&
      mapping.periodFromDate &&
      names.includes(mapping.periodFromDate)
    ) {
      const dateSpec = specs.find((s) => s.name === mapping.periodFromDate)!;
      const dateExpr = canonicalExpr(dateSpec, mapping, stage)!;
      select.push(`period_of(TRY_CAST(${dateExpr} AS DATE)) AS "period"`);
      names.push('period');
    }
    for (const item of mapping.items) {
      const expr = numeric(
        scoreText(blankNa(`${stage}.${quoteIdent(item.column)}`, item.naCodes), item.choiceScores),
        mapping.decimalComma,
      );
      select.push(`${expr} AS ${quoteIdent(item.itemId)}`);
      names.push(item.itemId);
    }
    const comment = mapping.columns.comment;
    if (comment !== undefined) {
      select.push(`${stage}.${quoteIdent(comment)} AS "comment"`);
      names.push('comment');
    }
    const demographics = demographicSelect(mapping, stage);
    select.push(...demographics.select);
    names.push(...demographics.names);
  }
  return { select, names };
}

/**
 * The mapping a canonical file needs: every column already has its canonical name, and survey
 * items are the columns named after catalogued items.
 */
export function canonicalMapping(
  kind: ColumnMapping['kind'],
  header: string[],
  catalogue: {
    itemId: string;
    text: string;
    factor: string;
    scaleMin: number;
    scaleMax: number;
    reverseCoded: boolean;
  }[],
): ColumnMapping {
  const columns: Record<string, string> = {};
  for (const spec of CANONICAL_COLUMNS[kind])
    if (header.includes(spec.name)) columns[spec.name] = spec.name;
  if (kind === 'survey_responses' && header.includes('comment')) columns.comment = 'comment';
  const items: ItemMapping[] =
    kind === 'survey_responses'
      ? catalogue
          .filter((item) => header.includes(item.itemId))
          .map((item) => ({ column: item.itemId, ...item, naCodes: [] }))
      : [];
  return { kind, columns, constants: {}, items, dateFormats: {}, naCodes: {}, decimalComma: false };
}

/** Whether a file's header already carries every required canonical column by name. */
export function isCanonical(kind: ColumnMapping['kind'], header: string[]): boolean {
  return CANONICAL_COLUMNS[kind].filter((c) => c.required).every((c) => header.includes(c.name));
}
