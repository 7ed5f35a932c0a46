/**
 * `npm run bench -- [--scale small|default|large] [--import-rows N]`: builds the sample company at
 * a scale, then prints how long the import took, how fast each method answers (its first call,
 * then p50/p95 over repeated calls, after the workspace is open), the process's peak memory, and import throughput
 * on an N-row CSV against DuckDB's own read_csv. Figures, not pass/fail.
 */
import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Engine } from '../src/main/engine/engine';
import { createSampleWorkspace } from '../src/main/engine/sampleWorkspace';
import type { SampleScale } from '../src/main/engine/sample';
import { benchImport } from './benchImport';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'default' },
    calls: { type: 'string', default: '30' },
    'import-rows': { type: 'string', default: '1000000' },
  },
});
const scale = values.scale as SampleScale;
const calls = Number(values.calls);
const dir = join(tmpdir(), `upstream-bench-${scale}-${process.pid}`);
rmSync(dir, { recursive: true, force: true });
const workspace = join(dir, 'bench.duckdb');

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const started = performance.now();
const importTimes: { file: string; rows: number; ms: number }[] = [];
let last = performance.now();
const created = await createSampleWorkspace({
  workspace,
  exportsDir: join(dir, 'exports'),
  seed: 42,
  scale,
  onImported: (report) => {
    const now = performance.now();
    importTimes.push({ file: report.file, rows: report.rowsRead, ms: now - last });
    last = now;
  },
});
const total = performance.now() - started;
created.close();

console.log(`Upstream benchmark, scale ${scale}`);
console.log(
  `sample generated and imported in ${(total / 1000).toFixed(1)} s; workspace ${mb(statSync(workspace).size)}`,
);
for (const t of importTimes) {
  console.log(
    `  import ${t.file.padEnd(34)} ${String(t.rows).padStart(9)} rows  ${ms(t.ms).padStart(10)}  ${t.rows ? Math.round(t.rows / (t.ms / 1000)).toLocaleString('en-GB') : '-'} rows/s`,
  );
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
// The first call of each case is reported apart: it pays for what later calls share (hierarchy
// lookups, a metric pair's linkage sides, compiled code), which p50/p95 of the rest do not show.
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
clearInterval(sampler);
console.log(`peak memory (RSS): ${mb(peakRss)}`);
await benchImport(dir, Number(values['import-rows'] ?? 1_000_000));
rmSync(dir, { recursive: true, force: true });
