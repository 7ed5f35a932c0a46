import type { FigureSubject, PublishedFigure } from '../content';
import { OTHER_GROUPS, type AuditTree } from './types';

/** The people of some units (their own people, not their subtrees) in one demographic class. */
export interface Cell {
  units: string[];
  /** grouping -> a group some figure names, or OTHER_GROUPS. */
  combo: Record<string, string>;
  /** People in it from the tree's counts; null when the tree has none. */
  people: number | null;
}

/** The finest population the figures split into: cells no figure tells apart. */
export interface Atom {
  cells: Cell[];
  people: number | null;
}

export interface AtomSpace {
  atoms: Atom[];
  /** One 0/1 row per figure (in the order given) over the atoms. */
  vectors: number[][];
  /** grouping -> the groups the figures name. */
  named: Map<string, Set<string>>;
}

export const HR_METRICS = new Set([
  'attrition',
  'absence_days_per_head',
  'recognition_per_head',
  'headcount',
]);

/** The units whose subtree the figure covers (or, for members, whose own people it covers). */
export function subjectUnits(f: PublishedFigure): string[] {
  const s = f.subject;
  if (s.kind === 'unit') return [s.unitId];
  if (s.kind === 'group') return [s.scopeUnitId];
  return (s as { unitIds: string[] }).unitIds;
}

/** A direct scope's units (people attached to them only), or null for any other subject. */
export function membersOf(s: FigureSubject): string[] | null {
  const loose = s as { kind: string; unitIds?: string[] };
  return loose.kind === 'members' ? (loose.unitIds ?? []) : null;
}

function product(lists: [string, string[]][]): Record<string, string>[] {
  let out: Record<string, string>[] = [{}];
  for (const [key, values] of lists)
    out = out.flatMap((combo) => values.map((v) => ({ ...combo, [key]: v })));
  return out;
}

/**
 * The atoms of one period's figures of one family. Units are first grouped by which figure
 * roots lie above them (units no figure reaches are left out), then split by every grouping the
 * figures name (each group named, and everyone else); cells in exactly the same figures merge.
 */
export function buildAtoms(figures: PublishedFigure[], tree: AuditTree): AtomSpace {
  const roots = new Set(figures.flatMap((f) => (membersOf(f.subject) ? [] : subjectUnits(f))));
  const members = new Set(figures.flatMap((f) => membersOf(f.subject) ?? []));
  const byRoots = new Map<string, string[]>();
  const rootsOf = new Map<string, Set<string>>();
  for (const unit of tree.parent.keys()) {
    // r: a figure's subtree covers it from that unit; m: a figure counts its own people
    const above = new Set<string>(members.has(unit) ? [`m:${unit}`] : []);
    for (let u: string | null = unit; u !== null; u = tree.parent.get(u) ?? null)
      if (roots.has(u)) above.add(`r:${u}`);
    if (above.size === 0) continue;
    const key = [...above].sort().join('\u0001');
    rootsOf.set(key, above);
    byRoots.set(key, [...(byRoots.get(key) ?? []), unit]);
  }

  const named = new Map<string, Set<string>>();
  for (const f of figures)
    if (f.subject.kind === 'group') {
      const set = named.get(f.subject.grouping) ?? new Set<string>();
      set.add(f.subject.group);
      named.set(f.subject.grouping, set);
    }
  const combos = product([...named].map(([g, groups]) => [g, [...groups, OTHER_GROUPS]]));
  const counter = peopleCounter(tree, named, HR_METRICS.has(figures[0]?.metric ?? ''));

  const byVector = new Map<string, { vector: number[]; cells: Cell[] }>();
  for (const [key, units] of byRoots) {
    const above = rootsOf.get(key)!;
    for (const combo of combos) {
      const vector = figures.map((f) => (inFigure(f, above, combo) ? 1 : 0));
      if (!vector.includes(1)) continue;
      const id = vector.join('');
      const entry = byVector.get(id) ?? { vector, cells: [] };
      entry.cells.push({ units, combo, people: counter(units, combo) });
      byVector.set(id, entry);
    }
  }
  const entries = [...byVector.values()];
  return {
    atoms: entries.map((e) => ({
      cells: e.cells,
      people: e.cells.some((c) => c.people === null)
        ? null
        : e.cells.reduce((s, c) => s + c.people!, 0),
    })),
    vectors: figures.map((_, i) => entries.map((e) => e.vector[i]!)),
    named,
  };
}

function inFigure(f: PublishedFigure, above: Set<string>, combo: Record<string, string>): boolean {
  const s = f.subject;
  if (s.kind === 'unit') return above.has(`r:${s.unitId}`);
  const members = membersOf(s);
  if (members) return members.some((u) => above.has(`m:${u}`));
  if (s.kind === 'set') return s.unitIds.some((u) => above.has(`r:${u}`));
  if (s.kind !== 'group') return false;
  return above.has(`r:${s.scopeUnitId}`) && combo[s.grouping] === s.group;
}

/** Counts a cell's people from the tree's respondents (or headcount for HR figures). */
export function peopleCounter(
  tree: AuditTree,
  named: Map<string, Set<string>>,
  hr: boolean,
): (units: string[], combo: Record<string, string>) => number | null {
  if (hr) {
    const heads = tree.headcount;
    if (!heads || named.size > 0) return () => null;
    return (units) => units.reduce((s, u) => s + (heads.get(u) ?? 0), 0);
  }
  const people = tree.people;
  if (!people) return () => null;
  const byUnit = new Map<string, { groups: Record<string, string>; n: number }[]>();
  for (const p of people) byUnit.set(p.unit, [...(byUnit.get(p.unit) ?? []), p]);
  return (units, combo) => {
    let total = 0;
    for (const u of units)
      for (const p of byUnit.get(u) ?? [])
        if (Object.entries(combo).every(([g, v]) => classOf(named.get(g)!, p.groups[g]) === v))
          total += p.n;
    return total;
  };
}

export const NOT_STATED = 'Not stated';

function classOf(named: Set<string>, value: string | undefined): string {
  const v = value ?? NOT_STATED;
  return named.has(v) ? v : OTHER_GROUPS;
}
