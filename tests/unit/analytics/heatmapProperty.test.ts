import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heatmapOutputSchema, type HeatmapOutput } from '../../../src/shared/analytics/heatmap';
import type { EngineContext } from '../../../src/main/engine/handlers/context';
import { heatmap } from '../../../src/main/engine/handlers/heatmap';
import { FileRegistry } from '../../../src/main/engine/import/fileRegistry';
import { openWorkspace, type Workspace } from '../../../src/main/engine/workspace/workspace';
import { makeTempDir } from '../../helpers/tempDir';
import { rebuildDerived } from '../../../src/main/engine/derived/refresh';

// Random small organisations written straight into the workspace tables (test only, then the
// derived tables rebuilt): whatever
// the shape, no visible figure stands on fewer than the minimum, and a parent minus its visible
// children is either nobody or at least the minimum, for rows, every value cell and each side of
// the leader gap. A unit hidden one level up is never rebuilt from its visible children.

type Role = 'leader' | 'front_line' | null;
interface Person {
  role: Role;
  a: number | null;
  b: number | null;
}
interface Org {
  min: number;
  rootPeople: Person[];
  regions: { people: Person[]; teams: Person[][] }[];
}

const person = fc.record({
  role: fc.constantFrom<Role>('leader', 'front_line', 'front_line', null),
  a: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  b: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
});
const people = (max: number) => fc.array(person, { maxLength: max });
const org: fc.Arbitrary<Org> = fc.record({
  min: fc.integer({ min: 3, max: 6 }),
  rootPeople: people(3),
  regions: fc.array(
    fc.record({ people: people(4), teams: fc.array(people(14), { maxLength: 4 }) }),
    { minLength: 1, maxLength: 4 },
  ),
});

let ws: Workspace;
let ctx: EngineContext;
let remove: () => void;

beforeAll(async () => {
  const temp = makeTempDir('upstream-heatmap-prop-');
  ws = await openWorkspace(`${temp.path}/ws.duckdb`, { create: true });
  ctx = {
    ws,
    files: new FileRegistry(),
    imports: { current: null },
    emitProgress: () => undefined,
  };
  remove = () => {
    ws.close();
    temp.remove();
  };
  await ws.conn.run(
    `INSERT INTO survey_items VALUES
       ('A1', 'We keep our promises', 'value:Trust', 1, 5, false, 1),
       ('B1', 'Nobody here cuts corners', 'value:Care', 1, 5, true, 1)`,
  );
});
afterAll(() => remove?.());

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Writes the organisation; returns each unit's parent and its people (own, not rolled up). */
async function load(o: Org): Promise<Map<string, { parent: string | null; own: Person[] }>> {
  const units = new Map<string, { parent: string | null; own: Person[] }>();
  units.set('C', { parent: null, own: o.rootPeople });
  o.regions.forEach((r, i) => {
    units.set(`R${i}`, { parent: 'C', own: r.people });
    r.teams.forEach((t, j) => units.set(`R${i}T${j}`, { parent: `R${i}`, own: t }));
  });
  const c = ws.conn;
  for (const t of ['org_units', 'org_closure', 'respondent_scores', 'survey_answers']) {
    await c.run(`DELETE FROM ${t}`);
  }
  await c.run(`INSERT OR REPLACE INTO meta VALUES ('min_group_size', '${o.min}')`);
  const orgRows = [...units].map(
    ([id, u]) =>
      `(DATE '2025-01-01', ${q(id)}, ${q(id)}, ${u.parent ? q(u.parent) : 'NULL'}, ${q(u.parent === null ? 'company' : u.parent === 'C' ? 'region' : 'team')}, 'x', NULL, 1)`,
  );
  await c.run(`INSERT INTO org_units VALUES ${orgRows.join(',')}`);
  const closure: string[] = [];
  for (const id of units.keys()) {
    let depth = 0;
    for (let a: string | null = id; a !== null; a = units.get(a)!.parent, depth++) {
      closure.push(`(DATE '2025-01-01', ${q(a)}, ${q(id)}, ${depth})`);
    }
  }
  await c.run(`INSERT INTO org_closure VALUES ${closure.join(',')}`);
  const scores: string[] = [];
  const answers: string[] = [];
  let k = 0;
  for (const [id, u] of units) {
    for (const p of u.own) {
      const rid = `P${k++}`;
      scores.push(
        `('2025-Q1', '${rid}', ${q(id)}, ${p.role ? q(p.role) : 'NULL'}, 50, 1, 1, NULL)`,
      );
      if (p.a !== null) answers.push(`('2025-Q1', '${rid}', 'A1', ${p.a}, ${p.a})`);
      if (p.b !== null) answers.push(`('2025-Q1', '${rid}', 'B1', ${p.b}, ${6 - p.b})`);
    }
  }
  // A survey period must exist even when nobody answered.
  if (scores.length === 0) scores.push(`('2025-Q1', 'ghost', 'nowhere', NULL, 50, 1, 1, NULL)`);
  await c.run(`INSERT INTO respondent_scores VALUES ${scores.join(',')}`);
  if (answers.length > 0) await c.run(`INSERT INTO survey_answers VALUES ${answers.join(',')}`);
  // Written behind the importer's back, so the derived statistics and decisions are rebuilt.
  await rebuildDerived(c);
  return units;
}

function checkView(out: HeatmapOutput, min: number) {
  const okOrFar = (diff: number) => expect(diff === 0 || diff >= min).toBe(true);
  for (const row of [...out.rows, out.parentRow, out.company]) {
    if (row.status === 'ok') expect(row.n!).toBeGreaterThanOrEqual(min);
    else expect(row.n).toBeNull();
    for (const cell of row.cells) {
      if (cell.status === 'ok') expect(cell.n!).toBeGreaterThanOrEqual(min);
      else expect([cell.pctFavourable, cell.n, cell.delta]).toEqual([null, null, null]);
    }
    for (const gap of row.leaderGap ?? []) {
      if (gap.status === 'ok') {
        expect(gap.leadersN!).toBeGreaterThanOrEqual(min);
        expect(gap.frontLineN!).toBeGreaterThanOrEqual(min);
      } else expect([gap.leaders, gap.frontLine, gap.gap]).toEqual([null, null, null]);
    }
  }
  const visibleRows = out.rows.filter((r) => r.status === 'ok');
  if (out.parentRow.n !== null)
    okOrFar(out.parentRow.n - visibleRows.reduce((s, r) => s + r.n!, 0));
  out.values.forEach((_, v) => {
    const parentCell = out.parentRow.cells[v]!;
    if (parentCell.status === 'ok') {
      okOrFar(parentCell.n! - out.rows.reduce((s, r) => s + (r.cells[v]!.n ?? 0), 0));
    }
    const parentGap = out.parentRow.leaderGap?.[v];
    if (parentGap?.status === 'ok') {
      okOrFar(
        parentGap.leadersN! - out.rows.reduce((s, r) => s + (r.leaderGap![v]!.leadersN ?? 0), 0),
      );
      okOrFar(
        parentGap.frontLineN! -
          out.rows.reduce((s, r) => s + (r.leaderGap![v]!.frontLineN ?? 0), 0),
      );
    }
  });
}

describe('heatmap confidentiality (property)', () => {
  it('never shows a group under the minimum, directly or by subtraction', async () => {
    await fc.assert(
      fc.asyncProperty(org, async (o) => {
        const units = await load(o);
        const rolled = (id: string): number =>
          units.get(id)!.own.length +
          [...units].filter(([, u]) => u.parent === id).reduce((s, [c]) => s + rolled(c), 0);
        const top = heatmapOutputSchema.parse(await heatmap({}, ctx));
        checkView(top, o.min);
        // Nobody there is "no data", never "suppressed"; somebody there is never "no data".
        for (const row of top.rows) {
          expect(row.status === 'no_data').toBe(rolled(row.unitId) === 0);
        }
        for (const region of top.rows) {
          if (![...units.values()].some((u) => u.parent === region.unitId)) continue;
          const drill = heatmapOutputSchema.parse(
            await heatmap({ parentId: region.unitId, mode: 'vs_parent' }, ctx),
          );
          checkView(drill, o.min);
          // Hidden one level up: its visible children never add back up to it.
          if (region.status === 'suppressed') {
            const visible = drill.rows.reduce((s, r) => s + (r.n ?? 0), 0);
            expect(rolled(region.unitId) - visible).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 60 },
    );
    // 60 workspaces imported and asked: bounded by runs; the budget allows a machine four times
    // slower than this one under load.
  }, 600_000);
});
