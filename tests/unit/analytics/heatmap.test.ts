import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { EngineContext } from '../../../src/main/engine/handlers/context';
import {
  heatmapMethod,
  heatmapOutputSchema,
  type HeatmapInput,
  type HeatmapOutput,
} from '../../../src/shared/analytics/heatmap';
import { heatmap } from '../../../src/main/engine/handlers/heatmap';
import { assessUnits } from '../../../src/main/engine/analytics/heatmap/visibility';
import type { GroupStats } from '../../../src/main/engine/analytics/heatmap/stats';
import {
  decideSuppression,
  type Counts,
  type Role,
} from '../../../src/main/engine/confidentiality/decideSuppression';
import type { PeriodVisibility } from '../../../src/main/engine/confidentiality/visibilityMaps';
import { tinyOrgSnapshots, tinyRespondents, tinyItems } from '../../fixtures/tinyCompany';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

// An independent computation from the fixture's arrays, straight from DOMAIN.md: % favourable =
// answered 1-5 responses scored 4-5 (reverse-coded items flipped) over the unit's full roll-up.
const V1 = tinyItems.find((i) => i[0] === 'V1')!;
const scoredV1 = (raw: number) => (V1[5] ? 6 - raw : raw);

function teamsUnder(unit: string, period: string): string[] {
  const snapshot = period === '2025-Q1' ? tinyOrgSnapshots[0]! : tinyOrgSnapshots[1]!;
  const children = (id: string): string[] =>
    snapshot.rows.filter((r) => r[2] === id).map((r) => r[0]!);
  const all = (id: string): string[] => [id, ...children(id).flatMap(all)];
  return all(unit);
}

function expected(unit: string, period: string) {
  const people = tinyRespondents.filter(
    (r) => r.period === period && teamsUnder(unit, period).includes(r.unit),
  );
  const answers = people
    .map((p) => p.V1)
    .filter((v): v is number => v !== null)
    .map(scoredV1);
  return {
    respondents: people.length,
    n: answers.length,
    pct: (answers.filter((v) => v >= 4).length / answers.length) * 100,
  };
}

let tiny: TinyWorkspace;
const call = async (input: HeatmapInput): Promise<HeatmapOutput> =>
  heatmapOutputSchema.parse(await heatmap(input, tiny.ctx));

beforeAll(async () => {
  tiny = await tinyWorkspace();
});
afterAll(() => tiny.cleanup());

describe('heatmap on the tiny company', () => {
  it('defaults: latest survey period, company root, absolute % favourable on a 0..100 scale', async () => {
    const out = await call({});
    expect(out.period).toBe('2025-Q2');
    expect(out.parent).toEqual({ id: 'C', name: 'Acme Retail', level: 'company' });
    expect(out.mode).toBe('absolute');
    expect(out.purpose).toBeNull();
    expect(out.values).toEqual([
      { id: 'value:Integrity', name: 'Integrity', items: [{ itemId: 'V1', text: V1[1] }] },
    ]);
    expect(out.scale).toEqual({ family: 'percent', min: 0, max: 100, diverging: false });
    expect(out.rows.map((r) => r.unitId)).toEqual(['R1', 'R2']);
    for (const row of [...out.rows, out.company]) {
      const e = expected(row.unitId, '2025-Q2');
      expect(row.n).toBe(e.respondents);
      expect(row.cells[0]!.status).toBe('ok');
      expect(row.cells[0]!.n).toBe(e.n);
      expect(row.cells[0]!.pctFavourable).toBeCloseTo(e.pct, 2);
      expect(row.cells[0]!.delta).toBeNull();
    }
  });

  it('suppresses Store C (3 respondents) with a reason, and Store D by the next-smallest rule', async () => {
    const out = await call({ period: '2025-Q1', parentId: 'R2' });
    const [c, d] = [
      out.rows.find((r) => r.unitId === 'T3')!,
      out.rows.find((r) => r.unitId === 'T4')!,
    ];
    expect(c.status).toBe('suppressed');
    expect(c.n).toBeNull();
    expect(c.reason).toMatch(/fewer than 5/);
    expect(c.cells[0]).toMatchObject({ pctFavourable: null, n: null, status: 'suppressed' });
    expect(c.cells[0]!.reason).toMatch(/fewer than 5/);
    expect(d.status).toBe('suppressed');
    expect(d.reason).toMatch(/worked out by subtraction/);
    expect(d.cells[0]).toMatchObject({ pctFavourable: null, n: null, status: 'suppressed' });
    expect(c.spread).toBeNull();
    // The parent itself (11 respondents) is visible.
    expect(out.parentRow.cells[0]!.pctFavourable).toBeCloseTo(expected('R2', '2025-Q1').pct, 2);
  });

  it('visible stores in a drill-down equal the independent computation', async () => {
    const out = await call({ period: '2025-Q1', parentId: 'R1' });
    for (const row of out.rows) {
      const e = expected(row.unitId, '2025-Q1');
      expect(row.status).toBe('ok');
      expect(row.cells[0]!.pctFavourable).toBeCloseTo(e.pct, 2);
      expect(row.cells[0]!.n).toBe(e.n);
    }
  });

  it('deltas vs company and vs parent in points, on a symmetric diverging scale', async () => {
    const company = expected('C', '2025-Q2').pct;
    const vsCompany = await call({ mode: 'vs_company' });
    for (const row of vsCompany.rows) {
      expect(row.cells[0]!.delta).toBeCloseTo(expected(row.unitId, '2025-Q2').pct - company, 1);
    }
    expect(vsCompany.scale.family).toBe('delta');
    expect(vsCompany.scale.diverging).toBe(true);
    expect(vsCompany.scale.min).toBe(-vsCompany.scale.max);

    const vsParent = await call({ mode: 'vs_parent', parentId: 'R2' });
    const parentPct = expected('R2', '2025-Q2').pct;
    for (const row of vsParent.rows) {
      expect(row.status).toBe('ok');
      expect(row.cells[0]!.delta).toBeCloseTo(expected(row.unitId, '2025-Q2').pct - parentPct, 1);
    }
    expect(vsParent.parentRow.cells[0]!.delta).toBe(0);
  });

  it("vs previous: same unit in each period's own hierarchy, reorganised units marked but computed", async () => {
    const out = await call({ mode: 'vs_previous' });
    expect(out.previousPeriod).toBe('2025-Q1');
    for (const row of out.rows) {
      const cell = row.cells[0]!;
      expect(cell.delta).toBeCloseTo(
        expected(row.unitId, '2025-Q2').pct - expected(row.unitId, '2025-Q1').pct,
        1,
      );
      // Store B moved from North to South: both regions stand for different teams now.
      expect(cell.reason).toMatch(/Reorganisation/);
    }
    const company = out.company.cells[0]!;
    expect(company.reason).toBeNull();
    expect(company.delta).toBeCloseTo(
      expected('C', '2025-Q2').pct - expected('C', '2025-Q1').pct,
      1,
    );

    // Store D in 2025-Q2 is visible, but its 2025-Q1 figure was suppressed: no delta, reason given.
    const stores = await call({ mode: 'vs_previous', parentId: 'R2' });
    const d = stores.rows.find((r) => r.unitId === 'T4')!;
    expect(d.cells[0]!.status).toBe('ok');
    expect(d.cells[0]!.delta).toBeNull();
    expect(d.cells[0]!.reason).toMatch(/suppressed/);
    const earliest = await call({ mode: 'vs_previous', period: '2025-Q1' });
    expect(earliest.previousPeriod).toBeNull();
    expect(earliest.rows[0]!.cells[0]!.delta).toBeNull();
  });

  it('leader vs front-line gap: one leader per store, so every gap is suppressed, never a number', async () => {
    for (const input of [
      {},
      { parentId: 'R2' },
      { period: '2025-Q1', parentId: 'R1' },
    ] as HeatmapInput[]) {
      const out = await call(input);
      for (const row of [...out.rows, out.company, out.parentRow]) {
        for (const gap of row.leaderGap ?? []) {
          expect(gap.leaders).toBeNull();
          expect(gap.frontLine).toBeNull();
          expect(gap.gap).toBeNull();
          expect(gap.status).not.toBe('ok');
          expect(gap.reason).toBeTruthy();
        }
        expect(row.leaderGap).not.toBeNull();
      }
    }
  });

  it('reads the company purpose from meta', async () => {
    await tiny.ws.conn.run(
      "INSERT INTO meta VALUES ('purpose', 'Make every visit easier') ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    );
    expect((await call({})).purpose).toBe('Make every visit easier');
    await tiny.ws.conn.run("DELETE FROM meta WHERE key = 'purpose'");
  });

  it('refuses an unknown period, an unknown parent and a team as parent with typed errors', async () => {
    await expect(call({ period: '2019-Q1' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(call({ parentId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(call({ parentId: 'T1' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENTS',
      message: expect.stringMatching(/Store A .*no units below it/),
    });
  });
});

describe('leader gap complement logic (decideSuppression, then assessUnits)', () => {
  // One unit 'C' whose respondents all answered value X: `leader`, `front` and `other` people.
  const gap = (leader: number, front: number, other: number) => {
    const all = leader + front + other;
    const counts = (n: number): Counts => ({ rollup: new Map([['C', n]]), own: new Map() });
    const byRole = new Map<Role, Counts>([
      ['all', counts(all)],
      ['leader', counts(leader)],
      ['front_line', counts(front)],
      ['other', counts(other)],
    ]);
    const decided = decideSuppression(
      {
        units: [{ id: 'C', parentId: null }],
        figures: new Map([
          ['respondents', byRole],
          ['value:X', byRole],
        ]),
      },
      5,
    );
    const mapOf = (figure: string) => ({
      get: (id: string) => {
        const reason = decided.get(figure)?.get(id);
        return reason === undefined
          ? { visible: true as const }
          : { visible: false as const, reason };
      },
    });
    const decisions: PeriodVisibility = { row: mapOf('respondents'), figure: mapOf };
    const t = (n: number) => ({ answered: n, favourable: Math.floor(n / 2), n });
    const stats: GroupStats = {
      respondents: all,
      respondentsByRole: { leader, front_line: front, other },
      values: new Map([
        [
          'value:X',
          { all: t(all), byRole: { leader: t(leader), front_line: t(front), other: t(other) } },
        ],
      ]),
    };
    return assessUnits(
      ['C'],
      new Map([['C', stats]]),
      decisions,
      [{ id: 'value:X', name: 'X', items: [] }],
      true,
    )
      .get('C')!
      .gaps.get('value:X')!;
  };

  it('shows both sides only when each reaches the minimum and no small remainder can be derived', () => {
    expect(gap(5, 6, 0).status).toBe('ok');
    expect(gap(5, 6, 7).status).toBe('ok');
    // Leaders under the minimum: both sides hidden (front line alone plus the total would give leaders away).
    expect(gap(4, 20, 0)).toMatchObject({ status: 'suppressed' });
    expect(gap(4, 20, 0).reason).toMatch(/fewer than 5 leaders/);
    // Two people with another role: total minus leaders minus front line would reveal them.
    expect(gap(6, 9, 2)).toMatchObject({ status: 'suppressed' });
    expect(gap(6, 9, 2).reason).toMatch(/subtraction/);
    expect(gap(0, 9, 0).status).toBe('no_data');
  });
});

describe('ready to wire into the contract', () => {
  it('is a Handler for heatmapMethod and its schemas convert to JSON schema (methods)', () => {
    // Exactly what Handler<'heatmap'> becomes once contract.ts has `heatmap: heatmapMethod`.
    const typed: (
      input: z.infer<typeof heatmapMethod.input>,
      ctx: EngineContext,
    ) => Promise<z.infer<typeof heatmapMethod.output>> = heatmap;
    expect(typed).toBe(heatmap);
    expect(z.toJSONSchema(heatmapMethod.input)).toMatchObject({ type: 'object' });
    expect(z.toJSONSchema(heatmapMethod.output, { unrepresentable: 'any' })).toMatchObject({
      type: 'object',
    });
    expect(heatmapMethod.input.parse({})).toEqual({ mode: 'absolute' });
    expect(() => heatmapMethod.input.parse({ mode: 'sideways' })).toThrow();
    expect(() => heatmapMethod.input.parse({ period: '2025-3' })).toThrow();
    expect(() => heatmapMethod.input.parse({ extra: 1 })).toThrow();
  });
});
