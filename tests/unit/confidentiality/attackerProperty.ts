import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/engine/dispatch';
import type { EngineContext } from '../../../src/main/engine/handlers/context';
import { FileRegistry } from '../../../src/main/engine/import/fileRegistry';
import { importFile } from '../../../src/main/engine/import/importFile';
import { openWorkspace } from '../../../src/main/engine/workspace/workspace';
import { makeTempDir } from '../../helpers/tempDir';
import {
  attack,
  collect,
  directChecks,
  directScopeLeaks,
  emptyKnowledge,
  naiveKnowledge,
  type Knowledge,
  type Leak,
  type Person,
  type Tree,
} from './attacker';
import {
  OPTIONAL_METHODS,
  alikeDecisions,
  build,
  orgArb,
  sequenceArb,
  truthOf,
  writeCsvs,
  type Request,
  type RequestPick,
} from './orgs';
import { alikeLeaks, linearLeaks } from './reasoning';

/*
 * The attacker property (attacker.test.ts says what it attacks), split into parts that run as
 * test files of their own, so the two cores of a test machine share them and each part's budget
 * stays far from its limit on a machine four times slower. Bounded by runs, never by time.
 */
export const PARTS = 3;
const ORGS_PER_PART = Number(process.env.ATTACKER_ORGS ?? 4);
const SEQUENCES_PER_ORG = 834;
/** Printed in the summary; set ATTACKER_SEED to replay a run (part k uses SEED + k). */
const SEED = Number(process.env.ATTACKER_SEED ?? Date.now() % 2_147_483_647);
/** About 60-90 s a part on this 2-core machine with the rest of the suite beside it. */
const TIMEOUT_MS = 900_000;

export function attackerProperty(part: number): void {
  describe('confidentiality attacker (property-based, through dispatch)', () => {
    it(
      `never pins down a group below the minimum, over ${ORGS_PER_PART * SEQUENCES_PER_ORG} request sequences (part ${part} of ${PARTS}); a naive rule leaks`,
      async () => {
        const stats = {
          sequences: 0,
          orgs: 0,
          requests: 0,
          remaindersTried: 0,
          maxRemainderTried: 0,
          naiveLeakOrgs: 0,
          alikeTried: 0,
          linearSystems: 0,
          alikeRuleHid: 0,
          heatmap: false,
          dispatchMs: 0,
          attackMs: 0,
          importMs: 0,
        };
        const perMethod: Record<string, number> = {};
        const perMethodN: Record<string, number> = {};
        const engineLeaks: { org: string; requests: Request[]; leak: Leak }[] = [];
        const directFailures: string[] = [];
        const naiveLeaks: Leak[] = [];

        await fc.assert(
          fc.asyncProperty(
            orgArb,
            fc.array(sequenceArb, { minLength: SEQUENCES_PER_ORG, maxLength: SEQUENCES_PER_ORG }),
            async (org, sequences) => {
              const built = build(org);
              const temp = makeTempDir('upstream-attacker-');
              const ws = await openWorkspace(join(temp.path, 'ws.duckdb'), { create: true });
              try {
                const ti = performance.now();
                for (const f of writeCsvs(join(temp.path, 'in'), built, org.periods)) {
                  const report = await importFile(ws, f.path, { kind: f.kind });
                  expect(report.rowsQuarantined, `${f.path} quarantined rows`).toBe(0);
                }
                stats.importMs += performance.now() - ti;
                const ctx: EngineContext = {
                  ws,
                  files: new FileRegistry(),
                  imports: { current: null },
                  emitProgress: () => undefined,
                };
                const minSize = await ws.minGroupSize();
                const cache = new Map<string, { ok: boolean; value?: unknown; error?: unknown }>();
                // A request for the default period is the one for the period it resolves to:
                // once that is known, both share one answer (each is asked of the engine once).
                let defaultPeriod: string | null = null;
                const keyOf = (req: Request) =>
                  JSON.stringify(
                    defaultPeriod &&
                      !('period' in req.input) &&
                      !['info', 'hierarchy'].includes(req.method)
                      ? { method: req.method, input: { period: defaultPeriod, ...req.input } }
                      : req,
                  );
                const call = async (req: Request) => {
                  let r = cache.get(keyOf(req));
                  if (!r) {
                    const t0 = performance.now();
                    const res = await dispatch(req.method, req.input, ctx);
                    stats.dispatchMs += performance.now() - t0;
                    perMethod[req.method] = (perMethod[req.method] ?? 0) + performance.now() - t0;
                    perMethodN[req.method] = (perMethodN[req.method] ?? 0) + 1;
                    r = res.ok ? { ok: true, value: res.value } : { ok: false, error: res.error };
                    cache.set(keyOf(req), r);
                    const answered = (res.ok ? res.value : null) as { period?: unknown } | null;
                    if (!('period' in req.input) && typeof answered?.period === 'string') {
                      defaultPeriod ??= answered.period;
                      cache.set(keyOf(req), r);
                    }
                  }
                  stats.requests++;
                  return r;
                };

                // The structure is not confidential: the attacker knows every period's tree.
                const info = (await call({ method: 'info', input: {} })) as {
                  ok: true;
                  value: { periods: { id: string }[] };
                };
                const periods = info.value.periods.map((p) => p.id);
                const trees = new Map<string, Tree>();
                for (const p of periods) {
                  const h = await call({ method: 'hierarchy', input: { period: p } });
                  expect(h.ok).toBe(true);
                  const units = (h.value as { units: { id: string; parentId: string | null }[] })
                    .units;
                  trees.set(p, new Map(units.map((u) => [u.id, u.parentId])));
                }
                const truth = truthOf(built, trees);
                const unitIds = [...trees.values().next().value!.keys()];
                const parents = [
                  ...new Set([...trees.values()].flatMap((t) => [...t.values()])),
                ].filter((x): x is string => x !== null);
                const available = new Set<string>();
                for (const m of OPTIONAL_METHODS) {
                  const probe = await dispatch(m, {}, ctx);
                  if (probe.ok || (!probe.ok && probe.error.code !== 'UNKNOWN_METHOD')) {
                    available.add(m);
                  }
                }
                if (available.has('heatmap')) stats.heatmap = true;

                const toRequest = (r: RequestPick): Request => {
                  const period = r.period % (periods.length + 1);
                  const p = period === periods.length ? {} : { period: periods[period] };
                  if (r.kind === 'overview') {
                    return {
                      method: 'overview',
                      input: { ...p, unitId: unitIds[r.unit % unitIds.length] },
                    };
                  }
                  if (r.kind === 'drilldown' && available.has('drilldown')) {
                    return {
                      method: 'drilldown',
                      input: {
                        ...p,
                        unitId: unitIds[r.unit % unitIds.length],
                        // A unit with no units below it: its direct scope is its roll-up.
                        scope: parents.includes(unitIds[r.unit % unitIds.length]!)
                          ? r.scope
                          : 'rollup',
                      },
                    };
                  }
                  if (r.kind === 'drivers' && available.has('drivers')) {
                    return {
                      method: 'drivers',
                      input: {
                        ...p,
                        unitId: unitIds[r.unit % unitIds.length],
                        outcome: r.outcome,
                        by: r.by,
                      },
                    };
                  }
                  if (r.kind === 'heatmap' && available.has('heatmap')) {
                    const parentPick = r.unit % (parents.length + 1);
                    const parentId =
                      parentPick === parents.length ? {} : { parentId: parents[parentPick] };
                    return { method: 'heatmap', input: { ...p, ...parentId, mode: r.mode } };
                  }
                  return { method: 'hierarchy', input: p };
                };

                const observe = async (reqs: Request[]): Promise<Knowledge> => {
                  const k = emptyKnowledge();
                  for (const req of reqs) {
                    const res = await call(req);
                    if (!res.ok) {
                      // A generated quarter where nobody answered: the engine rightly has no
                      // survey figures to give (seed 1385524202 drew one), nothing to attack.
                      const period = (req.input as { period?: string }).period;
                      const nobodyAnswered =
                        (res.error as { code?: string }).code === 'NOT_FOUND' &&
                        period !== undefined &&
                        !built.respondents.some((r) => r.period === period);
                      if (!nobodyAnswered)
                        directFailures.push(
                          `${JSON.stringify(req)} -> ${JSON.stringify(res.error)}`,
                        );
                      continue;
                    }
                    for (const f of directChecks(req.method, res.value, minSize)) {
                      directFailures.push(`${built.describe} ${JSON.stringify(req)}: ${f}`);
                    }
                    collect(k, req.method, req.input, res.value);
                  }
                  return k;
                };

                for (const seq of sequences) {
                  const reqs = seq.map(toRequest);
                  const k = await observe(reqs);
                  const t1 = performance.now();
                  const result = attack(k, trees, minSize);
                  result.leaks.push(...directScopeLeaks(k, trees, minSize));
                  const alike = alikeLeaks(k, trees, minSize, truth);
                  result.leaks.push(...alike.leaks);
                  stats.alikeTried += alike.tried;
                  stats.attackMs += performance.now() - t1;
                  stats.sequences++;
                  stats.remaindersTried += result.tried;
                  stats.maxRemainderTried = Math.max(stats.maxRemainderTried, result.maxRemainder);
                  for (const leak of result.leaks) {
                    engineLeaks.push({ org: built.describe, requests: reqs, leak });
                  }
                }

                // The strongest attacker: everything any allowed request shows, at once.
                const all: Request[] = [];
                for (const u of unitIds) all.push({ method: 'overview', input: { unitId: u } });
                if (available.has('heatmap')) {
                  for (const p of periods) {
                    all.push({ method: 'heatmap', input: { period: p } });
                    for (const parentId of parents) {
                      all.push({ method: 'heatmap', input: { period: p, parentId } });
                    }
                  }
                }
                if (available.has('drilldown')) {
                  for (const u of unitIds)
                    for (const p of [{}, ...periods.map((period) => ({ period }))])
                      for (const scope of parents.includes(u) ? ['rollup', 'direct'] : ['rollup'])
                        all.push({ method: 'drilldown', input: { ...p, unitId: u, scope } });
                }
                if (available.has('drivers')) {
                  for (const u of unitIds)
                    for (const period of periods)
                      for (const by of ['item', 'value'])
                        all.push({
                          method: 'drivers',
                          input: { period, unitId: u, outcome: 'enps', by },
                        });
                }
                const full = await observe(all);
                const fullResult = attack(full, trees, minSize);
                fullResult.leaks.push(...directScopeLeaks(full, trees, minSize));
                // Everything at once, reasoned about: unanimous remainders, and every figure of a
                // period solved together (what a subset of the requests shows is in this span too).
                const fullAlike = alikeLeaks(full, trees, minSize, truth);
                fullResult.leaks.push(...fullAlike.leaks);
                stats.alikeTried += fullAlike.tried;
                const linear = linearLeaks(full, trees, minSize, truth);
                fullResult.leaks.push(...linear.leaks);
                stats.linearSystems += linear.systems;
                stats.alikeRuleHid += await alikeDecisions(ws);
                stats.remaindersTried += fullResult.tried;
                stats.maxRemainderTried = Math.max(
                  stats.maxRemainderTried,
                  fullResult.maxRemainder,
                );
                for (const leak of fullResult.leaks) {
                  engineLeaks.push({
                    org: built.describe,
                    requests: [{ method: '(every request)', input: {} }],
                    leak,
                  });
                }
                for (const c of full.conflicts) directFailures.push(`${built.describe}: ${c}`);

                // Control: the same attacker against a naive minimum-size-only rule, same raw data.
                const naive = naiveKnowledge(
                  built.respondents.map((r): Person & { period: string; unit: string } => ({
                    period: r.period,
                    unit: r.unit,
                    e1: r.p.e1,
                    enps: r.p.enps,
                    v1: r.p.v1,
                  })),
                  trees,
                  minSize,
                );
                const naiveResult = attack(naive, trees, minSize);
                if (naiveResult.leaks.length > 0) {
                  stats.naiveLeakOrgs++;
                  naiveLeaks.push(naiveResult.leaks[0]!);
                }
                stats.orgs++;
              } finally {
                ws.close();
                temp.remove();
              }
            },
          ),
          { numRuns: ORGS_PER_PART, endOnFailure: true, seed: SEED + part },
        );

        console.log(
          `confidentiality attacker part ${part}/${PARTS} (seed ${SEED + part}): ${stats.sequences} sequences (${stats.requests} requests, heatmap ${
            stats.heatmap ? 'included' : 'absent'
          }) over ${stats.orgs} organisations; ${stats.remaindersTried} remainders tried, max remainder tried ${
            stats.maxRemainderTried
          }; ${stats.alikeTried} remainders judged for unanimity, ${stats.linearSystems} linear systems solved, ${stats.alikeRuleHid} figures hidden by the unanimous-remainder rule; engine leaks ${engineLeaks.length}; naive rule leaked in ${stats.naiveLeakOrgs}/${stats.orgs} organisations (import ${Math.round(
            stats.importMs,
          )} ms, dispatch ${Math.round(stats.dispatchMs)} ms, attack ${Math.round(stats.attackMs)} ms)`,
        );
        const byFamily: Record<string, number> = {};
        for (const l of engineLeaks) byFamily[l.leak.family] = (byFamily[l.leak.family] ?? 0) + 1;
        console.log(
          `  dispatch ms by method ${JSON.stringify(perMethod)} calls ${JSON.stringify(perMethodN)}; engine leaks by figure ${JSON.stringify(byFamily)}`,
        );
        if (engineLeaks.length > 0) {
          console.log('first engine leaks:', JSON.stringify(engineLeaks.slice(0, 3), null, 1));
        }
        if (directFailures.length > 0) console.log('direct failures:', directFailures.slice(0, 10));

        expect(stats.orgs).toBe(ORGS_PER_PART);
        // Together the parts ask at least 10,000 sequences.
        expect(stats.sequences).toBe(ORGS_PER_PART * SEQUENCES_PER_ORG);
        expect(PARTS * ORGS_PER_PART * SEQUENCES_PER_ORG).toBeGreaterThanOrEqual(10_000);
        // The attacker has teeth: a naive rule leaks in a good share of the same organisations.
        expect(stats.naiveLeakOrgs).toBeGreaterThan(ORGS_PER_PART / 4);
        // The organisations hold unanimous remainders: the rule that protects them had work to do.
        expect(stats.alikeRuleHid).toBeGreaterThan(0);
        expect(naiveLeaks.every((l) => l.remainder > 0 && l.remainder < 5)).toBe(true);
        expect(directFailures).toEqual([]);
        expect(engineLeaks.map((l) => `${l.org}: ${l.leak.explain}`)).toEqual([]);
      },
      TIMEOUT_MS,
    );
  });
}
