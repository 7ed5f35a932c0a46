import { METRICS } from '../../../shared/metrics';
import type { PublishedFigure } from './content';
import { buildAtoms, HR_METRICS, peopleCounter, subjectUnits, type AtomSpace } from './audit/atoms';
import {
  cellsWords,
  combinationWords,
  slidesOf,
  slidesWords,
  subjectWords,
} from './audit/describe';
import { atomSizes, pinnedGroups } from './audit/pinned';
import { alikeRemainders } from './audit/remainders';
import { RowSpace } from './audit/rowSpace';
import type { AuditPopulations, AuditTree, Finding } from './audit/types';

export type { AuditPopulations, AuditTree, Finding, PeopleRow } from './audit/types';
export { loadAuditTree } from './audit/loadAuditTree';

/**
 * The disclosure audit: the whole export's figures checked together, as an attacker holding
 * every slide would combine them. Per period and metric the populations are split into atoms
 * (the finest parts any figure separates: units' own people, groups within them) and each figure
 * is a 0/1 vector over them; a group is pinned down when some combination of the figures is
 * non-zero on its atoms only and it holds 0 < n < minimum (RowSpace, shared with the attackers in
 * tests/unit/confidentiality). A remainder whose worked-out figure says everyone in it answered
 * alike tells each member's answer, and is refused when it holds a group under the minimum.
 */
export interface AuditInput {
  published: PublishedFigure[];
  slideTitles: string[];
  minGroupSize: number;
  populations: AuditPopulations;
  /** Decimals of the most precise place the export writes values (a spreadsheet): default 2. */
  decimals?: number;
}

export interface AuditResult {
  ok: boolean;
  findings: Finding[];
  /** The fewest figures whose hiding makes the rest pass (later slides, smaller groups first). */
  hide: PublishedFigure[];
}

export function auditExport(input: AuditInput): AuditResult {
  const findings = findingsOf(input.published, input);
  if (findings.length === 0) return { ok: true, findings, hide: [] };
  return { ok: false, findings, hide: figuresToHide(input) };
}

/** Counts of respondents and response rate stand for the same people. */
const familyOf = (metric: string) => (metric === 'response_rate' ? 'respondents' : metric);

/** Customer and contact-centre figures are not about employees: no minimum group applies. */
function aboutEmployees(f: PublishedFigure): boolean {
  const def = (METRICS as Record<string, { source: string } | undefined>)[f.metric];
  return def === undefined || def.source === 'survey' || def.source === 'hr';
}

function findingsOf(all: PublishedFigure[], input: AuditInput): Finding[] {
  const min = input.minGroupSize;
  const published = all.filter(aboutEmployees);
  return [
    ...published.filter((f) => f.n < min).map((f) => smallFigure(f, input)),
    ...groupsOf(published.filter((f) => f.n >= min)).flatMap((g) => combinedFindings(g, input)),
  ];
}

function smallFigure(f: PublishedFigure, input: AuditInput): Finding {
  const tree = treeOf(input.populations, f.period, [f]);
  const slides = slidesOf([f], input.slideTitles);
  const group = subjectWords(f.subject, tree);
  return {
    kind: 'small_figure',
    slides,
    period: f.period,
    metric: f.metric,
    group,
    n: f.n,
    figures: [f],
    message: `${slidesWords(slides)} shows a figure for ${group} of ${f.n} ${people(f.n)} (${f.period}, ${f.metric}), below the minimum of ${input.minGroupSize}.`,
  };
}

/** What one period's figures of one family give away together. */
function combinedFindings(figures: PublishedFigure[], input: AuditInput): Finding[] {
  if (figures.length === 0) return [];
  const min = input.minGroupSize;
  const titles = input.slideTitles;
  const tree = treeOf(input.populations, figures[0]!.period, figures);
  const space = buildAtoms(figures, tree);
  return [
    ...differencing(figures, space, tree, min, titles),
    ...unanimous(figures, space, tree, min, titles, input.decimals ?? 2),
  ];
}

const people = (n: number) => (n === 1 ? 'person' : 'people');

function groupsOf(published: PublishedFigure[]): PublishedFigure[][] {
  const groups = new Map<string, PublishedFigure[]>();
  for (const f of published) {
    const key = `${f.period}\u0001${familyOf(f.metric)}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()];
}

/** The period's tree, with any unit it does not know added as a top unit of its own. */
function treeOf(populations: AuditPopulations, period: string, figures: PublishedFigure[]) {
  const known = populations.get(period) ?? { parent: new Map() };
  const units = figures.flatMap(subjectUnits);
  const missing = units.filter((u) => !known.parent.has(u));
  if (missing.length === 0) return known;
  const parent = new Map(known.parent);
  for (const u of missing) parent.set(u, null);
  return { ...known, parent } satisfies AuditTree;
}

function differencing(
  figures: PublishedFigure[],
  space: AtomSpace,
  tree: AuditTree,
  min: number,
  titles: string[],
): Finding[] {
  const counts = figures.map((f) => f.n);
  const sizes = atomSizes(
    space.vectors,
    counts,
    space.atoms.map((a) => a.people),
  );
  const count = peopleCounter(tree, space.named, HR_METRICS.has(figures[0]!.metric));
  return pinnedGroups(space.vectors, counts, sizes, min)
    .filter((p) => p.n > 0 && p.n < min)
    .map((p) => {
      const combination = fewestFigures(space.vectors, p.combination, figures);
      const used = [...combination.keys()].map((i) => figures[i]!);
      const slides = slidesOf(used, titles);
      const { period, metric } = figures[0]!;
      const group = cellsWords(
        p.atoms.flatMap((a) => space.atoms[a]!.cells),
        tree,
        space.named,
        count,
      );
      return {
        kind: 'differencing' as const,
        slides,
        period,
        metric,
        group,
        n: p.n,
        figures: used,
        message:
          `${slidesWords(slides)} reveal a group of ${p.n} ${people(p.n)} (${period}, ${metric}): ${combinationWords(figures, combination, tree)} ${
            p.whole
              ? `leaves ${group}, ${p.n} ${people(p.n)}`
              : `weighs ${group} against each other and nobody else, ${p.n} ${people(p.n)} as far as the workspace counts them`
          }, below the minimum of ${min}.`.replace(
            /^(Slide \d+ \("[^"]*"\)) reveal/,
            '$1 alone reveals',
          ),
      };
    });
}

/**
 * The same population worked out from as few figures as it can be: figures are dropped, later
 * slides and smaller groups first, while the rest still give it.
 */
function fewestFigures(
  vectors: number[][],
  combination: Map<number, number>,
  figures: PublishedFigure[],
): Map<number, number> {
  const target = vectors[0]!.map((_, a) =>
    [...combination].reduce((s, [i, c]) => s + c * vectors[i]![a]!, 0),
  );
  let kept = [...combination.keys()];
  const dropFirst = [...kept].sort(
    (a, b) => figures[b]!.slide - figures[a]!.slide || figures[a]!.n - figures[b]!.n,
  );
  const spanOf = (ids: number[]) => {
    const s = new RowSpace();
    for (const i of ids) s.add(vectors[i]!, i);
    return s;
  };
  for (const i of dropFirst) {
    const without = kept.filter((k) => k !== i);
    if (without.length > 0 && spanOf(without).contains(target)) kept = without;
  }
  return spanOf(kept).express(target) ?? combination;
}

function unanimous(
  figures: PublishedFigure[],
  space: AtomSpace,
  tree: AuditTree,
  min: number,
  titles: string[],
  decimals: number,
): Finding[] {
  const count = peopleCounter(tree, space.named, HR_METRICS.has(figures[0]!.metric));
  return alikeRemainders(figures, space, tree, min, decimals).map((r) => {
    const used = [r.whole, ...r.parts].map((i) => figures[i]!);
    const slides = slidesOf(used, titles);
    const { period, metric } = figures[0]!;
    const combination = new Map<number, number>([
      [r.whole, 1],
      ...r.parts.map((i) => [i, -1] as [number, number]),
    ]);
    const group = cellsWords(
      r.atoms.flatMap((a) => space.atoms[a]!.cells),
      tree,
      space.named,
      count,
    );
    return {
      kind: 'unanimous_remainder' as const,
      slides,
      period,
      metric,
      group,
      n: r.n,
      figures: used,
      message:
        `${slidesWords(slides)} reveal the answer of each of ${r.n} people (${period}, ${metric}): ${combinationWords(figures, combination, tree)} leaves ${group}, ${r.n} people who all answered alike (${r.extreme}), so ${r.small.join(', ')}, under the minimum of ${min}, ${r.small.length === 1 ? 'is' : 'are'} known.`.replace(
          /^(Slide \d+ \("[^"]*"\)) reveal/,
          '$1 alone reveals',
        ),
    };
  });
}

/**
 * Figures to hide: every figure under the minimum, then, while the rest still give something
 * away, the figure in the most findings (on the latest slide, of the smallest group, on a tie);
 * then each hidden figure is given back (earliest slide, largest group first) when the rest
 * still passes with it.
 */
function figuresToHide(input: AuditInput): PublishedFigure[] {
  const min = input.minGroupSize;
  const employee = input.published.filter(aboutEmployees);
  const hidden = new Set(employee.filter((f) => f.n < min));
  for (const group of groupsOf(employee.filter((f) => f.n >= min))) {
    const rest = () => group.filter((f) => !hidden.has(f));
    for (;;) {
      const findings = combinedFindings(rest(), input);
      if (findings.length === 0) break;
      const score = new Map<PublishedFigure, number>();
      for (const finding of findings)
        for (const f of finding.figures) score.set(f, (score.get(f) ?? 0) + 1);
      const [worst] = [...score.keys()].sort(
        (a, b) => score.get(b)! - score.get(a)! || b.slide - a.slide || a.n - b.n,
      );
      hidden.add(worst!);
    }
    const giveBack = group
      .filter((f) => hidden.has(f))
      .sort((a, b) => a.slide - b.slide || b.n - a.n);
    for (const f of giveBack) {
      hidden.delete(f);
      if (combinedFindings(rest(), input).length > 0) hidden.add(f);
    }
  }
  return input.published.filter((f) => hidden.has(f));
}
