/**
 * `tsx scripts/benchMethods.ts WORKSPACE [CALLS]`: opens a workspace in this fresh process and
 * prints how fast each method answers: its first call (which pays for what later calls share:
 * hierarchy lookups, a metric pair's linkage sides, compiled code), then p50/p95 over CALLS
 * more. Run by scripts/bench.ts; figures, not pass/fail.
 */
import { Engine } from '../src/main/engine/engine';

const [workspace, callsArg] = process.argv.slice(2);
if (!workspace) throw new Error('usage: benchMethods.ts WORKSPACE [CALLS]');
const calls = Number(callsArg ?? 30);
const ms = (n: number) => `${n.toFixed(1)} ms`;
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const openStart = performance.now();
const engine = await Engine.open(workspace);
console.log(`open workspace: ${ms(performance.now() - openStart)}`);
const hierarchy = await engine.call('hierarchy', {});
const units = hierarchy.ok
  ? (hierarchy.value as { units: { id: string; level: string }[] }).units
  : [];
const pick = (level: string) => units.filter((u) => u.level === level).map((u) => u.id);
const any = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]!;
const cases: [string, () => unknown][] = [
  ['info', () => ({})],
  ['hierarchy', () => ({})],
  ['overview (company)', () => ({})],
  ['overview (region)', () => ({ unitId: pick('region')[0] })],
  ['overview (team, varying)', () => ({ unitId: any(pick('team')) })],
  ['heatmap (regions)', () => ({})],
  ['heatmap (vs previous)', () => ({ mode: 'vs_previous' })],
  ['heatmap (an area, varying)', () => ({ parentId: any(pick('area')) })],
  ['drilldown (company)', () => ({ unitId: pick('company')[0] })],
  ['drilldown (region, direct)', () => ({ unitId: pick('region')[0], scope: 'direct' })],
  ['drilldown (team, varying)', () => ({ unitId: any(pick('team')) })],
  ['linkage (one period)', () => ({ level: 'team', lag: 1, period: '2025-Q3' })],
  ['linkage (pooled)', () => ({ level: 'team', lag: 1 })],
  ['linkage (within region)', () => ({ level: 'team', lag: 1, withinGroup: 'demean' })],
  ['linkage (AHT, area)', () => ({ level: 'area', customerMetric: 'avg_handle_seconds' })],
  ['lagProfile', () => ({ level: 'team' })],
  ['drivers (eNPS, items)', () => ({})],
  ['drivers (NPS, teams, +1)', () => ({ outcome: 'nps', level: 'team', lag: 1 })],
];
for (const [label, input] of cases) {
  const method = label.split(' ')[0]!;
  const times: number[] = [];
  for (let i = 0; i <= calls; i++) {
    const t0 = performance.now();
    const result = await engine.call(method, input());
    times.push(performance.now() - t0);
    if (!result.ok) throw new Error(`${label}: ${result.error.message}`);
  }
  const first = times.shift()!;
  times.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(26)} first ${ms(first).padStart(9)}  p50 ${ms(percentile(times, 50)).padStart(9)}  p95 ${ms(percentile(times, 95)).padStart(9)}  (${calls} more calls)`,
  );
}
engine.close();
