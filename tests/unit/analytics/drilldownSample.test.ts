import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  drilldownOutputSchema,
  type DrilldownInput,
} from '../../../src/shared/analytics/drilldown';
import { contract } from '../../../src/shared/contract';
import { dispatch } from '../../../src/main/engine/dispatch';
import type { Engine } from '../../../src/main/engine/engine';
import type { EngineContext } from '../../../src/main/engine/handlers/context';
import { drilldown } from '../../../src/main/engine/handlers/drilldown';
import { hierarchyFor, unitsOf, type UnitRow } from '../../../src/main/engine/hierarchy/units';
import { listPeriods } from '../../../src/main/engine/hierarchy/periods';
import { openSampleCompany } from '../../helpers/sampleCompany';

// The sample company as `npm start` loads it: hundreds of units, a reorganisation, small teams.
let engine: Engine;
let ctx: EngineContext;
let remove: () => void;
let units: UnitRow[];
let period: string;

beforeAll(async () => {
  const sample = await openSampleCompany();
  ({ engine, ctx } = sample);
  remove = sample.close;
  const periods = await listPeriods(engine.ws.conn);
  period = periods[periods.length - 1]!;
  units = await unitsOf(engine.ws.conn, await hierarchyFor(engine.ws.conn, period));
});
afterAll(() => remove?.());

const call = async (input: DrilldownInput) =>
  drilldownOutputSchema.parse(await drilldown(input, ctx));

/** Every object marked suppressed, anywhere in the output. */
function suppressedObjects(node: unknown, out: Record<string, unknown>[] = []) {
  if (Array.isArray(node)) node.forEach((n) => suppressedObjects(n, out));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.status === 'suppressed') out.push(record);
    Object.values(record).forEach((v) => suppressedObjects(v, out));
  }
  return out;
}

describe('drilldown on the sample company', () => {
  it('agrees with the overview, and no suppressed field carries a number, at every level', async () => {
    const minSize = await engine.ws.minGroupSize();
    const pick = [0, 1, 2, 3].flatMap((depth) =>
      units.filter((u) => u.depth === depth).slice(0, 4),
    );
    for (const unit of pick) {
      for (const scope of ['rollup', 'direct'] as const) {
        const d = await call({ unitId: unit.unit_id, scope });
        expect(d.breadcrumbs[0]!.id).toBe(units[0]!.unit_id);
        expect(d.breadcrumbs.at(-1)!.id).toBe(unit.unit_id);
        for (const record of suppressedObjects(d)) {
          for (const [key, value] of Object.entries(record)) {
            // Names and ids may stay; no number may, and no list of figures.
            if (Array.isArray(value)) expect(value, key).toEqual([]);
            else expect(typeof value, key).not.toBe('number');
          }
        }
        for (const item of [...d.items.strongest, ...d.items.weakest]) {
          expect(item.n).toBeGreaterThanOrEqual(minSize);
        }
        for (const child of d.children) {
          if (child.respondents !== null) expect(child.respondents).toBeGreaterThanOrEqual(minSize);
        }
        if (scope === 'direct') continue;
        const o = await dispatch('overview', { unitId: unit.unit_id }, ctx);
        if (!o.ok) throw new Error(o.error.message);
        const tiles = contract.overview.output.parse(o.value).tiles;
        for (const v of d.headline) {
          const {
            label: _label,
            formula: _formula,
            ...tile
          } = tiles.find((t) => t.metric === v.metric)!;
          expect(v).toEqual(tile);
        }
      }
    }
    expect(pick.length).toBe(13); // 1 company, then 4 units at each level below
    // The company page is never suppressed; its values profile is its own company column.
    const top = await call({ unitId: units[0]!.unit_id });
    expect(top.values.length).toBeGreaterThan(0);
    for (const v of top.values) expect(v.unit).toEqual(v.company);
    expect(top.items.strongest).toHaveLength(3);
    expect(top.items.weakest).toHaveLength(3);
  });

  it('finds a suppressed direct report somewhere and hides both its numbers', async () => {
    const parents = units.filter((u) => units.some((c) => c.parent_id === u.unit_id));
    let found = 0;
    for (const parent of parents.slice(0, 40)) {
      const d = await call({ unitId: parent.unit_id, period });
      for (const child of d.children.filter((c) => c.status === 'suppressed')) {
        found += 1;
        expect(child.respondents).toBeNull();
        expect(child.engagement.value).toBeNull();
      }
      if (found > 0) break;
    }
    expect(found).toBeGreaterThan(0);
  });
});

describe('small-team honesty on the sample company', () => {
  it('weighs small teams toward their parent, more the smaller they are, and ranks on it', async () => {
    // An area: its children are teams of all sizes, some of them small.
    const areas = units.filter((u) => u.depth === 2);
    let checked = 0;
    for (const area of areas.slice(0, 6)) {
      const d = await call({ unitId: area.unit_id, period });
      const parent = d.headline.find((h) => h.metric === 'engagement_index')!;
      if (parent.status !== 'ok') continue;
      const shown = d.children.filter((c) => c.engagement.status === 'ok');
      for (const c of shown) {
        const raw = c.engagement.value!;
        // Between the team's own figure and the area's, never beyond either.
        expect(Math.abs(c.shrunkEngagement! - parent.value!)).toBeLessThanOrEqual(
          Math.abs(raw - parent.value!) + 0.01,
        );
        expect(c.rank).not.toBeNull();
        checked++;
      }
      // Ranks are 1..k over the shown children, in shrunk order.
      const ranked = [...shown].sort((a, b) => a.rank! - b.rank!);
      expect(ranked.map((c) => c.rank)).toEqual(ranked.map((_, i) => i + 1));
      for (let i = 1; i < ranked.length; i++)
        expect(ranked[i]!.shrunkEngagement!).toBeLessThanOrEqual(ranked[i - 1]!.shrunkEngagement!);
      for (const c of d.children.filter((c) => c.engagement.status !== 'ok'))
        expect([c.shrunkEngagement, c.rank]).toEqual([null, null]);
      expect(d.childrenRanking).toMatch(/credibility-weighted/);
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('gives a team its weight, the figure it borrows from and, for 10 or more people, its agreement', async () => {
    const teams = units.filter((u) => !units.some((c) => c.parent_id === u.unit_id));
    const views = [];
    for (const team of teams.slice(0, 40)) {
      const d = await call({ unitId: team.unit_id, period });
      if (d.smallTeam.status === 'ok') views.push(d.smallTeam);
      else
        expect([d.smallTeam.raw, d.smallTeam.shrunk, d.smallTeam.rwg]).toEqual([null, null, null]);
    }
    expect(views.length).toBeGreaterThan(10);
    for (const v of views) {
      expect(v.weight!).toBeGreaterThan(0);
      expect(v.weight!).toBeLessThan(1);
      expect(v.towards).not.toBeNull();
      expect(v.note).toMatch(/% this group's own figure/);
      if (v.n! >= 10) expect(v.agreement).not.toBeNull();
      else expect([v.rwg, v.agreement]).toEqual([null, null]);
    }
    // Bigger teams keep more of their own figure.
    const bySize = [...views].sort((a, b) => a.n! - b.n!);
    const small = bySize[0]!;
    const large = bySize[bySize.length - 1]!;
    if (large.n! > small.n!) expect(large.weight!).toBeGreaterThan(small.weight!);
  });
});
