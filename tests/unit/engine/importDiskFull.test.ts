import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryOne } from '../../../src/main/engine/db/query';
import { importFile } from '../../../src/main/engine/import/importFile';
import { openWorkspace, type Workspace } from '../../../src/main/engine/workspace/workspace';
import { makeTempDir } from '../../helpers/tempDir';

/**
 * An import that fills the disk fails with a clear error and leaves the workspace as it was.
 * For real: the workspace on a 16 MB tmpfs (needs root, as on the CI machines; skipped with the
 * reason otherwise), filled once while the file is copied in for reading and once while DuckDB
 * writes the rows. Simulated: the staging copy fails with ENOSPC, wherever the tests run.
 */
const copies = vi.hoisted(() => ({ fail: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const full = () =>
    Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  return {
    ...actual,
    link: (...args: Parameters<typeof actual.link>) =>
      copies.fail ? Promise.reject(full()) : actual.link(...args),
    copyFile: (...args: Parameters<typeof actual.copyFile>) =>
      copies.fail ? Promise.reject(full()) : actual.copyFile(...args),
  };
});

const HEADER = 'response_id,responded_at,cx_code,nps';

function feedback(rows: number, prefix: string): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++)
    lines.push(
      `${prefix}${i}-${'x'.repeat(20)},2025-07-0${1 + (i % 9)} 10:00:00,S${i % 50},${i % 11}`,
    );
  return `${lines.join('\n')}\n`;
}

async function contents(ws: Workspace): Promise<string> {
  const counts = [];
  for (const table of ['sources', 'source_files', 'quarantine', 'customer_feedback'])
    counts.push((await queryOne<{ n: number }>(ws.conn, `SELECT count(*) AS n FROM ${table}`))!.n);
  return counts.join(',');
}

function tryMount(dir: string): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return (error as Error).message.split('\n')[0]!;
  }
}

describe('a full disk', () => {
  const temp = makeTempDir();
  const disk = join(temp.path, 'disk');
  let mounted = false;
  let ws: Workspace;

  beforeAll(async () => {
    execFileSync('mkdir', ['-p', disk]);
    const why = tryMount(disk);
    mounted = why === null;
    if (!mounted)
      console.log(`full-disk test on a real file system skipped: cannot mount a tmpfs (${why})`);
    ws = await openWorkspace(join(mounted ? disk : temp.path, 'ws.duckdb'), { create: true });
    const small = join(temp.path, 'small.csv');
    writeFileSync(small, feedback(3, 's'));
    await importFile(ws, small, { kind: 'customer_feedback' });
  });
  afterAll(() => {
    ws.close();
    if (mounted) execFileSync('umount', [disk]);
    temp.remove();
  });

  it('while the file is copied in for reading (simulated): a clear error, nothing changed', async () => {
    const before = await contents(ws);
    const path = join(temp.path, 'cx_simulated.csv');
    writeFileSync(path, feedback(100, 'f'));
    copies.fail = true;
    try {
      await expect(importFile(ws, path, { kind: 'customer_feedback' })).rejects.toThrow(
        /^cx_simulated\.csv: not imported, the disk is full \(there was no room to copy it beside the workspace for reading\)\..*the workspace is unchanged\.$/,
      );
    } finally {
      copies.fail = false;
    }
    expect(await contents(ws)).toBe(before);
  });

  it('while the file is copied in for reading (a real tmpfs)', async () => {
    if (!mounted) return;
    const before = await contents(ws);
    // 13 MB from another disk: no hard link, and no room for a copy.
    const path = join(temp.path, 'cx_large.csv');
    writeFileSync(path, feedback(270_000, 'l'));
    await expect(importFile(ws, path, { kind: 'customer_feedback' })).rejects.toThrow(
      /^cx_large\.csv: not imported, the disk is full \(there was no room to copy it beside/,
    );
    expect(await contents(ws)).toBe(before);
  });

  it('while DuckDB writes the rows (a real tmpfs), and the workspace still works and reopens', async () => {
    if (!mounted) return;
    const before = await contents(ws);
    // On the same disk the file is hard-linked for reading; its rows then do not fit.
    const path = join(disk, 'cx_inside.csv');
    writeFileSync(path, feedback(180_000, 'i'));
    await expect(importFile(ws, path, { kind: 'customer_feedback' })).rejects.toThrow(
      /^cx_inside\.csv: not imported, the disk is full \(there was no room to write it into the workspace\)/,
    );
    expect(await contents(ws)).toBe(before);
    const reopened = await openWorkspace(ws.path);
    try {
      expect(await contents(reopened)).toBe(before);
    } finally {
      reopened.close();
    }
  });
});
