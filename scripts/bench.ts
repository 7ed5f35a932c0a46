/**
 * `npm run bench -- [--scale small|default|large] [--import-rows N]`: builds the sample company at
 * a scale, then prints how long the import took, how fast each method answers (its first call,
 * then p50/p95 over repeated calls, after the workspace is open), the process's peak memory, and import throughput
 * on an N-row CSV (default 5M, the size the goal is set for) against DuckDB's own read_csv, then
 * the import of a survey quarter and a CX quarter of the large sample against read_csv of the same
 * file, with where the import's time goes (scripts/benchSampleFiles.ts).
 * Figures, not pass/fail.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createSampleWorkspace } from '../src/main/engine/sampleWorkspace';
import type { SampleScale } from '../src/main/engine/sample';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'default' },
    calls: { type: 'string', default: '30' },
    'import-rows': { type: 'string', default: '5000000' },
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

const started = performance.now();
const importTimes: { file: string; rows: number; ms: number }[] = [];
let last = performance.now();
let generated = 0;
const created = await createSampleWorkspace({
  workspace,
  exportsDir: join(dir, 'exports'),
  seed: 42,
  scale,
  onExportsWritten: () => {
    last = performance.now();
    generated = last - started;
  },
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
  `sample generated in ${(generated / 1000).toFixed(1)} s and imported in ${((total - generated) / 1000).toFixed(1)} s; workspace ${mb(statSync(workspace).size)}`,
);
for (const t of importTimes) {
  console.log(
    `  import ${t.file.padEnd(34)} ${String(t.rows).padStart(9)} rows  ${ms(t.ms).padStart(10)}  ${t.rows ? Math.round(t.rows / (t.ms / 1000)).toLocaleString('en-GB') : '-'} rows/s`,
  );
}

// Method latency and import throughput each in a fresh process, as the app opens a workspace:
// not in this one, whose heap still holds the sample it just generated (its collections would be
// measured too).
const script = (name: string) => join(dirname(fileURLToPath(import.meta.url)), name);
const run = (name: string, args: string[]) => {
  const child = spawnSync(process.execPath, [...process.execArgv, script(name), ...args], {
    stdio: 'inherit',
  });
  if (child.status !== 0) throw new Error(`${name} failed`);
};
run('benchMethods.ts', [workspace, String(calls)]);
clearInterval(sampler);
console.log(`peak memory building the sample (RSS): ${mb(peakRss)}`);
run('benchImportOnly.ts', ['--rows', values['import-rows'], '--dir', dir]);
// A survey quarter and a CX quarter of the large sample, each against DuckDB's read_csv.
run('benchSampleFiles.ts', ['--dir', dir]);
run('benchStart.ts', [workspace]);
rmSync(dir, { recursive: true, force: true });
