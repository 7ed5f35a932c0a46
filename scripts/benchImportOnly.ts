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
  rmSync(join(dir, 'import.duckdb'), { force: true });
  rmSync(join(dir, 'import.duckdb.wal'), { force: true });
  rmSync(join(dir, 'baseline.duckdb'), { force: true });
  rmSync(join(dir, 'baseline.duckdb.wal'), { force: true });
}
if (runs.length > 1) {
  const ratios = runs.map((r) => r.ratio).sort((a, b) => a - b);
  const best = runs.find((r) => r.ratio === ratios.at(-1))!;
  console.log(
    `best of ${runs.length}: ratio ${best.ratio.toFixed(2)}x (ours ${best.ours.toFixed(2)} s, duckdb ${best.duckdb.toFixed(2)} s), spread ${ratios[0]!.toFixed(2)}-${ratios.at(-1)!.toFixed(2)}x, peak RSS up to ${Math.max(...runs.map((r) => r.peakMb)).toFixed(0)} MB, re-import up to ${Math.max(...runs.map((r) => r.reimport)).toFixed(2)} s`,
  );
}
if (values.dir === undefined) rmSync(dir, { recursive: true, force: true });
