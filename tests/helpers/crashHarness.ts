import { spawn } from 'node:child_process';
import {
  copyFileSync,
  createWriteStream,
  existsSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../../src/main/engine/engine';
import { queryRows, quoteIdent } from '../../src/main/engine/db/query';
import { openWorkspace } from '../../src/main/engine/workspace/workspace';
import { UPSTREAM_BIN } from './cli';

/**
 * The crash harness: runs the real `upstream import` in a child process, kills it with SIGKILL
 * at a chosen moment, reopens the workspace and says whether it holds all of the import or none
 * of it, then imports the same file again. Used by tests/unit/engine/importCrash.test.ts (a
 * small file, in `npm test`) and scripts/crashImport.ts (many kills, a large file).
 */

/** When to kill, counted from an event of the import, so that a slower machine shifts it alike. */
export type Trigger =
  /** ms after the process starts. */
  | { after: 'start'; ms: number }
  /** ms after the workspace file (or the partial file it is made in) first appears. */
  | { after: 'created'; ms: number }
  /** ms after the import printed its rows written (`writing`), before derived tables and commit. */
  | { after: 'written'; ms: number }
  /** ms after the workspace's files first change once the rows were written: the commit begins. */
  | { after: 'commit'; ms: number }
  /** ms after the .wal grows once the rows were written: a commit through the log (before the fix). */
  | { after: 'wal'; ms: number };

export interface Kill {
  /** Into a copy of a workspace that already holds data, or a path where none exists yet. */
  workspace: 'existing' | 'new';
  trigger: Trigger;
}

/** A table's row count and the sum of its rows' hashes, per table. */
export type Fingerprint = Record<string, string>;

export interface CrashSetup {
  dir: string;
  csv: string;
  rows: number;
  /** A workspace holding an earlier import whose rows the file partly replaces. */
  template: string;
  expected: {
    existing: { before: Fingerprint; after: Fingerprint };
    new: { before: Fingerprint; after: Fingerprint };
  };
  /** A clean import's timeline (ms after start), on this machine, for each kind of workspace. */
  timeline: { existing: Timeline; new: Timeline };
}

export interface Timeline {
  created?: number;
  written?: number;
  /** The first change on disk after the rows were written, and the last before the report. */
  commit?: number;
  committed?: number;
  /** When the .wal grew after the rows were written, and when it last grew before the report. */
  wal?: number;
  walWritten?: number;
  reported?: number;
  exited: number;
}

export type Outcome =
  'nothing' | 'everything' | 'no workspace' | { half: string[] } | { invalid: string };

export interface KillResult {
  kill: Kill;
  /** What the import had reached when the kill was sent: its last phase line, or `exited`. */
  landed: string;
  /** ms after start when the kill was sent (or the process exited, if before). */
  at: number;
  /** ms from the commit's first write on disk to the kill, when it had begun. */
  sinceCommit?: number;
  outcome: Outcome;
  /** Left beside the workspace after the kill (a .wal, a .staging folder...). */
  leftovers: string[];
  /** The same file imported again after the kill: its exit status and whether all is there. */
  reimport: { status: number | null; complete: boolean; stderr: string } | 'not tried';
  ok: boolean;
}

/**
 * A customer-feedback CSV like a CX export: `rows` responses r{first}..., one of 2,000 codes,
 * 12 months, NPS/CSAT/CES, a comment on every 50th. `shift` changes the answers, so a file that
 * repeats ids with another shift replaces those rows with other values.
 */
export async function writeCxCsv(
  path: string,
  rows: number,
  options: { first?: number; shift?: number } = {},
): Promise<void> {
  const first = options.first ?? 0;
  const shift = options.shift ?? 0;
  const out = createWriteStream(path);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write('response_id,responded_at,cx_code,channel,nps,csat,ces,comment\n');
  let chunk = '';
  for (let n = 0; n < rows; n++) {
    const i = first + n;
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    const hour = String(i % 24).padStart(2, '0');
    chunk += `r${i},2025-${month}-${day} ${hour}:15:00,ST-${i % 2000},${['store', 'phone', 'web', 'app'][i % 4]},${(i + shift) % 11},${1 + ((i + shift) % 5)},${1 + ((i + shift) % 7)},${i % 50 === 0 ? '"Great, thanks"' : ''}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve) => out.end(resolve));
}

// Columns that record when something happened, not what: they differ between two clean runs.
const WHEN_COLUMNS: Record<string, string[]> = {
  sources: ['imported_at'],
  mapping_profiles: ['created_at', 'updated_at'],
};
const WHEN_META_KEYS = "('created_at', 'updated_at')";

/**
 * Every table of the workspace, opened as Upstream opens it (a .wal is replayed), as row count
 * and the sum of each row's hash: the event rows, `sources`, the kept copies in `source_files`,
 * the derived tables, the quarantine, all of it. Null when no workspace file exists; throws when
 * the file does not open as a workspace.
 */
export async function fingerprint(path: string): Promise<Fingerprint | null> {
  if (!existsSync(path)) return null;
  const ws = await openWorkspace(path);
  try {
    const columns = await queryRows<{ table_name: string; column_name: string }>(
      ws.conn,
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'main' AND table_catalog = current_database()
         AND table_name IN (SELECT table_name FROM information_schema.tables
                            WHERE table_schema = 'main' AND table_type = 'BASE TABLE'
                              AND table_catalog = current_database())
       ORDER BY table_name, ordinal_position`,
    );
    const byTable = new Map<string, string[]>();
    for (const { table_name: table, column_name: column } of columns) {
      if (WHEN_COLUMNS[table]?.includes(column)) continue;
      byTable.set(table, [...(byTable.get(table) ?? []), quoteIdent(column)]);
    }
    const result: Fingerprint = {};
    for (const [table, cols] of byTable) {
      const where = table === 'meta' ? `WHERE key NOT IN ${WHEN_META_KEYS}` : '';
      const [row] = await queryRows<{ n: number; h: string }>(
        ws.conn,
        `SELECT count(*) AS n, CAST(coalesce(sum(hash(${cols.join(', ')})::HUGEINT), 0) AS VARCHAR) AS h
         FROM ${quoteIdent(table)} ${where}`,
      );
      result[table] = `${row!.n}:${row!.h}`;
    }
    return result;
  } finally {
    ws.close();
  }
}

function differing(a: Fingerprint, b: Fingerprint): string[] {
  const tables = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...tables].filter((t) => a[t] !== b[t]).sort();
}

function sameAs(a: Fingerprint, b: Fingerprint): boolean {
  return differing(a, b).length === 0;
}

/** Whether the state is one of the two allowed, and if not, which tables are between. */
export function classify(
  state: Fingerprint | null,
  expected: { before: Fingerprint; after: Fingerprint },
  workspace: Kill['workspace'],
): Outcome {
  if (state === null) return workspace === 'new' ? 'no workspace' : { invalid: 'file is gone' };
  if (sameAs(state, expected.before)) return 'nothing';
  if (sameAs(state, expected.after)) return 'everything';
  const fromBefore = differing(state, expected.before);
  const fromAfter = new Set(differing(state, expected.after));
  // A table that matches neither is the clearest sign; otherwise name those changed so far.
  const neither = fromBefore.filter((t) => fromAfter.has(t));
  return {
    half:
      neither.length > 0
        ? neither.map((t) => `${t} (neither)`)
        : fromBefore.map((t) => `${t} (changed)`),
  };
}

function leftovers(workspace: string): string[] {
  const dir = join(workspace, '..');
  const name = workspace.slice(dir.length + 1);
  return readdirSync(dir)
    .filter((f) => f.startsWith(name) && f !== name)
    .map((f) => f.slice(name.length));
}

function diskState(workspace: string): string {
  return [workspace, `${workspace}.wal`]
    .map((p) => (existsSync(p) ? `${statSync(p).size}@${statSync(p).mtimeMs}` : '-'))
    .join(' ');
}

interface Run {
  timeline: Timeline;
  landed: string;
  at: number;
  sinceCommit?: number;
  status: number | null;
  stderr: string;
}

/**
 * One `upstream import` of `csv` into `workspace`, killed when `trigger` fires (never, if
 * absent). The disk is watched every millisecond once the rows are written, to see the commit
 * begin.
 */
export function runImport(csv: string, workspace: string, trigger?: Trigger): Promise<Run> {
  const start = performance.now();
  const now = () => performance.now() - start;
  const child = spawn(
    process.execPath,
    [
      UPSTREAM_BIN,
      'import',
      csv,
      '--workspace',
      workspace,
      '--as',
      'customer_feedback',
      '--progress',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  const timeline: Partial<Timeline> = {};
  let stderr = '';
  let phase = 'starting';
  let killedAt: number | undefined;
  let landed = '';
  let killTimer: NodeJS.Timeout | undefined;
  const kill = () => {
    if (killedAt !== undefined || child.exitCode !== null || child.signalCode !== null) return;
    killedAt = now();
    landed = timeline.reported !== undefined ? 'reported' : phase;
    child.kill('SIGKILL');
  };
  const arm = (event: Trigger['after'], at: number) => {
    if (trigger?.after !== event || killTimer) return;
    killTimer = setTimeout(kill, Math.max(0, trigger.ms - (now() - at)));
  };
  if (trigger?.after === 'start') killTimer = setTimeout(kill, trigger.ms);

  let diskBefore: string | undefined;
  let walBefore = -1;
  const watch = setInterval(() => {
    // The workspace file, or the partial one a new workspace is made in (createWorkspaceFile).
    if (
      timeline.created === undefined &&
      (existsSync(workspace) || existsSync(`${workspace}.creating`))
    ) {
      timeline.created = now();
      arm('created', timeline.created);
    }
    if (diskBefore !== undefined && timeline.reported === undefined) {
      const wal = existsSync(`${workspace}.wal`) ? statSync(`${workspace}.wal`).size : -1;
      if (wal > walBefore) {
        walBefore = wal;
        timeline.walWritten = now();
        if (timeline.wal === undefined) {
          timeline.wal = timeline.walWritten;
          arm('wal', timeline.wal);
        }
      }
      const disk = diskState(workspace);
      if (disk !== diskBefore) {
        diskBefore = disk;
        timeline.committed = now();
        if (timeline.commit === undefined) {
          timeline.commit = timeline.committed;
          arm('commit', timeline.commit);
        }
      }
    }
  }, 1);

  child.stderr.setEncoding('utf8');
  let partial = '';
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
    partial += chunk;
    const lines = partial.split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      const match = /^\S+: (\w+)( \(\d+ rows\))?$/.exec(line);
      if (match) {
        phase = match[1]!;
        if (phase === 'writing' && timeline.written === undefined) {
          timeline.written = now();
          diskBefore = diskState(workspace);
          walBefore = existsSync(`${workspace}.wal`) ? statSync(`${workspace}.wal`).size : -1;
          arm('written', timeline.written);
        }
      } else if (line.includes(' as customer_feedback ') || line.includes(': unchanged')) {
        timeline.reported ??= now();
      }
    }
  });

  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearInterval(watch);
      clearTimeout(killTimer);
      const exited = now();
      resolve({
        timeline: { ...timeline, exited },
        landed: killedAt === undefined ? 'exited' : landed,
        at: killedAt ?? exited,
        ...(killedAt !== undefined && timeline.commit !== undefined && killedAt >= timeline.commit
          ? { sinceCommit: killedAt - timeline.commit }
          : {}),
        status: code,
        stderr,
      });
    });
  });
}

/** The import again, by the engine in this process: the same open, replay and import path. */
async function importInProcess(
  csv: string,
  workspace: string,
): Promise<{ status: number; stderr: string }> {
  try {
    const engine = await Engine.open(workspace, { create: true });
    try {
      await engine.importFile(csv, { kind: 'customer_feedback' });
    } finally {
      engine.close();
    }
    return { status: 0, stderr: '' };
  } catch (error) {
    return { status: 1, stderr: error instanceof Error ? error.message : String(error) };
  }
}

function removeWorkspace(path: string): void {
  for (const suffix of ['', '.wal', '.staging', '.tmp', '.creating'])
    rmSync(`${path}${suffix}`, { recursive: true, force: true });
}

/**
 * Writes the file and the workspace it is imported into, and works out the two allowed states
 * of each workspace: as it was (the template; a new, empty workspace) and after a clean import
 * of the file, made by the real command, whose timeline the kill plan is spread over.
 */
export async function prepareCrashRun(dir: string, rows: number): Promise<CrashSetup> {
  const csv = join(dir, `cx-${rows}.csv`);
  await writeCxCsv(csv, rows);
  // An earlier export: 1,000 responses, half of them repeated (with other answers) by the file.
  const earlier = join(dir, 'earlier.csv');
  await writeCxCsv(earlier, 1000, { first: rows - 500, shift: 3 });
  const template = join(dir, 'template.duckdb');
  const engine = await Engine.open(template, { create: true });
  await engine.importFile(earlier, { kind: 'customer_feedback' });
  engine.close();

  const empty = join(dir, 'empty.duckdb');
  (await openWorkspace(empty, { create: true })).close();

  const clean = join(dir, 'clean.duckdb');
  copyFileSync(template, clean);
  const existing = await runImport(csv, clean);
  const afterExisting = await fingerprint(clean);
  const fresh = join(dir, 'fresh.duckdb');
  const created = await runImport(csv, fresh);
  const afterNew = await fingerprint(fresh);
  for (const run of [existing, created])
    if (run.status !== 0) throw new Error(`the clean import failed: ${run.stderr}`);
  const result: CrashSetup = {
    dir,
    csv,
    rows,
    template,
    expected: {
      existing: { before: (await fingerprint(template))!, after: afterExisting! },
      new: { before: (await fingerprint(empty))!, after: afterNew! },
    },
    timeline: { existing: existing.timeline, new: created.timeline },
  };
  for (const path of [empty, clean, fresh]) removeWorkspace(path);
  return result;
}

/** One kill: a fresh copy of the workspace (or none), the import killed, the state checked. */
export async function runKill(
  setup: CrashSetup,
  kill: Kill,
  index: number,
  /** How the file is imported again after the kill: by the command (default), in process, or not. */
  options: { reimport?: 'cli' | 'engine' | 'skip' } = {},
): Promise<KillResult> {
  const workspace = join(setup.dir, `kill-${index}.duckdb`);
  removeWorkspace(workspace);
  if (kill.workspace === 'existing') copyFileSync(setup.template, workspace);
  const expected = setup.expected[kill.workspace];
  const run = await runImport(setup.csv, workspace, kill.trigger);
  const left = leftovers(workspace);
  let outcome: Outcome;
  try {
    outcome = classify(await fingerprint(workspace), expected, kill.workspace);
  } catch (error) {
    outcome = { invalid: error instanceof Error ? error.message : String(error) };
  }
  const reimport = options.reimport === 'skip' ? 'not tried' : await importAgain();
  removeWorkspace(workspace);
  return {
    kill,
    landed: run.landed,
    at: Math.round(run.at),
    ...(run.sinceCommit !== undefined ? { sinceCommit: run.sinceCommit } : {}),
    outcome,
    leftovers: left,
    reimport,
    ok: typeof outcome === 'string' && (reimport === 'not tried' || reimported(reimport)),
  };

  async function importAgain(): Promise<Exclude<KillResult['reimport'], 'not tried'>> {
    const again =
      options.reimport === 'engine'
        ? await importInProcess(setup.csv, workspace)
        : await runImport(setup.csv, workspace);
    let complete: boolean;
    try {
      const state = await fingerprint(workspace);
      complete = state !== null && sameAs(state, expected.after);
    } catch {
      complete = false;
    }
    return { status: again.status, complete, stderr: again.stderr.slice(-500) };
  }
}

function reimported(r: KillResult['reimport']): boolean {
  return r !== 'not tried' && r.status === 0 && r.complete;
}

function describeReimport(r: KillResult['reimport']): string {
  if (r === 'not tried') return 'not tried';
  return reimported(r) ? 'complete' : `FAILED (${r.status}) ${r.stderr}`;
}

/** `count` values spread evenly over [from, to), each moved at random within its own slot. */
function spread(count: number, from: number, to: number, random: () => number): number[] {
  const width = (to - from) / count;
  return Array.from({ length: count }, (_, i) => from + width * (i + random()));
}

/**
 * Kills spread over a whole import and dense around its commit: a tenth while a new workspace is
 * being created, a quarter at moments spread over the run, a fifth between the rows being
 * written and the commit, and the rest from the commit's first change on disk on, at delays
 * that grow (0, 0.5, 1, 2, ... ms, then evenly to twice its length, past its end).
 */
export function killPlan(setup: CrashSetup, count: number, random = Math.random): Kill[] {
  const existing = setup.timeline.existing;
  const created = setup.timeline.new;
  const nCreate = Math.max(2, Math.round(count * 0.1));
  const nSpread = Math.round(count / 4);
  const nWritten = Math.round(count / 5);
  const nCommit = count - nCreate - nSpread - nWritten;
  const createWindow = Math.max(20, (created.written ?? created.exited) - (created.created ?? 0));
  const commitAt = existing.commit ?? existing.reported ?? existing.exited;
  const beforeCommit = Math.max(5, commitAt - (existing.written ?? commitAt));
  // The commit's writes, from its first change on disk to its last: kills are densest there.
  const commitLength = Math.max(5, (existing.committed ?? existing.exited) - commitAt);
  const plan: Kill[] = [
    ...spread(nCreate, 0, createWindow, random).map((ms): Kill => ({
      workspace: 'new',
      trigger: { after: 'created', ms },
    })),
    // Most of a small import's first second is Node starting: spread over the rest.
    ...spread(nSpread, existing.exited * 0.3, existing.exited, random).map((ms): Kill => ({
      workspace: 'existing',
      trigger: { after: 'start', ms },
    })),
    ...spread(nWritten, 0, beforeCommit * 1.2, random).map((ms): Kill => ({
      workspace: 'existing',
      trigger: { after: 'written', ms },
    })),
  ];
  const early = [0, 0.5, 1, 2, 4, 8].filter((ms) => ms < commitLength).slice(0, nCommit >> 1);
  const rest = spread(nCommit - early.length, early.at(-1) ?? 0, commitLength * 2, random);
  for (const ms of [...early, ...rest])
    plan.push({ workspace: 'existing', trigger: { after: 'commit', ms } });
  return plan;
}

/**
 * Every kill in the commit's writes and just after, to look for a tear where it would be: over
 * the .wal's growth when the clean import wrote one, else over the commit's changes on disk.
 */
export function commitPlan(setup: CrashSetup, count: number, random = Math.random): Kill[] {
  const { commit, committed, wal, walWritten, exited } = setup.timeline.existing;
  const [after, from, to] =
    wal !== undefined
      ? (['wal', wal, walWritten ?? wal] as const)
      : (['commit', commit ?? exited, committed ?? exited] as const);
  const length = Math.max(5, to - from);
  return spread(count, 0, length * 1.3, random).map((ms) => ({
    workspace: 'existing',
    trigger: { after, ms },
  }));
}

function describeTrigger(t: Trigger): string {
  return `${t.after}+${t.ms.toFixed(1)}ms`;
}

function describeOutcome(o: Outcome): string {
  if (typeof o === 'string') return o;
  if ('half' in o) return `HALF: ${o.half.join(', ')}`;
  return `INVALID: ${o.invalid}`;
}

/** One kill as a line: its number, trigger, where it landed, what it left, the re-import. */
export function describeKill(r: KillResult, i: number): string {
  return `${String(i + 1).padStart(3)} ${r.kill.workspace.padEnd(8)} ${describeTrigger(r.kill.trigger).padEnd(18)} landed ${r.landed.padEnd(10)} at ${String(r.at).padStart(6)} ms${r.sinceCommit !== undefined ? ` (commit+${r.sinceCommit.toFixed(1)} ms)` : ''}: ${describeOutcome(r.outcome)}${r.leftovers.length ? ` [left ${r.leftovers.join(' ')}]` : ''}; re-import ${describeReimport(r.reimport)}`;
}

/** One line per kill, then the counts: where kills landed and what each left. */
export function summarise(results: KillResult[]): string {
  const lines = results.map(describeKill);
  const count = (key: (r: KillResult) => string) => {
    const counts = new Map<string, number>();
    for (const r of results) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
    return [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
  };
  const killed = results.filter((r) => r.landed !== 'exited');
  return [
    ...lines,
    `kills: ${killed.length} of ${results.length} runs (the others had exited first)`,
    `landed: ${count((r) => r.landed)}`,
    `in the commit (after its first write): ${results.filter((r) => r.sinceCommit !== undefined).length}`,
    `outcomes: ${count((r) => (typeof r.outcome === 'string' ? r.outcome : 'half' in r.outcome ? 'HALF' : 'INVALID'))}`,
    `re-imports complete: ${results.filter((r) => reimported(r.reimport)).length} of ${results.filter((r) => r.reimport !== 'not tried').length} tried`,
  ].join('\n');
}
