import type { ColumnMapping } from '../../../shared/imports';
import type { ImportHints } from '../../../shared/importHints';
import { UpstreamError } from '../../../shared/result';
import { CANONICAL_COLUMNS, type ColumnSpec } from './canonicalFormats';

export type { ImportHints } from '../../../shared/importHints';

function hintError(flag: string, message: string): UpstreamError {
  return new UpstreamError('INVALID_ARGUMENTS', `${flag}: ${message}`);
}

/** The file's column a hint names: exactly, or else the one column equal ignoring case and spaces. */
function sourceColumn(name: string, columns: readonly string[]): string | undefined {
  if (columns.includes(name)) return name;
  const loose = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  const matches = columns.filter((c) => loose(c) === loose(name));
  return matches.length === 1 ? matches[0] : undefined;
}

const RULES: Record<ColumnSpec['type'], { test: (v: string) => boolean; says: string }> = {
  VARCHAR: { test: (v) => v.trim() !== '', says: 'a value that is not empty' },
  INTEGER: { test: (v) => /^-?\d+$/.test(v.trim()), says: 'a whole number' },
  DOUBLE: { test: (v) => v.trim() !== '' && Number.isFinite(Number(v)), says: 'a number' },
  DATE: { test: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v.trim()), says: 'a date written YYYY-MM-DD' },
  TIMESTAMP: {
    test: (v) => /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$/.test(v.trim()),
    says: 'a date written YYYY-MM-DD, with or without a time HH:MM:SS',
  },
  BOOLEAN: {
    test: (v) => /^(true|false|yes|no|1|0)$/i.test(v.trim()),
    says: 'true or false',
  },
};

/** `--set wave:2=2025-Q3`: the quarter of one wave of a file with a row per person and wave. */
const WAVE = 'wave:';

const PATTERN_WORDS: Record<string, string> = {
  '\\d{4}-Q[1-4]': 'a quarter written YYYY-Qn, such as 2025-Q3',
  '[A-Za-z][A-Za-z0-9_]*': 'a letter followed by letters, digits or _',
};

/** The value a --set gives, checked against its canonical column's rules before anything is read. */
function checkConstant(spec: ColumnSpec, value: string): void {
  const flag = `--set ${spec.name}=${value}`;
  const rule = RULES[spec.type];
  if (!rule.test(value)) throw hintError(flag, `${spec.name} must be ${rule.says}.`);
  if (spec.pattern && !new RegExp(`^(?:${spec.pattern})$`).test(value.trim())) {
    const says = PATTERN_WORDS[spec.pattern] ?? `written to match ${spec.pattern}`;
    throw hintError(flag, `${spec.name} must be ${says}.`);
  }
  if (spec.range) {
    const n = Number(value);
    if (n < spec.range[0] || n > spec.range[1])
      throw hintError(flag, `${spec.name} must lie between ${spec.range[0]} and ${spec.range[1]}.`);
  }
}

function specOf(kind: ColumnMapping['kind'], name: string, flag: string): ColumnSpec {
  const specs = CANONICAL_COLUMNS[kind];
  const spec = specs.find((s) => s.name === name);
  if (!spec) {
    throw hintError(
      flag,
      `'${name}' is not a column of a ${kind} file. Its columns are: ${specs.map((s) => s.name).join(', ')}.`,
    );
  }
  return spec;
}

/**
 * The analyst's hints laid over a mapping (inferred, from a profile or given whole): `map` says
 * which of the file's columns holds a canonical column, `set` gives one value for every row.
 * A hint wins over whatever the mapping said for the same canonical column, and the source column
 * it names stops meaning anything else. Every hint is checked before the file is read any further:
 * a column the file lacks, a value that breaks its column's rules and two hints that contradict
 * each other are refused, naming the hint.
 */
export function applyHints(
  mapping: ColumnMapping,
  hints: ImportHints | undefined,
  fileColumns: readonly string[],
): ColumnMapping {
  if (!hints) return mapping;
  const map = Object.entries(hints.map ?? {});
  const set = Object.entries(hints.set ?? {});
  if (map.length === 0 && set.length === 0) return mapping;
  const next: ColumnMapping = {
    ...mapping,
    columns: { ...mapping.columns },
    constants: { ...mapping.constants },
    items: [...mapping.items],
  };
  for (const [name, value] of set) {
    if (name.startsWith(WAVE)) {
      if (mapping.kind !== 'survey_responses')
        throw hintError(`--set ${name}=${value}`, "waves are a survey_responses file's.");
      if (!/^\d{4}-Q[1-4]$/.test(value.trim()))
        throw hintError(
          `--set ${name}=${value}`,
          `a wave's period must be ${PATTERN_WORDS['\\d{4}-Q[1-4]']}.`,
        );
      continue;
    }
    if (hints.map?.[name] !== undefined) {
      throw hintError(
        `--map ${name}=${hints.map[name]} and --set ${name}=${value}`,
        `these contradict each other: ${name} comes either from a column or from one value, not both.`,
      );
    }
    checkConstant(specOf(mapping.kind, name, `--set ${name}=${value}`), value);
  }
  for (const [name, column] of map) {
    const flag = `--map ${name}=${column}`;
    specOf(mapping.kind, name, flag);
    const source = sourceColumn(column, fileColumns);
    if (source === undefined) {
      throw hintError(
        flag,
        `the file has no column '${column}'. Its columns are: ${fileColumns.join(', ')}.`,
      );
    }
    const taken = map.find(
      ([other, c]) => other !== name && sourceColumn(c, fileColumns) === source,
    );
    if (taken) {
      throw hintError(
        `${flag} and --map ${taken[0]}=${taken[1]}`,
        `these contradict each other: one column cannot be both ${name} and ${taken[0]}.`,
      );
    }
    for (const [canonical, mapped] of Object.entries(next.columns))
      if (mapped === source) delete next.columns[canonical];
    next.items = next.items.filter((item) => item.column !== source);
    next.columns[name] = source;
    delete next.constants[name];
  }
  for (const [name, value] of set) {
    if (name.startsWith(WAVE)) {
      next.waves = { ...next.waves, [name.slice(WAVE.length)]: value.trim() };
      continue;
    }
    next.constants[name] = value.trim();
    delete next.columns[name];
  }
  return next;
}

/** The hints as the flags that give them, for a report or a command to copy. */
export function hintFlags(hints: ImportHints | undefined): string[] {
  return [
    ...Object.entries(hints?.map ?? {}).map(([k, v]) => `--map ${k}=${v}`),
    ...Object.entries(hints?.set ?? {}).map(([k, v]) => `--set ${k}=${v}`),
  ];
}
