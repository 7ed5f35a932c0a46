import type { ColumnMapping, ItemMapping } from '../../../shared/imports';
import { CANONICAL_COLUMNS, canonicalColumn, constantProblem } from './canonicalColumns';
import { formatsFor, guessDateFormat } from './dateFormats';

/**
 * The mapping screen's edits, as pure functions from one ColumnMapping to the next. A column's
 * role is a canonical column name, 'item:<itemId>' for a survey answer column, or null (ignored),
 * exactly as importPreview reports it.
 */

/** The select value for "Survey item". */
export const ITEM_CHOICE = 'item';

export interface SourceColumnFacts {
  name: string;
  label: string | null;
  samples: string[];
}

export const FACTORS = [
  'engagement',
  'value',
  'leadership',
  'enablement',
  'enps',
  'other',
] as const;
export type FactorChoice = (typeof FACTORS)[number];

export const FACTOR_LABELS: Record<FactorChoice, string> = {
  engagement: 'Engagement',
  value: 'Value…',
  leadership: 'Leadership',
  enablement: 'Enablement',
  enps: 'eNPS',
  other: 'Other',
};

/** 'value:Integrity' -> { choice: 'value', name: 'Integrity' }. */
export function splitFactor(factor: string): { choice: FactorChoice; name: string } {
  if (factor.startsWith('value:')) return { choice: 'value', name: factor.slice('value:'.length) };
  return (FACTORS as readonly string[]).includes(factor)
    ? { choice: factor as FactorChoice, name: '' }
    : { choice: 'other', name: '' };
}

export function joinFactor(choice: FactorChoice, name: string): string {
  return choice === 'value' ? `value:${name}` : choice;
}

export function roleOf(mapping: ColumnMapping, column: string): string | null {
  const canonical = Object.entries(mapping.columns).find(([, source]) => source === column)?.[0];
  if (canonical) return canonical;
  const item = mapping.items.find((i) => i.column === column);
  if (item) return `item:${item.itemId}`;
  const dimension = Object.entries(mapping.demographics ?? {}).find(([, c]) => c === column)?.[0];
  return dimension ? `${DEMOGRAPHIC_CHOICE}${dimension}` : null;
}

/** A survey column kept as respondent groups: the select's value is this prefix and the dimension. */
export const DEMOGRAPHIC_CHOICE = 'demographic:';

/**
 * The demographic dimensions the mapping screen offers for a survey column (the engine's
 * proposals, src/main/engine/import/mapping/rules.ts; ages are kept as bands under age_band).
 */
export const DEMOGRAPHIC_DIMENSIONS = [
  { id: 'gender', label: 'Gender' },
  { id: 'age_band', label: 'Age (kept as bands)' },
  { id: 'location', label: 'Location' },
  { id: 'department', label: 'Department' },
  { id: 'shift', label: 'Shift' },
  { id: 'grade', label: 'Grade' },
  { id: 'work_pattern', label: 'Work pattern' },
] as const;

/** The role select's value for a role: '' (ignore), a canonical name, or 'item'. */
export function choiceOf(role: string | null): string {
  if (role === null) return '';
  return role.startsWith('item:') ? ITEM_CHOICE : role;
}

/** A valid, unused item id from a column name: 'Q12 - I feel proud' -> 'Q12_I_feel_proud'. */
export function itemIdFrom(column: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let base = column
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  if (!/^[A-Za-z]/.test(base)) base = `q_${base}`.replace(/_+$/, '');
  if (base === 'q') base = 'item';
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
  return id;
}

/** Scale and N/A codes guessed from sample answers, for a column the analyst marks as an item. */
export function guessItemScale(samples: string[]): {
  scaleMin: number;
  scaleMax: number;
  naCodes: string[];
} {
  const numbers: number[] = [];
  const naCodes: string[] = [];
  for (const raw of samples) {
    const s = raw.trim();
    if (s === '') continue;
    if (/^-?\d+$/.test(s)) {
      const n = Number(s);
      if (n >= 90 || n < 0) naCodes.push(s);
      else numbers.push(n);
    } else if (/^(n\/?a|not applicable|don'?t know|dk|prefer not to say)$/i.test(s)) {
      naCodes.push(s);
    }
  }
  const lo = numbers.length ? Math.min(...numbers) : 1;
  const hi = numbers.length ? Math.max(...numbers) : 5;
  const scaleMin = lo <= 0 ? 0 : 1;
  const scaleMax = scaleMin === 0 ? Math.max(hi, 10) : hi <= 5 ? 5 : hi <= 7 ? 7 : Math.max(hi, 10);
  return { scaleMin, scaleMax, naCodes: [...new Set(naCodes)] };
}

function without(mapping: ColumnMapping, column: string): ColumnMapping {
  const next: ColumnMapping = {
    ...mapping,
    columns: Object.fromEntries(
      Object.entries(mapping.columns).filter(([, src]) => src !== column),
    ),
    items: mapping.items.filter((i) => i.column !== column),
  };
  if (mapping.demographics) {
    next.demographics = Object.fromEntries(
      Object.entries(mapping.demographics).filter(([, src]) => src !== column),
    );
  }
  return next;
}

export interface RoleChange {
  mapping: ColumnMapping;
  /** A canonical column that was taken from another source column (now ignored). */
  moved?: { role: string; from: string };
}

/**
 * Gives a source column a role. A canonical column comes from one source column only, so
 * choosing it here unassigns the column that had it. `original` is the preview's mapping: a
 * column given back the role it had there gets back its settings (date formats, item details).
 */
export function assignRole(
  mapping: ColumnMapping,
  column: SourceColumnFacts,
  choice: string,
  original: ColumnMapping,
): RoleChange {
  let next = without(mapping, column.name);
  if (choice === '') return { mapping: next };

  if (choice === ITEM_CHOICE) {
    const before = original.items.find((i) => i.column === column.name);
    const taken = next.items.map((i) => i.itemId);
    const item: ItemMapping =
      before && !taken.includes(before.itemId)
        ? before
        : {
            column: column.name,
            itemId: itemIdFrom(column.name, taken),
            text: column.label ?? column.name,
            factor: 'other',
            reverseCoded: false,
            ...guessItemScale(column.samples),
          };
    return { mapping: { ...next, items: [...next.items, item] } };
  }

  if (choice.startsWith(DEMOGRAPHIC_CHOICE)) {
    const dimension = choice.slice(DEMOGRAPHIC_CHOICE.length);
    const from = next.demographics?.[dimension];
    return {
      mapping: { ...next, demographics: { ...next.demographics, [dimension]: column.name } },
      ...(from !== undefined ? { moved: { role: choice, from } } : {}),
    };
  }

  const previous = next.columns[choice];
  const moved = previous !== undefined ? { role: choice, from: previous } : undefined;
  const constants = { ...next.constants };
  delete constants[choice];
  next = { ...next, columns: { ...next.columns, [choice]: column.name }, constants };

  const spec = canonicalColumn(mapping.kind, choice);
  if (spec && (spec.type === 'date' || spec.type === 'timestamp')) {
    const dateFormats = { ...next.dateFormats };
    if (original.columns[choice] === column.name && original.dateFormats[choice]) {
      dateFormats[choice] = original.dateFormats[choice];
    } else {
      const guess = guessDateFormat(column.samples);
      if (guess !== null) {
        const formats = formatsFor(guess);
        if (formats.length) dateFormats[choice] = formats;
        else delete dateFormats[choice];
      }
    }
    next = { ...next, dateFormats };
  }
  return moved ? { mapping: next, moved } : { mapping: next };
}

export function updateItem(
  mapping: ColumnMapping,
  column: string,
  patch: Partial<ItemMapping>,
): ColumnMapping {
  return {
    ...mapping,
    items: mapping.items.map((i) => (i.column === column ? { ...i, ...patch } : i)),
  };
}

export function setConstant(mapping: ColumnMapping, name: string, value: string): ColumnMapping {
  const constants = { ...mapping.constants };
  if (value === '') delete constants[name];
  else constants[name] = value;
  return { ...mapping, constants };
}

export function setDateFormat(
  mapping: ColumnMapping,
  canonical: string,
  date: string,
): ColumnMapping {
  const dateFormats = { ...mapping.dateFormats };
  const formats = formatsFor(date);
  if (formats.length) dateFormats[canonical] = formats;
  else delete dateFormats[canonical];
  return { ...mapping, dateFormats };
}

/** Whether `period` is filled by deriving it from a mapped date column. */
export function periodFromDate(mapping: ColumnMapping): string | null {
  const from = mapping.periodFromDate;
  return from && mapping.columns[from] !== undefined && mapping.columns.period === undefined
    ? from
    : null;
}

/** Required canonical columns with neither a source column nor a value for the whole file. */
export function missingRequired(mapping: ColumnMapping): string[] {
  return CANONICAL_COLUMNS[mapping.kind]
    .filter((c) => c.required && c.fallback === undefined)
    .filter((c) => mapping.columns[c.name] === undefined)
    .filter((c) => !(mapping.constants[c.name] ?? '').trim())
    .filter((c) => !(c.name === 'period' && periodFromDate(mapping)))
    .map((c) => c.name);
}

/** Everything that stops this mapping from being imported, in words. Empty when it can run. */
export function blockingProblems(mapping: ColumnMapping): string[] {
  const out: string[] = [];
  const missing = missingRequired(mapping);
  if (missing.length) out.push(`Needs a column for ${missing.join(', ')}.`);
  for (const [name, value] of Object.entries(mapping.constants)) {
    const problem = constantProblem(name, value);
    if (problem) out.push(`${name}: ${problem}.`);
  }
  if (mapping.kind === 'survey_responses' && mapping.items.length === 0) {
    out.push('No survey answer columns: set the question columns to "Survey item".');
  }
  for (const item of mapping.items) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(item.itemId))
      out.push(
        `${item.column}: the item id "${item.itemId}" must start with a letter and use only letters, digits and _.`,
      );
    if (
      !(Number.isInteger(item.scaleMin) && Number.isInteger(item.scaleMax)) ||
      item.scaleMin >= item.scaleMax
    )
      out.push(`${item.column}: the scale must run from a lower to a higher whole number.`);
    if (item.factor === 'value:' || item.factor.trim() === '')
      out.push(`${item.column}: name the company value this item measures.`);
  }
  const ids = mapping.items.map((i) => i.itemId);
  for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i)))
    out.push(`Two columns share the item id "${id}": give each its own.`);
  return out;
}

/**
 * Whether the analyst changed what a column does, compared with the preview's mapping: its role,
 * its item details, or how its dates are read. (A change undone is no change.)
 */
export function columnChanged(
  mapping: ColumnMapping,
  original: ColumnMapping,
  column: string,
): boolean {
  const role = roleOf(mapping, column);
  if (role !== roleOf(original, column)) return true;
  if (role === null) return false;
  if (role.startsWith('item:')) {
    const now = mapping.items.find((i) => i.column === column);
    const before = original.items.find((i) => i.column === column);
    return JSON.stringify(now) !== JSON.stringify(before);
  }
  return (
    JSON.stringify(mapping.dateFormats[role] ?? []) !==
    JSON.stringify(original.dateFormats[role] ?? [])
  );
}

/** 0..1 -> the words the screen shows. */
export function confidenceWord(confidence: number): 'high' | 'medium' | 'low' {
  if (confidence >= 0.8) return 'high';
  if (confidence >= 0.5) return 'medium';
  return 'low';
}
