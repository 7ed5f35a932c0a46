import { describe, expect, it } from 'vitest';
import type { FigureSubject, PublishedFigure } from '../../../src/main/engine/export/content';
import {
  auditExport,
  type AuditTree,
  type Finding,
} from '../../../src/main/engine/export/disclosureAudit';
import { demographicBench, handMade, type DemoOrg } from '../confidentiality/demographicOrgs';
import type { DemoPerson } from '../confidentiality/demographicAttack';

/*
 * The same shapes twice: loaded into a real workspace and shown by the engine's heatmap (org rows
 * and tenure and role groups under every unit, only shown figures with their n), which the audit
 * passes; and published by the naive rule (every group of at least the minimum), which it refuses.
 */

const bench = demographicBench();
const PERIOD = '2025-Q1';
const VALUE = 'value:Integrity';

function treeOf(o: DemoOrg): AuditTree {
  const counts = new Map<string, { unit: string; groups: Record<string, string>; n: number }>();
  for (const p of o.people) {
    const groups = { role: p.role ?? 'Not stated', tenure_band: p.tenure ?? 'Not stated' };
    const key = JSON.stringify([p.unit, groups]);
    const row = counts.get(key) ?? { unit: p.unit, groups, n: 0 };
    row.n++;
    counts.set(key, row);
  }
  // the workspace asks Integrity with one item (V1): its shares add up over people
  return { parent: o.parent, people: [...counts.values()], oneAnswerEach: new Set([VALUE]) };
}

const audit = (o: DemoOrg, published: PublishedFigure[]) =>
  auditExport({
    published,
    slideTitles: published.map((f) => `Slide ${f.slide + 1}`),
    minGroupSize: o.min,
    populations: new Map([[PERIOD, treeOf(o)]]),
  });

/** Every heatmap the engine draws for the organisation, one slide each. */
async function engineFigures(o: DemoOrg): Promise<PublishedFigure[]> {
  const attacked = await bench.attackOrg(o);
  expect(attacked.leaks).toEqual([]);
  const published: PublishedFigure[] = [];
  let slide = 0;
  const parents = new Set([...o.parent.values()].filter((p): p is string => p !== null));
  for (const scope of o.parent.keys())
    for (const groupBy of ['org', 'role', 'tenure_band']) {
      if (groupBy === 'org' && !parents.has(scope)) continue;
      for (const row of await bench.rowsOf(scope, groupBy)) {
        if (row.status !== 'ok' || row.n === null) continue;
        const subject: FigureSubject =
          groupBy === 'org'
            ? { kind: 'unit', unitId: row.unitId }
            : { kind: 'group', scopeUnitId: scope, grouping: groupBy, group: row.unitId };
        published.push({
          slide,
          period: PERIOD,
          subject,
          metric: 'respondents',
          n: row.n,
          value: row.n,
        });
        for (const cell of row.cells)
          if (cell.status === 'ok' && cell.n !== null)
            published.push({
              slide,
              period: PERIOD,
              subject,
              metric: VALUE,
              n: cell.n,
              value: cell.pctFavourable,
            });
      }
      slide++;
    }
  return published;
}

const inScope = (o: DemoOrg, unit: string, scope: string) => {
  for (let u: string | null = unit; u !== null; u = o.parent.get(u) ?? null)
    if (u === scope) return true;
  return false;
};

/** The naive rule: every unit's roll-up and every tenure group of a scope with at least the minimum. */
function naiveFigures(o: DemoOrg, tenureScopes: string[]): PublishedFigure[] {
  const out: PublishedFigure[] = [];
  const push = (slide: number, subject: FigureSubject, who: DemoPerson[]) => {
    if (who.length < o.min) return;
    out.push({
      slide,
      period: PERIOD,
      subject,
      metric: 'respondents',
      n: who.length,
      value: who.length,
    });
    const answered = who.filter((p) => p.v1 !== null);
    if (answered.length < o.min) return;
    const favourable = answered.filter((p) => p.v1! >= 4).length;
    const value = Math.round((favourable / answered.length) * 10000) / 100;
    out.push({ slide, period: PERIOD, subject, metric: VALUE, n: answered.length, value });
  };
  for (const u of o.parent.keys())
    push(
      o.parent.get(u) === null ? 0 : 1,
      { kind: 'unit', unitId: u },
      o.people.filter((p) => inScope(o, p.unit, u)),
    );
  for (const scope of tenureScopes)
    for (const g of new Set(o.people.map((p) => p.tenure ?? 'Not stated')))
      push(
        2,
        { kind: 'group', scopeUnitId: scope, grouping: 'tenure_band', group: g },
        o.people.filter((p) => inScope(o, p.unit, scope) && (p.tenure ?? 'Not stated') === g),
      );
  return out;
}

const SHAPES: {
  name: string;
  org: DemoOrg;
  tenureScopes: string[];
  refusedAs: Finding['kind'];
}[] = [
  {
    name: 'a region with teams of 6, 7, 5 and 3 beside one with teams of 8 and 6',
    org: handMade(
      5,
      {
        C: null,
        R1: 'C',
        R2: 'C',
        R1T1: 'R1',
        R1T2: 'R1',
        R1T3: 'R1',
        R1T4: 'R1',
        R2T1: 'R2',
        R2T2: 'R2',
      },
      [
        ['R1T1', 'front_line', '1-3y', 4, 6],
        ['R1T2', 'front_line', '1-3y', 2, 7],
        ['R1T3', 'front_line', '1-3y', 5, 5],
        ['R1T4', 'front_line', '1-3y', 3, 3],
        ['R2T1', 'front_line', '1-3y', 4, 8],
        ['R2T2', 'front_line', '1-3y', 1, 6],
      ],
    ),
    tenureScopes: [],
    refusedAs: 'differencing',
  },
  {
    name: 'nested areas with 2 people attached to an area',
    org: handMade(5, { C: null, A1: 'C', A2: 'C', A1R1: 'A1', A1R2: 'A1', A2R1: 'A2' }, [
      ['A1', 'leader', '3-5y', 4, 2],
      ['A1R1', 'front_line', '1-3y', 4, 9],
      ['A1R2', 'front_line', '1-3y', 2, 7],
      ['A2R1', 'front_line', '1-3y', 5, 12],
    ]),
    tenureScopes: [],
    refusedAs: 'differencing',
  },
  {
    name: 'tenure bands of 8, 9 and 3 within one team',
    org: handMade(5, { C: null, R1: 'C', R1T1: 'R1', R1T2: 'R1' }, [
      ['R1T1', 'front_line', '<1y', 4, 8],
      ['R1T1', 'front_line', '1-3y', 2, 9],
      ['R1T1', 'front_line', '3-5y', 5, 3],
      ['R1T2', 'front_line', '1-3y', 4, 6],
    ]),
    tenureScopes: ['R1T1'],
    refusedAs: 'differencing',
  },
  {
    name: 'a region of 13 who all agree, with a team of 6 shown and teams of 3 and 4 hidden',
    org: handMade(
      5,
      { C: null, R1: 'C', R2: 'C', R1T1: 'R1', R1T2: 'R1', R1T3: 'R1', R2T1: 'R2' },
      [
        ['R1T1', 'front_line', '1-3y', 5, 6],
        ['R1T2', 'front_line', '1-3y', 4, 3],
        ['R1T3', 'front_line', '1-3y', 5, 4],
        ['R2T1', 'front_line', '1-3y', 2, 9],
      ],
    ),
    tenureScopes: [],
    refusedAs: 'unanimous_remainder',
  },
  {
    name: 'a region whose hidden teams of 3 and 4 all agree, beside a shown team of 6 that does not',
    org: handMade(
      5,
      { C: null, R1: 'C', R2: 'C', R1T1: 'R1', R1T2: 'R1', R1T3: 'R1', R2T1: 'R2' },
      [
        ['R1T1', 'front_line', '1-3y', 2, 4],
        ['R1T1', 'front_line', '1-3y', 5, 2],
        ['R1T2', 'front_line', '1-3y', 4, 3],
        ['R1T3', 'front_line', '1-3y', 5, 4],
        ['R2T1', 'front_line', '1-3y', 2, 9],
      ],
    ),
    tenureScopes: [],
    refusedAs: 'unanimous_remainder',
  },
];

describe('disclosure audit: the engine and the naive rule on the same shapes', () => {
  for (const shape of SHAPES) {
    it(`${shape.name}: the engine's figures pass, the naive ones are refused`, async () => {
      const engine = await engineFigures(shape.org);
      expect(engine.length).toBeGreaterThan(3);
      expect(audit(shape.org, engine).findings.map((f) => f.message)).toEqual([]);
      const naive = naiveFigures(shape.org, shape.tenureScopes);
      const refused = audit(shape.org, naive);
      expect(refused.ok).toBe(false);
      for (const f of refused.findings)
        if (f.kind !== 'unanimous_remainder') expect(f.n > 0 && f.n < shape.org.min).toBe(true);
      expect(refused.findings.map((f) => f.kind)).toContain(shape.refusedAs);
      expect(
        audit(
          shape.org,
          naive.filter((f) => !refused.hide.includes(f)),
        ).ok,
      ).toBe(true);
    }, 60_000);
  }
});
