import type { SourceColumn } from './types';

/** Names longer than this are cut (the full text stays in `originalName` or `label`). */
export const MAX_NAME_LENGTH = 100;

/** Whitespace runs (including line breaks inside a quoted header) become one space; ends trimmed. */
export function cleanHeader(raw: string | undefined): string {
  // eslint-disable-next-line no-control-regex -- control characters in headers become spaces
  const CONTROL = /[\u0000-\u001f\u007f\ufeff]+/g;
  return (raw ?? '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

function cut(name: string): string {
  if (name.length <= MAX_NAME_LENGTH) return name;
  // Do not split a surrogate pair.
  const chars = Array.from(name);
  return chars.length <= MAX_NAME_LENGTH
    ? name
    : `${chars.slice(0, MAX_NAME_LENGTH - 1).join('')}…`;
}

export interface NamedColumns {
  columns: SourceColumn[];
  warnings: string[];
}

/**
 * Unique, non-empty names. DuckDB compares identifiers without regard to case, so "ID" and "id"
 * count as the same name: the second becomes "id_2". Blank headers become column_N (N is the
 * 1-based position).
 */
export function uniqueColumns(raw: ReadonlyArray<string | undefined>): NamedColumns {
  const cleaned = raw.map((r) => cut(cleanHeader(r)));
  const explicit = new Set(cleaned.filter((n) => n !== '').map((n) => n.toLowerCase()));
  const used = new Set<string>();
  const blank: string[] = [];
  const renamed: string[] = [];
  const columns = cleaned.map((base, index): SourceColumn => {
    let name = base;
    if (name === '') {
      name = `column_${index + 1}`;
      let n = 2;
      while (explicit.has(name.toLowerCase()) || used.has(name.toLowerCase()))
        name = `column_${index + 1}_${n++}`;
      blank.push(name);
    } else if (used.has(name.toLowerCase())) {
      let n = 2;
      while (used.has(`${base}_${n}`.toLowerCase()) || explicit.has(`${base}_${n}`.toLowerCase()))
        n++;
      name = `${base}_${n}`;
      renamed.push(`${base} -> ${name}`);
    }
    used.add(name.toLowerCase());
    const original = raw[index] ?? '';
    return original === name ? { name } : { name, originalName: original };
  });
  const warnings: string[] = [];
  if (blank.length > 0)
    warnings.push(
      `${blank.length} column${blank.length > 1 ? 's have' : ' has'} no name in the header and ${blank.length > 1 ? 'were' : 'was'} called ${listSome(blank)}.`,
    );
  if (renamed.length > 0)
    warnings.push(
      `${renamed.length} repeated column name${renamed.length > 1 ? 's were' : ' was'} made unique (names differing only in case count as the same): ${listSome(renamed)}.`,
    );
  return { columns, warnings };
}

export function listSome(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
