/**
 * `npx tsx scripts/benchImportOnly.ts [--rows N] [--runs K] [--keep-csv DIR]`: only the import
 * throughput part of the benchmark (see benchImport.ts), repeated K times on the same file, with
 * the time of each import phase. Figures, not pass/fail.
 */
import { parseArgs } from 'node:util';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchImport } from './benchImport';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '5000000' },
    runs: { type: 'string', default: '1' },
    dir: { type: 'string' },
  },
});
const dir = values.dir ?? join(tmpdir(), `upstream-bench-import-${process.pid}`);
mkdirSync(dir, { recursive: true });
for (let run = 1; run <= Number(values.runs); run++) {
  console.log(`run ${run}`);
  await benchImport(dir, Number(values.rows), { keepCsv: values.dir !== undefined, phases: true });
  rmSync(join(dir, 'import.duckdb'), { force: true });
  rmSync(join(dir, 'import.duckdb.wal'), { force: true });
  rmSync(join(dir, 'baseline.duckdb'), { force: true });
  rmSync(join(dir, 'baseline.duckdb.wal'), { force: true });
}
if (values.dir === undefined) rmSync(dir, { recursive: true, force: true });
