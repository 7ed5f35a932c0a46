import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const UPSTREAM_BIN = join(PROJECT_ROOT, 'bin/upstream.mjs');
/** Everything the UI scripts build or write lives here (git-ignored). */
export const BENCH_DIR = join(PROJECT_ROOT, '.tmp/bench-ui');

export type Scale = 'small' | 'default' | 'large';

export interface SampleSize {
  scale: Scale;
  seed: number;
  /** Org units in the latest hierarchy (company included), and how many at each level. */
  units: number | null;
  unitsByLevel: Record<string, number>;
  /** The company's headcount in the latest hierarchy. */
  headcount: number | null;
  /** Survey respondents over every period (rows of survey_respondents), and in the latest. */
  respondents: number | null;
  respondentsLatest: number | null;
  /** Customer feedback responses over every period. */
  customerResponses: number | null;
  contactInteractions: number | null;
  periods: string[];
}

export interface Sample {
  workspace: string;
  /** Seconds the build took, or null when a cached one was used. */
  builtInSeconds: number | null;
  size: SampleSize;
}

/** The scales `upstream sample` offers, read from its usage text (largest last). */
export function availableScales(): Scale[] {
  const usage = spawnSync(process.execPath, [UPSTREAM_BIN, '--help'], { encoding: 'utf8' });
  const match = /--scale ([a-z|]+)/.exec(`${usage.stdout}${usage.stderr}`);
  const listed = match?.[1]?.split('|') ?? ['small', 'default'];
  const order: Scale[] = ['small', 'default', 'large'];
  return order.filter((s) => listed.includes(s));
}

export function callUpstream(method: string, workspace: string, args?: unknown): unknown {
  const argv = [UPSTREAM_BIN, 'call', method, '--workspace', workspace];
  if (args !== undefined) argv.push('--args', JSON.stringify(args));
  const result = spawnSync(process.execPath, argv, {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (result.status !== 0) throw new Error(`upstream call ${method} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as unknown;
}

interface Info {
  periods?: { id: string; surveyResponses?: number; customerResponses?: number }[];
  tables?: { name: string; rows: number }[];
}
interface Hierarchy {
  units?: { level: string; depth: number; headcount?: number | null }[];
}

function measureSize(workspace: string, scale: Scale, seed: number): SampleSize {
  const info = callUpstream('info', workspace) as Info;
  const rows = (name: string) => info.tables?.find((t) => t.name === name)?.rows ?? null;
  const periods = info.periods ?? [];
  const units = (callUpstream('hierarchy', workspace) as Hierarchy).units ?? [];
  const unitsByLevel: Record<string, number> = {};
  for (const u of units) unitsByLevel[u.level] = (unitsByLevel[u.level] ?? 0) + 1;
  return {
    scale,
    seed,
    units: units.length || null,
    unitsByLevel,
    headcount: units.find((u) => u.depth === 0)?.headcount ?? null,
    respondents: rows('survey_respondents'),
    respondentsLatest: periods.at(-1)?.surveyResponses ?? null,
    customerResponses: rows('customer_feedback'),
    contactInteractions: rows('contact_interactions'),
    periods: periods.map((p) => p.id),
  };
}

/**
 * The sample company at a scale, built once by the real `upstream sample` command and kept under
 * .tmp/bench-ui/<scale>-<seed>/ (a `ready` file marks a finished build; delete the folder or pass
 * rebuild to build it again). Its size is measured once by `upstream call info` and kept beside it.
 */
export async function ensureSample(
  scale: Scale,
  seed = 42,
  options: { rebuild?: boolean; log?: (line: string) => void } = {},
): Promise<Sample> {
  const log = options.log ?? ((l: string) => console.log(l));
  const dir = join(BENCH_DIR, `${scale}-${seed}`);
  const workspace = join(dir, 'sample.duckdb');
  const ready = join(dir, 'ready');
  const sizeFile = join(dir, 'size.json');
  let builtInSeconds: number | null = null;
  if (options.rebuild) rmSync(dir, { recursive: true, force: true });
  if (!existsSync(ready) || !existsSync(workspace)) {
    mkdirSync(dir, { recursive: true });
    const building = join(dir, 'building.duckdb');
    rmSync(building, { force: true });
    rmSync(`${building}.wal`, { force: true });
    const exportsDir = join(dir, 'exports');
    rmSync(exportsDir, { recursive: true, force: true });
    log(`building the ${scale} sample (seed ${seed}) in ${dir} (cached for next time)...`);
    const started = performance.now();
    await new Promise<void>((done, fail) => {
      const child = spawn(
        process.execPath,
        [
          UPSTREAM_BIN,
          'sample',
          '--workspace',
          building,
          '--exports',
          exportsDir,
          '--scale',
          scale,
          '--seed',
          String(seed),
        ],
        { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
      );
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString();
        for (const line of c.toString().split('\n')) if (line.trim()) log(`  ${line.trim()}`);
      });
      child.stdout.resume();
      child.once('error', fail);
      child.once('exit', (code) =>
        code === 0 ? done() : fail(new Error(`upstream sample exited with ${code}: ${stderr}`)),
      );
    });
    builtInSeconds = (performance.now() - started) / 1000;
    renameSync(building, workspace);
    if (existsSync(`${building}.wal`)) renameSync(`${building}.wal`, `${workspace}.wal`);
    // The exports are only the build's input; the workspace holds what the app reads.
    rmSync(exportsDir, { recursive: true, force: true });
    rmSync(sizeFile, { force: true });
    writeFileSync(ready, new Date().toISOString());
  }
  let size: SampleSize;
  if (existsSync(sizeFile)) size = JSON.parse(readFileSync(sizeFile, 'utf8')) as SampleSize;
  else {
    size = measureSize(workspace, scale, seed);
    writeFileSync(sizeFile, JSON.stringify(size, null, 2));
  }
  return { workspace, builtInSeconds, size };
}

export function describeSample(s: SampleSize): string {
  const n = (v: number | null) => (v === null ? '?' : v.toLocaleString('en-GB'));
  const levels = Object.entries(s.unitsByLevel)
    .map(([level, count]) => `${count} ${level}`)
    .join(', ');
  return (
    `${s.scale} (seed ${s.seed}): ${n(s.units)} org units (${levels}), headcount ${n(s.headcount)}; ` +
    `${n(s.respondents)} survey respondents over ${s.periods.length} quarters (${n(s.respondentsLatest)} in ${s.periods.at(-1) ?? '?'}); ` +
    `${n(s.customerResponses)} customer responses; ${n(s.contactInteractions)} contact-centre interactions`
  );
}
