import { spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/main/engine/workspace/workspace';
import { UPSTREAM_BIN, upstream } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/tempDir';

const errorOf = (stderr: string) => JSON.parse(stderr.trim().split('\n').pop()!).error;

/** Runs `upstream` with its stdout closed before it writes, as `upstream ... | head` ends. */
function withClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [UPSTREAM_BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stderr })));
}

const HEADER = 'response_id,responded_at,cx_code,nps';
const CX = `${HEADER}\nr1,2025-07-01 10:00:00,S1,9\nr2,2025-07-02 10:00:00,S2,3\n`;

describe('command-line messages that send users the right way', () => {
  const temp = makeTempDir();
  const ws = join(temp.path, 'w.duckdb');
  beforeAll(async () => {
    (await openWorkspace(ws, { create: true })).close();
  });
  afterAll(() => temp.remove());

  it('a closed stdout (upstream methods | head) ends the command quietly, no EPIPE trace', async () => {
    for (const args of [['methods'], ['call', 'info', '--workspace', ws]]) {
      const result = await withClosedStdout(args);
      expect({ args, ...result }).toEqual({ args, code: 0, stderr: '' });
    }
  }, 180_000);

  it('a failed import into a new workspace path leaves no workspace, .wal or .staging behind', () => {
    const dir = join(temp.path, 'fresh');
    mkdirSync(dir);
    const bad = join(temp.path, 'broken.csv');
    writeFileSync(bad, 'cx_code\nS-A\n');
    const target = join(dir, 'q3.duckdb');
    const result = upstream(['import', bad, '--as', 'unit_mapping', '--workspace', target]);
    expect(result.status).toBe(1);
    expect(errorOf(result.stderr)).toEqual({
      code: 'IMPORT_ERROR',
      message: `broken.csv: row 1 (the header) lacks the column unit_id that a unit_mapping file needs, and no column could be matched to it. Columns found: cx_code. Say which column holds it, or give one value for the whole file, e.g. --map unit_id=COLUMN\nTry: upstream import ${bad} --as unit_mapping --workspace ${target} --map unit_id=COLUMN`,
      hint: ['--map', 'unit_id=COLUMN'],
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a failed import into an existing workspace keeps it', () => {
    const pdf = join(temp.path, 'report.pdf');
    writeFileSync(pdf, '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n');
    const result = upstream(['import', pdf, '--workspace', ws]);
    expect(errorOf(result.stderr)).toEqual({
      code: 'IMPORT_ERROR',
      message: 'report.pdf: is a PDF document, not data: export the report as CSV or XLSX instead.',
    });
    expect(existsSync(ws)).toBe(true);
    // The refused file left no staging folder.
    expect(readdirSync(temp.path).filter((f) => f.startsWith('w.duckdb'))).toEqual(['w.duckdb']);
  });

  it('a workspace folder that cannot be written is named, not the source file', async () => {
    const shared = join(temp.path, 'shared');
    mkdirSync(shared);
    const target = join(shared, 'team.duckdb');
    const source = join(temp.path, 'cx.csv');
    writeFileSync(source, CX);
    (await openWorkspace(target, { create: true })).close();
    // Root writes anywhere: as root, the command runs as nobody, who owns the workspace file only.
    const asRoot = process.getuid?.() === 0;
    chmodSync(temp.path, 0o755);
    if (asRoot) chownSync(target, NOBODY, NOBODY);
    chmodSync(shared, 0o555);
    try {
      const result = await run(
        ['import', source, '--as', 'customer_feedback', '--workspace', target],
        asRoot ? NOBODY : undefined,
      );
      expect(result.code).toBe(1);
      expect(errorOf(result.stderr)).toEqual({
        code: 'IMPORT_ERROR',
        message: `cx.csv: not imported, the workspace folder ${shared} is not writable (Upstream writes beside the workspace while it imports). Move the workspace to a folder you can write to, or ask for write access to this one; the workspace is unchanged.`,
      });
    } finally {
      chmodSync(shared, 0o755);
    }
  }, 180_000);
});

const NOBODY = 65534;

/** Runs `upstream`, as another user when `uid` is given. */
function run(args: string[], uid?: number): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [UPSTREAM_BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(uid === undefined ? {} : { uid, gid: uid, env: { ...process.env, HOME: '/tmp' } }),
  });
  let stderr = '';
  child.stdout.resume();
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stderr })));
}
