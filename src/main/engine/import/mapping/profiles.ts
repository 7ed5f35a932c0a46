import type { CanonicalKind } from '../canonicalFormats';
import { analyseColumns } from './analyse';
import type { CatalogueItem, ColumnProfile } from './inferenceTypes';
import { RESERVED_IDS, buildItems, inferFactor, itemCandidate, type ItemCandidate } from './items';
import { columnKey, identifierFrom, normaliseName, uniqueIdentifier } from './normalise';
import { demographicReason, metadataReason, personalReason } from './rules';
import type { ColumnMapping, ItemMapping } from './types';
import { quarterFromText } from './values';

/**
 * Saved mappings ("profiles"): a signature that recognises next quarter's file with the same
 * columns, matching by overlap when a column was renamed, and carrying a saved mapping onto a
 * file whose columns moved, appeared or disappeared.
 */

/** 53-bit string hash (cyrb53), as 14 hex digits. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return value.toString(16).padStart(14, '0');
}

function keys(columns: readonly string[]): string[] {
  return [...new Set(columns.map(columnKey))].sort();
}

/** The same for the same set of column names, whatever their order, case or spacing. */
export function profileSignature(columns: readonly string[]): string {
  const k = keys(columns);
  return `cols1:${k.length}:${hash(k.join('\u001f'))}`;
}

export interface SavedProfileLike {
  name: string;
  kind: CanonicalKind;
  signature: string;
  columnNames: string[];
  mapping: ColumnMapping;
}

/** Every source column a mapping reads. */
export function mappedSources(mapping: ColumnMapping): string[] {
  const sources = [
    ...Object.values(mapping.columns),
    ...mapping.items.map((i) => i.column),
    ...Object.values(mapping.timeColumns ?? {}),
    ...Object.values(mapping.demographics ?? {}),
  ];
  if (mapping.managerTree)
    sources.push(mapping.managerTree.personColumn, mapping.managerTree.managerColumn);
  if (mapping.long)
    sources.push(
      ...[
        mapping.long.itemColumn,
        mapping.long.scoreColumn,
        mapping.long.textColumn,
        mapping.long.factorColumn,
      ].filter((c): c is string => c !== undefined),
    );
  return sources;
}

/** Least share of columns two files must share to count as the same export. */
export const MIN_OVERLAP = 0.9;

/**
 * The saved profile for a file with these columns: the one with the same signature, else the
 * one sharing the most columns (at least 90% of the larger file) and every column it maps.
 */
export function matchProfile<P extends SavedProfileLike>(
  profiles: readonly P[],
  columns: readonly string[],
): { profile: P; overlap: number } | null {
  const signature = profileSignature(columns);
  const exact = profiles.find((p) => p.signature === signature);
  if (exact) return { profile: exact, overlap: 1 };
  const mine = new Set(keys(columns));
  let best: { profile: P; overlap: number } | null = null;
  for (const profile of profiles) {
    const theirs = keys(profile.columnNames ?? []);
    if (theirs.length === 0 || mine.size === 0) continue;
    const shared = theirs.filter((k) => mine.has(k)).length;
    const overlap = shared / Math.max(theirs.length, mine.size);
    if (overlap < MIN_OVERLAP) continue;
    if (!mappedSources(profile.mapping).every((s) => mine.has(columnKey(s)))) continue;
    if (!best || overlap > best.overlap)
      best = { profile, overlap: Math.round(overlap * 1000) / 1000 };
  }
  return best;
}

export interface AdaptedMapping {
  mapping: ColumnMapping;
  problems: string[];
  /** Source columns newly mapped as items. */
  added: string[];
  /** Source columns the saved mapping used that this file lacks. */
  missing: string[];
  /**
   * How many of the file's columns were looked at as possible new answer columns: with none, the
   * columns' sample values played no part (the caller need not have read them).
   */
  looked: number;
}

export interface AdaptOptions {
  /** The columns of the file the profile was saved from: columns seen there stay ignored. */
  previousColumns?: readonly string[];
  catalogue?: readonly CatalogueItem[];
  /** This file's name: a fixed period or effective date is updated from it. */
  fileName?: string;
}

function nameShape(name: string): string {
  return name
    .trim()
    .replace(/[A-Za-z]+/g, 'A')
    .replace(/\d+/g, '9');
}

/**
 * Carries a saved mapping onto this file: names re-spelt as this file spells them, columns that
 * disappeared reported (and dropped), new answer columns of a survey appended as inferred items.
 * `columns` may be names only, or profiles with sample values (better item guesses).
 */
export function adaptProfile(
  saved: ColumnMapping,
  columns: readonly (string | ColumnProfile)[],
  options: AdaptOptions = {},
): AdaptedMapping {
  const profiles: ColumnProfile[] = columns.map((c) =>
    typeof c === 'string' ? { name: c, samples: [], nonEmpty: 0, rows: 0 } : c,
  );
  const withSamples = columns.some((c) => typeof c !== 'string');
  const actual = new Map<string, string>();
  for (const p of profiles)
    if (!actual.has(columnKey(p.name))) actual.set(columnKey(p.name), p.name);
  const problems: string[] = [];
  const missing: string[] = [];
  const mapping: ColumnMapping = structuredClone(saved);

  for (const [role, source] of Object.entries(saved.columns)) {
    const here = actual.get(columnKey(source));
    if (here !== undefined) mapping.columns[role] = here;
    else {
      delete mapping.columns[role];
      missing.push(source);
      problems.push(`${role}: column "${source}" is not in this file: choose another`);
    }
  }
  if (mapping.periodFromDate && mapping.columns[mapping.periodFromDate] === undefined) {
    delete mapping.periodFromDate;
  }
  const items: ItemMapping[] = [];
  for (const item of saved.items) {
    const here = actual.get(columnKey(item.column));
    if (here !== undefined) items.push({ ...item, column: here });
    else {
      missing.push(item.column);
      problems.push(
        `item ${item.itemId}: column "${item.column}" is not in this file (not imported this time)`,
      );
    }
  }
  mapping.items = items;
  for (const [role, source] of Object.entries(saved.timeColumns ?? {})) {
    const here = actual.get(columnKey(source));
    if (here !== undefined) mapping.timeColumns![role] = here;
    else {
      delete mapping.timeColumns![role];
      missing.push(source);
      problems.push(`${role}: time column "${source}" is not in this file (dates only this time)`);
    }
  }
  for (const [dimension, source] of Object.entries(saved.demographics ?? {})) {
    const here = actual.get(columnKey(source));
    if (here !== undefined) mapping.demographics![dimension] = here;
    else {
      delete mapping.demographics![dimension];
      missing.push(source);
      problems.push(
        `demographic ${dimension}: column "${source}" is not in this file (not kept this time)`,
      );
    }
  }
  if (saved.managerTree) {
    const person = actual.get(columnKey(saved.managerTree.personColumn));
    const manager = actual.get(columnKey(saved.managerTree.managerColumn));
    if (person !== undefined && manager !== undefined)
      mapping.managerTree = { personColumn: person, managerColumn: manager };
    else {
      delete mapping.managerTree;
      for (const source of [saved.managerTree.personColumn, saved.managerTree.managerColumn])
        if (actual.get(columnKey(source)) === undefined) {
          missing.push(source);
          problems.push(`manager tree: column "${source}" is not in this file`);
        }
    }
  }
  if (saved.long) {
    const long = { ...saved.long };
    let ok = true;
    for (const key of ['itemColumn', 'scoreColumn', 'textColumn', 'factorColumn'] as const) {
      const source = saved.long[key];
      if (source === undefined) continue;
      const here = actual.get(columnKey(source));
      if (here !== undefined) long[key] = here;
      else {
        missing.push(source);
        if (key === 'itemColumn' || key === 'scoreColumn') ok = false;
        else delete long[key];
        problems.push(`long format: column "${source}" is not in this file`);
      }
    }
    if (ok) mapping.long = long;
    else delete mapping.long;
  }

  // Fixed period / effective date.
  const quarter = options.fileName ? quarterFromText(options.fileName) : null;
  const period = saved.constants.period;
  if (period !== undefined) {
    if (quarter && quarter !== period) mapping.constants.period = quarter;
    else if (!quarter)
      problems.push(`period is fixed at ${period} by the profile: check it is this file's quarter`);
  }
  if (saved.constants.effective_from !== undefined && options.fileName === undefined)
    problems.push(
      `effective date is fixed at ${saved.constants.effective_from} by the profile: check it`,
    );

  // New answer columns.
  const added: string[] = [];
  let looked = 0;
  if (mapping.kind === 'survey_responses' && !mapping.long) {
    const used = new Set(mappedSources(mapping).map(columnKey));
    for (const source of Object.values(saved.columns)) used.add(columnKey(source));
    for (const item of saved.items) used.add(columnKey(item.column));
    const previous = new Set((options.previousColumns ?? []).map(columnKey));
    const catalogue = options.catalogue ?? [];
    const fresh = profiles.filter((p) => {
      const key = columnKey(p.name);
      if (used.has(key) || previous.has(key) || p.name.trim() === '') return false;
      const norm = normaliseName(p.name);
      return (
        !personalReason(norm, 'survey_responses', { emailShare: 0, ipShare: 0 }) &&
        !metadataReason(norm, p.importId) &&
        !demographicReason(norm)
      );
    });
    looked = fresh.length;
    const usedIds = new Set([...mapping.items.map((i) => i.itemId.toLowerCase()), ...RESERVED_IDS]);
    if (withSamples) {
      const analysed = analyseColumns(fresh);
      const candidates = analysed
        .map((c) => itemCandidate(c, c.profile.label, catalogue))
        .filter((c): c is ItemCandidate => c !== null);
      const built = buildItems(
        candidates,
        catalogue.filter((c) => !usedIds.has(c.itemId.toLowerCase())),
        problems,
      );
      for (const candidate of candidates) {
        const guess = built.get(candidate.column.index);
        if (!guess) continue;
        const item = {
          ...guess.item,
          itemId: usedIds.has(guess.item.itemId.toLowerCase())
            ? uniqueIdentifier(guess.item.itemId, usedIds)
            : guess.item.itemId,
        };
        usedIds.add(item.itemId.toLowerCase());
        mapping.items.push(item);
        added.push(item.column);
      }
    } else {
      // Names only: a new column shaped like the saved item columns (Q12_3 beside Q5_1), or a catalogue id.
      const shapes = new Set(saved.items.map((i) => nameShape(i.column)));
      const scales = new Map<string, number>();
      for (const i of saved.items)
        scales.set(
          `${i.scaleMin}:${i.scaleMax}`,
          (scales.get(`${i.scaleMin}:${i.scaleMax}`) ?? 0) + 1,
        );
      const usual = [...scales.entries()]
        .sort((a, b) => b[1] - a[1])[0]?.[0]
        .split(':')
        .map(Number) ?? [1, 5];
      const [min, max] = [usual[0] ?? 1, usual[1] ?? 5];
      for (const p of fresh) {
        const cat = catalogue.find((c) => columnKey(c.itemId) === columnKey(p.name));
        if (cat && !usedIds.has(cat.itemId.toLowerCase())) {
          usedIds.add(cat.itemId.toLowerCase());
          mapping.items.push({
            column: p.name,
            itemId: cat.itemId,
            text: cat.text,
            factor: cat.factor || 'other',
            scaleMin: cat.scaleMin,
            scaleMax: cat.scaleMax,
            reverseCoded: cat.reverseCoded,
            naCodes: [],
          });
          added.push(p.name);
          continue;
        }
        if (!shapes.has(nameShape(p.name))) continue;
        const text = p.label?.trim() || p.name;
        mapping.items.push({
          column: p.name,
          itemId: uniqueIdentifier(identifierFrom(p.name), usedIds),
          text,
          factor: inferFactor(text, { min, max }, catalogue).factor,
          scaleMin: min,
          scaleMax: max,
          reverseCoded: false,
          naCodes: [
            ...new Set(
              saved.items.flatMap((i) =>
                i.scaleMin === min && i.scaleMax === max ? i.naCodes : [],
              ),
            ),
          ].sort(),
        });
        added.push(p.name);
      }
    }
    if (added.length > 0)
      problems.push(
        `${added.length} new answer column${added.length === 1 ? '' : 's'} added as items (${added.slice(0, 5).join(', ')}${added.length > 5 ? ', ...' : ''}): check their factors and scales`,
      );
  }
  return { mapping, problems, added, missing, looked };
}
