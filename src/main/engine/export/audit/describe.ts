import type { FigureSubject, PublishedFigure } from '../content';
import { membersOf, type Cell } from './atoms';
import { OTHER_GROUPS, type AuditTree, type SlideRef } from './types';

export const nameOf = (tree: AuditTree, unit: string) => tree.names?.get(unit) ?? unit;

export function listWords(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function subjectWords(subject: FigureSubject, tree: AuditTree): string {
  const names = (ids: string[]) => listWords(ids.map((u) => nameOf(tree, u)));
  const members = membersOf(subject);
  if (members) return `the people attached directly to ${names(members)}`;
  if (subject.kind === 'unit') return nameOf(tree, subject.unitId);
  if (subject.kind === 'set') return `the set of ${names(subject.unitIds)}`;
  if (subject.kind !== 'group') return '';
  return `${subject.group} (${subject.grouping}) in ${nameOf(tree, subject.scopeUnitId)}`;
}

function childrenOf(tree: AuditTree): Map<string, string[]> {
  const kids = new Map<string, string[]>();
  for (const [u, p] of tree.parent) if (p !== null) kids.set(p, [...(kids.get(p) ?? []), u]);
  return kids;
}

/**
 * A set of units' own people in words: whole subtrees by their top unit ("Team D"), units only
 * some of whose subtree is included as "the people attached directly to X". Units known to hold
 * nobody in the cells are left out of the words.
 */
function unitsWords(
  units: Set<string>,
  tree: AuditTree,
  held: (u: string) => number | null,
  own: (u: string) => number | null,
) {
  const kids = childrenOf(tree);
  const whole = new Map<string, boolean>();
  const isWhole = (u: string): boolean => {
    const known = whole.get(u);
    if (known !== undefined) return known;
    const w = units.has(u) && (kids.get(u) ?? []).every(isWhole);
    whole.set(u, w);
    return w;
  };
  const parts: string[] = [];
  for (const u of units) {
    const p = tree.parent.get(u) ?? null;
    if (isWhole(u)) {
      if (p !== null && isWhole(p)) continue;
      if (held(u) === 0) continue;
      parts.push(nameOf(tree, u));
    } else if (own(u) !== 0) parts.push(`the people attached directly to ${nameOf(tree, u)}`);
  }
  return parts;
}

/** Who a set of atoms' cells are, in words; `count` gives the people of some units in a class. */
export function cellsWords(
  cells: Cell[],
  tree: AuditTree,
  named: Map<string, Set<string>>,
  count: (units: string[], combo: Record<string, string>) => number | null,
) {
  const byCombo = new Map<string, Cell[]>();
  for (const c of cells) {
    const key = JSON.stringify(Object.entries(c.combo).sort());
    byCombo.set(key, [...(byCombo.get(key) ?? []), c]);
  }
  const kids = childrenOf(tree);
  const phrases: string[] = [];
  for (const group of byCombo.values()) {
    const combo = group[0]!.combo;
    const units = new Set(group.flatMap((c) => c.units));
    const subtreeHeld = (u: string): number | null => {
      const all: string[] = [];
      const stack = [u];
      while (stack.length > 0) {
        const x = stack.pop()!;
        if (units.has(x)) all.push(x);
        stack.push(...(kids.get(x) ?? []));
      }
      return count(all, combo);
    };
    const where = unitsWords(units, tree, subtreeHeld, (u) => count([u], combo));
    const who = Object.entries(combo)
      .map(([grouping, g]) =>
        g === OTHER_GROUPS
          ? `outside the ${grouping} groups shown (${listWords([...(named.get(grouping) ?? [])])})`
          : `${grouping} ${g}`,
      )
      .join(' and ');
    const place = listWords(where.length > 0 ? where : [...units].map((u) => nameOf(tree, u)));
    phrases.push(who ? `the people ${who} in ${place}` : place);
  }
  return listWords(phrases);
}

export function slidesOf(figures: PublishedFigure[], titles: string[]): SlideRef[] {
  return [...new Set(figures.map((f) => f.slide))]
    .sort((a, b) => a - b)
    .map((s) => ({ number: s + 1, title: titles[s] ?? `Slide ${s + 1}` }));
}

export function slidesWords(slides: SlideRef[]): string {
  const numbers = slides.map((s) => String(s.number));
  return slides.length === 1
    ? `Slide ${numbers[0]} ("${slides[0]!.title}")`
    : `Slides ${listWords(numbers)} (${slides.map((s) => `"${s.title}"`).join(', ')}) together`;
}

/** "Region North on slide 2 minus Team A and Team B on slide 4". */
export function combinationWords(
  figures: PublishedFigure[],
  combination: Map<number, number>,
  tree: AuditTree,
): string {
  const plus: PublishedFigure[] = [];
  const minus: PublishedFigure[] = [];
  let weighted = false;
  for (const [i, c] of [...combination].sort((a, b) => a[0] - b[0])) {
    if (Math.abs(Math.abs(c) - 1) > 1e-9) weighted = true;
    (c > 0 ? plus : minus).push(figures[i]!);
  }
  const side = (fs: PublishedFigure[]) => {
    const bySlide = new Map<number, string[]>();
    for (const f of fs)
      bySlide.set(f.slide, [...(bySlide.get(f.slide) ?? []), subjectWords(f.subject, tree)]);
    return listWords(
      [...bySlide]
        .sort((a, b) => a[0] - b[0])
        .map(([s, names]) => `${listWords(names)} on slide ${s + 1}`),
    );
  };
  const text = minus.length > 0 ? `${side(plus)} minus ${side(minus)}` : side(plus);
  return weighted ? `a weighted combination of ${text}` : text;
}
