/**
 * Import throughput against DuckDB's own reader: writes an N-row customer-feedback CSV, imports
 * it through Upstream's pipeline (hash, read, map, validate, quarantine, apply, keep a copy),
 * then times `CREATE TABLE AS SELECT * FROM read_csv(...)` on the same file in a plain DuckDB, and
 * a re-import of the unchanged file. Prints figures; run by scripts/bench.ts.
 */
import { createWriteStream, existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { Engine } from '../src/main/engine/engine';

async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write('response_id,responded_at,cx_code,channel,nps,csat,ces,comment\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    chunk += `r${i},2025-${month}-${day} ${String(i % 24).padStart(2, '0')}:15:00,ST-${i % 2000},${['store', 'phone', 'web', 'app'][i % 4]},${i % 11},${1 + (i % 5)},${1 + (i % 7)},${i % 50 === 0 ? '"Great, thanks"' : ''}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve) => out.end(resolve));
}

export interface BenchImportOptions {
  /** Keep the generated CSV (and reuse one already there) so repeated runs skip writing it. */
  keepCsv?: boolean;
  /** Print how long each import phase took. */
  phases?: boolean;
}

export interface BenchImportFigures {
  ours: number;
  duckdb: number;
  ratio: number;
  reimport: number;
  peakMb: number;
}

export async function benchImport(
  dir: string,
  rows: number,
  options: BenchImportOptions = {},
): Promise<BenchImportFigures> {
  const csv = join(dir, `customers-${rows}.csv`);
  if (!options.keepCsv || !existsSync(csv)) await writeCsv(csv, rows);
  const mb = (statSync(csv).size / 1024 / 1024).toFixed(0);
  console.log(`import throughput: ${rows.toLocaleString('en-GB')} rows, ${mb} MB CSV`);

  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const engine = await Engine.open(join(dir, 'import.duckdb'), { create: true });
  const t0 = performance.now();
  const phases: { phase: string; at: number }[] = [];
  const report = await engine.importFile(
    csv,
    { kind: 'customer_feedback' },
    {
      onProgress: (p) => {
        if (phases.at(-1)?.phase !== p.phase)
          phases.push({ phase: p.phase, at: performance.now() });
      },
    },
  );
  const ours = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const t1 = performance.now();
  const again = await engine.importFile(csv, { kind: 'customer_feedback' });
  const reimport = (performance.now() - t1) / 1000;
  engine.close();

  const instance = await DuckDBInstance.create(join(dir, 'baseline.duckdb'));
  const conn = await instance.connect();
  const t2 = performance.now();
  await conn.run(`CREATE TABLE t AS SELECT * FROM read_csv('${csv.replaceAll("'", "''")}')`);
  const baseline = (performance.now() - t2) / 1000;
  conn.closeSync();
  instance.closeSync();

  console.log(
    `  upstream import        ${ours.toFixed(2)} s  ${Math.round(rows / ours).toLocaleString('en-GB')} rows/s  (${report.rowsImported} imported, ${report.rowsQuarantined} quarantined)`,
  );
  console.log(
    `  duckdb read_csv        ${baseline.toFixed(2)} s  ${Math.round(rows / baseline).toLocaleString('en-GB')} rows/s`,
  );
  console.log(`  ratio (ours/duckdb throughput) ${(baseline / ours).toFixed(2)}x   goal >= 0.7x`);
  console.log(`  re-import unchanged    ${reimport.toFixed(2)} s (${again.status})   goal < 1 s`);
  console.log(
    `  peak memory during import (RSS) ${(peak / 1024 / 1024).toFixed(0)} MB   goal < 1536 MB`,
  );
  if (options.phases) {
    // Each phase lasts from its first progress event to the next phase's.
    const marks = [...phases, { phase: 'end', at: t0 + ours * 1000 }];
    console.log(
      `  phases (s): ${marks
        .slice(0, -1)
        .map((m, i) => `${m.phase} ${((marks[i + 1]!.at - m.at) / 1000).toFixed(2)}`)
        .join(', ')}`,
    );
  }
  if (!options.keepCsv) rmSync(csv, { force: true });
  return {
    ours,
    duckdb: baseline,
    ratio: baseline / ours,
    reimport,
    peakMb: peak / 1024 / 1024,
  };
}
