import { describe, expect, it } from 'vitest';
import { auditExport } from '../../../src/main/engine/export/disclosureAudit';
import type { FigureSubject, PublishedFigure } from '../../../src/main/engine/export/content';
import {
  PERIOD,
  childrenOf,
  figure,
  naive,
  org,
  peopleOf,
  staff,
  tenure,
  treeOf,
  unit,
  type Org,
} from '../../helpers/auditOrgs';

/*
 * The disclosure audit on hand-built organisations, with the figures a naive rule would publish
 * (every group of at least the minimum shown, across slides). Expected group sizes come from the
 * organisations' own make-up, never from the audit.
 */

const MIN = 5;
const TITLES = ['The company', 'Region North', 'A brushed set', 'Teams of the North', 'Tenure'];

const audit = (o: Org, published: PublishedFigure[], extra: { decimals?: number } = {}) =>
  auditExport({
    published,
    slideTitles: TITLES,
    minGroupSize: MIN,
    populations: new Map([[PERIOD, treeOf(o)]]),
    ...extra,
  });

const without = (all: PublishedFigure[], hide: PublishedFigure[]) =>
  all.filter((f) => !hide.includes(f));

/** Region North: teams of 6, 7 and 5 people and one of 3; Region South: teams of 8 and 6. */
function twoRegions(): Org {
  return org(
    [
      ['C', 'Acme', null],
      ['R1', 'Region North', 'C'],
      ['R2', 'Region South', 'C'],
      ['T1', 'Team 1', 'R1'],
      ['T2', 'Team 2', 'R1'],
      ['T3', 'Team 3', 'R1'],
      ['T4', 'Team 4', 'R1'],
      ['T5', 'Team 5', 'R2'],
      ['T6', 'Team 6', 'R2'],
    ],
    [
      ...staff('T1', 6),
      ...staff('T2', 7),
      ...staff('T3', 5),
      ...staff('T4', 3),
      ...staff('T5', 8),
      ...staff('T6', 6),
    ],
  );
}

describe('disclosure audit: differencing across slides', () => {
  it('a region on slide 2 and all but one of its teams on slide 4 is refused, naming both slides and the team', () => {
    const o = twoRegions();
    const published = [
      ...naive(o, 1, [unit('R1')], MIN),
      ...naive(o, 3, childrenOf(o, 'R1').map(unit), MIN),
    ];
    // the naive rule shows Team 1-3 and hides Team 4 (3 people)
    expect(published.map((f) => f.subject)).not.toContainEqual(unit('T4'));
    const result = audit(o, published);
    expect(result.ok).toBe(false);
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    const team4 = peopleOf(o, unit('T4')).length;
    expect(finding!.kind).toBe('differencing');
    expect(finding!.n).toBe(team4);
    expect(finding!.slides).toEqual([
      { number: 2, title: 'Region North' },
      { number: 4, title: 'Teams of the North' },
    ]);
    expect(finding!.period).toBe(PERIOD);
    expect(finding!.metric).toBe('enps');
    expect(finding!.group).toBe('Team 4');
    expect(finding!.message).toBe(
      `Slides 2 and 4 ("Region North", "Teams of the North") together reveal a group of ${team4} people (${PERIOD}, enps): Region North on slide 2 minus Team 1, Team 2 and Team 3 on slide 4 leaves Team 4, ${team4} people, below the minimum of ${MIN}.`,
    );
  });

  it('hiding what the audit names makes the story pass: one figure, on the later slide, the smaller team', () => {
    const o = twoRegions();
    const published = [
      ...naive(o, 1, [unit('R1')], MIN),
      ...naive(o, 3, childrenOf(o, 'R1').map(unit), MIN),
    ];
    const { hide } = audit(o, published);
    expect(hide).toHaveLength(1);
    expect(hide[0]!.slide).toBe(3);
    expect(hide[0]!.subject).toEqual(unit('T3'));
    expect(audit(o, without(published, hide))).toEqual({ ok: true, findings: [], hide: [] });
  });

  it('a region whose teams are all shown and who has nobody of its own passes', () => {
    const o = twoRegions();
    const published = [
      ...naive(o, 1, [unit('R2')], MIN),
      ...naive(o, 3, childrenOf(o, 'R2').map(unit), MIN),
    ];
    expect(published).toHaveLength(3);
    expect(audit(o, published).ok).toBe(true);
  });

  it('the same subtraction within one slide is named as that slide alone', () => {
    const o = twoRegions();
    const published = naive(o, 3, [unit('R1'), ...childrenOf(o, 'R1').map(unit)], MIN);
    const [finding] = audit(o, published).findings;
    expect(finding!.slides).toEqual([{ number: 4, title: 'Teams of the North' }]);
    expect(finding!.message).toMatch(
      /^Slide 4 \("Teams of the North"\) alone reveals a group of 3 people/,
    );
  });

  it('a brushed set that crosses regions, a region and a team of the other region: three figures on two slides', () => {
    const o = twoRegions();
    const brush = { kind: 'set' as const, unitIds: ['T1', 'T2', 'T3', 'T5'] };
    const published = [figure(o, 1, unit('R1')), figure(o, 2, brush), figure(o, 2, unit('T5'))];
    expect(published.every((f) => f.n >= MIN)).toBe(true);
    const result = audit(o, published);
    expect(result.ok).toBe(false);
    const [finding] = result.findings;
    expect(finding!.group).toBe('Team 4');
    expect(finding!.n).toBe(peopleOf(o, unit('T4')).length);
    expect(finding!.figures).toHaveLength(3);
    expect(finding!.slides.map((s) => s.number)).toEqual([2, 3]);
    expect(audit(o, without(published, result.hide)).ok).toBe(true);
  });

  it("nested areas: the company minus an area and the regions of the other leaves that area's own 2 people", () => {
    const o = org(
      [
        ['C', 'Acme', null],
        ['A1', 'Area East', 'C'],
        ['A2', 'Area West', 'C'],
        ['R1', 'Region North', 'A1'],
        ['R2', 'Region South', 'A1'],
        ['R3', 'Region Coast', 'A2'],
      ],
      [...staff('A1', 2), ...staff('R1', 9), ...staff('R2', 7), ...staff('R3', 12)],
    );
    const published = [
      ...naive(o, 0, [unit('C'), unit('A2')], MIN),
      ...naive(o, 1, [unit('R1'), unit('R2')], MIN),
    ];
    const result = audit(o, published);
    expect(result.findings.map((f) => [f.group, f.n, f.slides.map((s) => s.number)])).toEqual([
      ['the people attached directly to Area East', 2, [1, 2]],
    ]);
    expect(result.findings[0]!.message).toContain('Acme on slide 1 minus Area West on slide 1');
    expect(audit(o, without(published, result.hide)).ok).toBe(true);
  });

  it('demographic groups within a unit: the unit minus its shown tenure bands leaves the 3 others', () => {
    const o = org(
      [
        ['C', 'Acme', null],
        ['T1', 'Team 1', 'C'],
      ],
      [...staff('T1', 8, undefined, '<1y'), ...staff('T1', 9), ...staff('T1', 3, undefined, '3y+')],
    );
    const published = [
      ...naive(o, 0, [unit('T1')], MIN),
      ...naive(o, 4, [tenure('T1', '<1y'), tenure('T1', '1-3y'), tenure('T1', '3y+')], MIN),
    ];
    expect(published).toHaveLength(3);
    const result = audit(o, published);
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding!.n).toBe(3);
    expect(finding!.group).toBe(
      'the people outside the tenure_band groups shown (<1y and 1-3y) in Team 1',
    );
    expect(finding!.slides.map((s) => s.number)).toEqual([1, 5]);
    expect(audit(o, without(published, result.hide)).ok).toBe(true);
  });

  it('a published figure under the minimum is refused on its own and always hidden', () => {
    const o = twoRegions();
    const published = [figure(o, 3, unit('T4')), figure(o, 3, unit('T1'))];
    const result = audit(o, published);
    expect(result.findings.map((f) => [f.kind, f.n, f.group])).toEqual([
      ['small_figure', 3, 'Team 4'],
    ]);
    expect(result.hide.map((f) => f.subject)).toEqual([unit('T4')]);
  });

  it('without counts in the tree the published n still size what a subtraction leaves', () => {
    const o = twoRegions();
    const published = [
      ...naive(o, 1, [unit('R1')], MIN),
      ...naive(o, 3, childrenOf(o, 'R1').map(unit), MIN),
    ];
    const result = auditExport({
      published,
      slideTitles: TITLES,
      minGroupSize: MIN,
      populations: new Map([[PERIOD, treeOf(o, false)]]),
    });
    expect(result.findings.map((f) => [f.kind, f.n])).toEqual([['differencing', 3]]);
  });

  it('figures of other periods or metrics do not combine', () => {
    const o = twoRegions();
    const teams = naive(o, 3, childrenOf(o, 'R1').map(unit), MIN);
    const published = [
      { ...figure(o, 1, unit('R1')), period: '2026-Q1' },
      { ...figure(o, 1, unit('R1')), metric: 'engagement_index' },
      ...teams,
    ];
    const populations = new Map([
      [PERIOD, treeOf(o)],
      ['2026-Q1', treeOf(o)],
    ]);
    const result = auditExport({ published, slideTitles: TITLES, minGroupSize: MIN, populations });
    expect(result.ok).toBe(true);
  });
});

describe('disclosure audit: unanimous remainders', () => {
  /** Region North: teams of 6 and 6 with mixed answers, and hidden teams of 3 and 4 who all gave `answer`. */
  function unanimousRegion(answer: number[], sizes = [6, 6]): Org {
    return org(
      [
        ['C', 'Acme', null],
        ['R1', 'Region North', 'C'],
        ['T1', 'Team 1', 'R1'],
        ['T2', 'Team 2', 'R1'],
        ['T3', 'Team 3', 'R1'],
        ['T4', 'Team 4', 'R1'],
      ],
      [
        ...staff('T1', sizes[0]!),
        ...staff('T2', sizes[1]!),
        ...staff('T3', 3, answer),
        ...staff('T4', 4, answer),
      ],
    );
  }
  const story = (o: Org) => [
    ...naive(o, 1, [unit('R1')], MIN),
    ...naive(o, 3, childrenOf(o, 'R1').map(unit), MIN),
  ];

  it('a region minus its shown teams leaves 7 people who were all promoters: refused, naming the small teams', () => {
    const o = unanimousRegion([10, 9]);
    const published = story(o);
    expect(published).toHaveLength(3);
    const result = audit(o, published);
    expect(result.ok).toBe(false);
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding!.kind).toBe('unanimous_remainder');
    expect(finding!.n).toBe(7);
    expect(finding!.slides.map((s) => s.number)).toEqual([2, 4]);
    expect(finding!.group).toBe('Team 3 and Team 4');
    expect(finding!.message).toContain('7 people who all answered alike (eNPS +100)');
    expect(finding!.message).toContain('Team 3 (3), Team 4 (4), under the minimum of 5, are known');
    expect(audit(o, without(published, result.hide)).ok).toBe(true);
  });

  it('all detractors are refused the same way', () => {
    const o = unanimousRegion([0, 6, 2]);
    const [finding] = audit(o, story(o)).findings;
    expect(finding!.message).toContain('(eNPS -100)');
  });

  it('one passive among the 7 leaves each answer unknown: passes', () => {
    const o = unanimousRegion([10, 9]);
    o.people.find((p) => p.unit === 'T4')!.enps = 8;
    expect(audit(o, story(o)).ok).toBe(true);
  });

  it('only when certain after rounding: whole-number figures over big teams leave room for a passive', () => {
    const o = unanimousRegion([10], [97, 96]);
    const rounded = story(o).map((f) => ({ ...f, value: Math.round(f.value!) }));
    // to two decimals the 7 are surely all promoters; to whole numbers over 400 people, not
    expect(audit(o, story(o)).ok).toBe(false);
    expect(audit(o, rounded, { decimals: 0 }).ok).toBe(true);
  });
});

describe("disclosure audit: a team page's direct scope", () => {
  it("a region's roll-up minus its direct scope and the shown teams below its direct reports leaves a small team", () => {
    const o = org(
      [
        ['C', 'Acme', null],
        ['R1', 'Region North', 'C'],
        ['T1', 'Team 1', 'R1'],
        ['S1', 'Shift 1', 'T1'],
        ['S2', 'Shift 2', 'T1'],
      ],
      [...staff('R1', 2), ...staff('T1', 4), ...staff('S1', 6), ...staff('S2', 3)],
    );
    // a direct scope: the people attached to the region and to its direct reports only
    const direct = { kind: 'members', unitIds: ['R1', 'T1'] } as unknown as FigureSubject;
    const published = [figure(o, 1, unit('R1')), figure(o, 1, direct), figure(o, 3, unit('S1'))];
    expect(published.map((f) => f.n)).toEqual([15, 6, 6]);
    const [finding] = audit(o, published).findings;
    expect(finding!.group).toBe('Shift 2');
    expect(finding!.n).toBe(3);
  });
});

describe('disclosure audit: a shown figure whose people all answered alike', () => {
  it('a region of 7 promoters shown alone tells its teams of 3 and 4', () => {
    const o = org(
      [
        ['C', 'Acme', null],
        ['R1', 'Region North', 'C'],
        ['T3', 'Team 3', 'R1'],
        ['T4', 'Team 4', 'R1'],
      ],
      [...staff('T3', 3, [10]), ...staff('T4', 4, [9])],
    );
    const result = audit(o, [figure(o, 1, unit('R1'))]);
    expect(result.findings.map((f) => [f.kind, f.n, f.slides.map((s) => s.number)])).toEqual([
      ['unanimous_remainder', 7, [2]],
    ]);
    expect(result.findings[0]!.message).toContain('Team 3 (3), Team 4 (4)');
    expect(result.hide).toHaveLength(1);
  });

  it('a team of 7 promoters with no smaller group inside passes', () => {
    const o = org(
      [
        ['C', 'Acme', null],
        ['T3', 'Team 3', 'C'],
      ],
      staff('T3', 7, [10]),
    );
    expect(audit(o, [figure(o, 1, unit('T3'))]).ok).toBe(true);
  });
});

describe('disclosure audit: what it leaves alone', () => {
  it('customer figures have no minimum group (a store with 3 customer answers is fine)', () => {
    const o = twoRegions();
    const nps = { ...figure(o, 3, unit('T4')), metric: 'nps', n: 3 };
    expect(audit(o, [nps]).ok).toBe(true);
  });
});

describe('disclosure audit: parts the published n do not size', () => {
  const o = twoRegions();
  const sets = [
    figure(o, 2, { kind: 'set', unitIds: ['T1', 'T2'] }),
    figure(o, 2, { kind: 'set', unitIds: ['T2', 'T3'] }),
  ];
  const run = (withPeople: boolean) =>
    auditExport({
      published: sets,
      slideTitles: TITLES,
      minGroupSize: MIN,
      populations: new Map([[PERIOD, treeOf(o, withPeople)]]),
    });

  it('two overlapping sets tell Team 1 minus Team 3: fine when the tree says they hold 6 and 5', () => {
    expect(run(true).ok).toBe(true);
  });

  it('without counts the audit cannot tell those teams are big, and refuses', () => {
    const result = run(false);
    expect(result.findings.map((f) => [f.kind, f.group])).toEqual([
      ['differencing', 'Team 1 and Team 3'],
    ]);
    expect(result.findings[0]!.message).toContain(
      'the set of Team 1 and Team 2 on slide 3 minus the set of Team 2 and Team 3 on slide 3 weighs Team 1 and Team 3 against each other and nobody else',
    );
  });
});
