import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/engine/dispatch';
import type { EngineContext } from '../../../src/main/engine/handlers/context';
import { FileRegistry } from '../../../src/main/engine/import/fileRegistry';
import { importFile } from '../../../src/main/engine/import/importFile';
import { hierarchyWorkspace, type Figures } from '../engine/preaggregatedFixture';

// A workspace whose survey and customer figures all arrive pre-aggregated (no raw answers):
// the methods answer from them like from raw data, and say nothing a mean cannot tell.

let f: Figures;
let ctx: EngineContext;
const TEAMS = ['T1', 'T2', 'T3', 'T4', 'T5'];

beforeAll(async () => {
  f = await hierarchyWorkspace();
  ctx = {
    ws: f.ws,
    files: new FileRegistry(),
    imports: { current: null },
    emitProgress: () => undefined,
  };
  const rows: string[] = [];
  TEAMS.forEach((t, i) => {
    for (const period of ['2025-Q1', '2025-Q2']) {
      const n = 12 + i * 3;
      rows.push(`${t},${period},engagement_index,${60 + i * 4},${n}`);
      rows.push(`${t},${period},respondents,${n},${n}`);
      rows.push(`${t},${period},nps,${10 + i * 7},${40 + i * 5}`);
    }
  });
  const path = f.write('given.csv', `unit_id,period,metric,value,n\n${rows.join('\n')}\n`);
  const report = await importFile(f.ws, path, { kind: 'preaggregated' });
  expect(report.rowsQuarantined).toBe(0);
});
afterAll(() => f?.cleanup());

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await dispatch(method, input, ctx);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('methods on pre-aggregated figures only', () => {
  it('links engagement to NPS across the given teams', async () => {
    const out = await call<{ n: number; points: { unitId: string; x: number; y: number }[] }>(
      'linkage',
      { level: 'team', lag: 0, period: '2025-Q2' },
    );
    expect(out.n).toBe(TEAMS.length);
    const t4 = out.points.find((p) => p.unitId === 'T4')!;
    expect([t4.x, t4.y]).toEqual([72, 31]);
    const profile = await call<{ lags: { lag: number; n: number }[] }>('lagProfile', {
      level: 'team',
    });
    expect(profile.lags.find((l) => l.lag === 0)!.n).toBe(TEAMS.length * 2);
  });

  it('gives no agreement for a given mean: it has no spread to agree on', async () => {
    const d = await call<{
      smallTeam: { status: string; raw: number; rwg: number | null; agreement: string | null };
    }>('drilldown', { unitId: 'T5', period: '2025-Q2' });
    expect(d.smallTeam.status).toBe('ok');
    expect(d.smallTeam.raw).toBe(76);
    expect([d.smallTeam.rwg, d.smallTeam.agreement]).toEqual([null, null]);
  });
});
