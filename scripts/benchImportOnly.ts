/**
 * `npx tsx scripts/benchImportOnly.ts [--rows N] [--runs K] [--dir DIR]`: only the import
 * throughput part of the benchmark (see benchImport.ts), repeated K times on the same file, with
 * the time of each import phase and the best run and spread. With --dir the CSV is kept there
 * and reused by the next invocation. Figures, not pass/fail.
 */
import { parseArgs } from 'node:util';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchImport, type BenchImportFigures } from './benchImport';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '5000000' },
    runs: { type: 'string', default: '1' },
    dir: { type: 'string' },
  },
});
const dir = values.dir ?? join(tmpdir(), `upstream-bench-import-${process.pid}`);
mkdirSync(dir, { recursive: true });
const runs: BenchImportFigures[] = [];
for (let run = 1; run <= Number(values.runs); run++) {
  console.log(`run ${run}`);
  runs.push(
    await benchImport(dir, Number(values.rows), {
      keepCsv: values.dir !== undefined,
      phases: true,
    }),
  );
  rmSync(join(dir, 'baseline.duckdb'), { force: true });
  rmSync(join(dir, 'baseline.duckdb.wal'), { force: true });
}
if (runs.length > 1) {
  // Other work on the machine slows either side of a run: compare each side's best run.
  const range = (values: number[], digits: number) =>
    `${Math.min(...values).toFixed(digits)}-${Math.max(...values).toFixed(digits)}`;
  const ours = Math.min(...runs.map((r) => r.ours));
  const duckdb = Math.min(...runs.map((r) => r.duckdb));
  const kept = Math.min(...runs.map((r) => r.oursKeepingCopy));
  console.log(
    `${runs.length} runs: best ours ${ours.toFixed(2)} s (keeping a copy ${kept.toFixed(2)} s), best duckdb ${duckdb.toFixed(2)} s, ratio of bests ${(duckdb / ours).toFixed(2)}x (keeping a copy ${(duckdb / kept).toFixed(2)}x); per run: ours ${range(
      runs.map((r) => r.ours),
      2,
    )} s, duckdb ${range(
      runs.map((r) => r.duckdb),
      2,
    )} s, ratio ${range(
      runs.map((r) => r.ratio),
      2,
    )}x (with the checkpoint after each ${range(
      runs.map((r) => r.durableRatio),
      2,
    )}x), peak RSS ${range(
      runs.map((r) => r.peakMb),
      0,
    )} MB, re-import ${range(
      runs.map((r) => r.reimport),
      2,
    )} s`,
  );
}
if (values.dir === undefined) rmSync(dir, { recursive: true, force: true });
