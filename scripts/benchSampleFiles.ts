/**
 * `npx tsx scripts/benchSampleFiles.ts [--dir DIR] [--prior N] [--runs K]`: the import speed of
 * real-shaped files against DuckDB's own reader on the same file in the same run. It writes the
 * large sample's exports (kept in DIR and reused when given), builds a workspace holding the
 * hierarchy, the item catalogue, the unit mapping and the N survey quarters before the measured
 * one (default 1), then imports into a copy of it the large sample's last survey quarter and its
 * last customer-feedback quarter, each timed step by step (src/main/engine/stepTimes.ts), and
 * times `CREATE TABLE t AS SELECT * FROM read_csv(file)` into a new DuckDB file. The ratio is
 * DuckDB's time over Upstream's (0.5: half DuckDB's speed). Figures, not pass/fail; run by
 * scripts/bench.ts.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import type { CanonicalKind } from '../src/main/engine/import/canonicalFormats';
import { queryOne } from '../src/main/engine/db/query';
import { Engine } from '../src/main/engine/engine';
import { writeSampleExports } from '../src/main/engine/sample';
import { recordStepTimes, type StepTime } from '../src/main/engine/stepTimes';
import type { ColumnMapping } from '../src/shared/imports';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    prior: { type: 'string', default: '1' },
    runs: { type: 'string', default: '1' },
  },
});
const dir = values.dir ?? join(tmpdir(), `upstream-bench-files-${process.pid}`);
const exportsDir = join(dir, 'large-exports');
const manifest = join(exportsDir, 'files.json');
mkdirSync(dir, { recursive: true });

interface SampleFile {
  path: string;
  kind: CanonicalKind;
}

async function sampleFiles(): Promise<SampleFile[]> {
  if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')) as SampleFile[];
  const t = performance.now();
  const written = await writeSampleExports({ seed: 42, scale: 'large', dir: exportsDir });
  const files = written.files.map((f) => ({ path: f.path, kind: f.kind }));
  writeFileSync(manifest, JSON.stringify(files));
  console.log(`large sample exports written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return files;
}

const files = await sampleFiles();
const ofKind = (kind: CanonicalKind) => files.filter((f) => f.kind === kind);
const csvSurveys = ofKind('survey_responses').filter((f) => f.path.endsWith('.csv'));
const survey = csvSurveys.at(-1)!;
const customers = ofKind('customer_feedback').at(-1)!;
const prior = csvSurveys.slice(0, -1).slice(-Number(values.prior));

// The workspace the measured files are imported into: what a quarter's import finds there.
const base = join(dir, 'base.duckdb');
rmSync(base, { force: true });
{
  const t = performance.now();
  const engine = await Engine.open(base, { create: true });
  try {
    for (const file of [
      ...ofKind('org_units'),
      ...ofKind('survey_items'),
      ...ofKind('unit_mapping'),
      ...prior,
    ])
      await engine.importFile(file.path, { kind: file.kind });
  } finally {
    engine.close();
  }
  console.log(
    `workspace before the measured imports (hierarchy, items, unit mapping, ${prior.map((f) => basename(f.path)).join(', ') || 'no survey'}) built in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
}

/** The file as DuckDB's reader can take it: it reads UTF-8 (and Latin-1), not Windows-1252. */
function utf8Copy(file: SampleFile): string {
  const bytes = readFileSync(file.path);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (!text.includes('\uFFFD')) return file.path;
  const copy = join(dir, `utf8-${basename(file.path)}`);
  writeFileSync(copy, new TextDecoder('windows-1252').decode(bytes));
  return copy;
}

/** Seconds of CPU this process (every DuckDB thread included) spent since `since`. */
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

async function duckdbReadCsv(path: string): Promise<{ seconds: number; cpu: number }> {
  const db = join(dir, 'baseline.duckdb');
  rmSync(db, { force: true });
  const instance = await DuckDBInstance.create(db);
  const conn = await instance.connect();
  try {
    const t = performance.now();
    const cpu = process.cpuUsage();
    await conn.run(`CREATE TABLE t AS SELECT * FROM read_csv('${path.replaceAll("'", "''")}')`);
    return { seconds: (performance.now() - t) / 1000, cpu: cpuSeconds(cpu) };
  } finally {
    conn.closeSync();
    instance.closeSync();
    rmSync(db, { force: true });
  }
}

interface Measured {
  seconds: number;
  cpu: number;
  rows: number;
  steps: StepTime[];
  /** The mapping the import used, as the sources table keeps it. */
  mapping: ColumnMapping;
}

async function upstreamImport(file: SampleFile, mapping?: ColumnMapping): Promise<Measured> {
  const workspace = join(dir, 'measured.duckdb');
  rmSync(workspace, { force: true });
  copyFileSync(base, workspace);
  const engine = await Engine.open(workspace);
  try {
    const stop = recordStepTimes();
    const t = performance.now();
    const cpu = process.cpuUsage();
    const report = await engine
      .importFile(file.path, mapping ? { mapping } : { kind: file.kind })
      .finally(stop);
    const seconds = (performance.now() - t) / 1000;
    const used = await queryOne<{ mapping_json: string }>(
      engine.ws.conn,
      'SELECT mapping_json FROM sources ORDER BY source_id DESC LIMIT 1',
    );
    return {
      seconds,
      cpu: cpuSeconds(cpu),
      rows: report.rowsRead,
      steps: stop(),
      mapping: JSON.parse(used!.mapping_json) as ColumnMapping,
    };
  } finally {
    engine.close();
    rmSync(workspace, { force: true });
  }
}

/** Steps in the order they began, a step's parts under it, each step summed over its repeats. */
function stepLines(steps: StepTime[], total: number): string[] {
  const lines: string[] = [];
  // Recorded as they ended (parts before their step): reversed per level they read top-down.
  const ordered = orderSteps(steps);
  const merged = new Map<string, { depth: number; ms: number }>();
  for (const s of ordered) {
    const key = `${s.depth}:${s.step}`;
    const m = merged.get(key);
    if (m) m.ms += s.ms;
    else merged.set(key, { depth: s.depth, ms: s.ms });
  }
  let top = 0;
  for (const [key, m] of merged) {
    if (m.depth === 0) top += m.ms;
    const name = key.slice(key.indexOf(':') + 1);
    lines.push(`${'  '.repeat(m.depth + 2)}${name} ${(m.ms / 1000).toFixed(2)} s`);
  }
  lines.push(`    other (checks between steps, cleaning up) ${(total - top / 1000).toFixed(2)} s`);
  return lines;
}

/** Each step before its parts (they are recorded first, as they end first). */
function orderSteps(steps: StepTime[]): StepTime[] {
  const out: StepTime[] = [];
  const pending: StepTime[][] = [];
  for (const s of steps) {
    const parts: StepTime[] = [];
    while (pending.length > 0 && pending.at(-1)![0]!.depth > s.depth)
      parts.unshift(...pending.pop()!);
    pending.push([s, ...parts]);
  }
  for (const group of pending) out.push(...group);
  return out;
}

/** Per file, the mapping its last measured import used. */
const mappings = new Map<string, ColumnMapping>();
const mb = (path: string) => `${(statSync(path).size / 1024 / 1024).toFixed(1)} MB`;
console.log(
  'sample files (large scale): Upstream import against DuckDB read_csv of the same file into a new table, same run',
);
for (const [label, file, goal, given] of [
  ['survey quarter', survey, 0.5, false],
  ['customer feedback', customers, 0.7, false],
  // What the app's import does: the mapping confirmed on the preview screen comes with the file.
  ['customer feedback, mapping given', customers, 0.7, true],
] as const) {
  const readable = utf8Copy(file);
  for (let run = 1; run <= Number(values.runs); run++) {
    const ours = await upstreamImport(file, given ? mappings.get(file.path) : undefined);
    mappings.set(file.path, ours.mapping);
    const duckdb = await duckdbReadCsv(readable);
    console.log(
      `  ${label} ${basename(file.path)} (${ours.rows.toLocaleString('en-GB')} rows, ${mb(file.path)}): upstream ${ours.seconds.toFixed(2)} s, duckdb read_csv ${duckdb.seconds.toFixed(2)} s${readable === file.path ? '' : ' (on a UTF-8 copy)'}, ratio ${(duckdb.seconds / ours.seconds).toFixed(3)}x   goal >= ${goal}x`,
    );
    // On a busy machine wall time swings with the other work; CPU time much less.
    console.log(
      `    CPU time (every thread): upstream ${ours.cpu.toFixed(2)} s, duckdb ${duckdb.cpu.toFixed(2)} s, ratio ${(duckdb.cpu / ours.cpu).toFixed(3)}x`,
    );
    for (const line of stepLines(ours.steps, ours.seconds)) console.log(line);
  }
}
rmSync(base, { force: true });
if (values.dir === undefined) rmSync(dir, { recursive: true, force: true });
