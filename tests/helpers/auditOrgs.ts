import type { FigureSubject, PublishedFigure } from '../../src/main/engine/export/content';
import type { AuditTree } from '../../src/main/engine/export/disclosureAudit';
import { membersOf } from '../../src/main/engine/export/audit/atoms';

/**
 * Hand-built organisations for the disclosure audit: people with an eNPS answer and a tenure
 * band, attached to units of a tree; figures worked out from them the way the engine would
 * (value rounded to two decimals, n the people behind it), and a naive publisher that shows
 * every group of at least the minimum.
 */
export interface OrgPerson {
  unit: string;
  tenure: string;
  /** eNPS answer 0-10. */
  enps: number;
}

export interface Org {
  parent: Map<string, string | null>;
  names: Map<string, string>;
  people: OrgPerson[];
}

export const PERIOD = '2026-Q2';

export function org(
  units: [id: string, name: string, parent: string | null][],
  people: OrgPerson[],
): Org {
  return {
    parent: new Map(units.map(([id, , p]) => [id, p])),
    names: new Map(units.map(([id, name]) => [id, name])),
    people,
  };
}

/** `count` people in a unit, answering in turn from `answers` (tenure '1-3y' unless given). */
export function staff(unit: string, count: number, answers = [9, 7, 3, 10, 5], tenure = '1-3y') {
  return Array.from({ length: count }, (_, i) => ({
    unit,
    tenure,
    enps: answers[i % answers.length]!,
  }));
}

export function treeOf(o: Org, withPeople = true): AuditTree {
  const counts = new Map<string, number>();
  for (const p of o.people) {
    const key = `${p.unit}\u0001${p.tenure}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return {
    parent: o.parent,
    names: o.names,
    people: withPeople
      ? [...counts].map(([key, n]) => {
          const [unit, tenure] = key.split('\u0001') as [string, string];
          return { unit, groups: { tenure_band: tenure }, n };
        })
      : undefined,
  };
}

export function inside(o: Org, unit: string, scope: string): boolean {
  for (let u: string | null = unit; u !== null; u = o.parent.get(u) ?? null)
    if (u === scope) return true;
  return false;
}

export function peopleOf(o: Org, subject: FigureSubject): OrgPerson[] {
  if (subject.kind === 'unit') return o.people.filter((p) => inside(o, p.unit, subject.unitId));
  if (subject.kind === 'set')
    return o.people.filter((p) => subject.unitIds.some((u) => inside(o, p.unit, u)));
  const members = membersOf(subject);
  if (members) return o.people.filter((p) => members.includes(p.unit));
  if (subject.kind !== 'group') return [];
  return o.people.filter(
    (p) => inside(o, p.unit, subject.scopeUnitId) && p.tenure === subject.group,
  );
}

/** eNPS (% promoters minus % detractors) of some people, rounded to two decimals. */
export function enpsOf(people: OrgPerson[]): number {
  const promoters = people.filter((p) => p.enps >= 9).length;
  const detractors = people.filter((p) => p.enps <= 6).length;
  return Math.round(((promoters - detractors) / people.length) * 10000) / 100;
}

export function figure(o: Org, slide: number, subject: FigureSubject): PublishedFigure {
  const who = peopleOf(o, subject);
  return { slide, period: PERIOD, subject, metric: 'enps', n: who.length, value: enpsOf(who) };
}

export const unit = (unitId: string): FigureSubject => ({ kind: 'unit', unitId });
export const tenure = (scopeUnitId: string, group: string): FigureSubject => ({
  kind: 'group',
  scopeUnitId,
  grouping: 'tenure_band',
  group,
});

/** The naive rule: a figure for every subject with at least `min` people, nothing else. */
export function naive(o: Org, slide: number, subjects: FigureSubject[], min: number) {
  return subjects.map((s) => figure(o, slide, s)).filter((f) => f.n >= min);
}

export const childrenOf = (o: Org, id: string) =>
  [...o.parent].filter(([, p]) => p === id).map(([u]) => u);
