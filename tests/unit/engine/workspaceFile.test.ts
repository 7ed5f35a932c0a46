import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryOne } from '../../../src/main/engine/db/query';
import { CURRENT_SCHEMA_VERSION } from '../../../src/main/engine/workspace/schema';
import { openWorkspace } from '../../../src/main/engine/workspace/workspace';
import { assertWorkspaceFile } from '../../../src/main/engine/workspace/workspaceFile';
import { UPSTREAM_BIN } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/tempDir';

/** Over 2 GiB, the most Node reads into one buffer. */
const BIG = 2_200_000_000;
/** The disk space a sparse file of BIG bytes may take: its real data, not its length. */
const SPARSE_LIMIT = 64 * 1024 * 1024;

const diskBytes = (path: string) => statSync(path).blocks * 512;
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

async function newWorkspace(path: string): Promise<void> {
  (await openWorkspace(path, { create: true })).close();
}

describe('what can be opened as a workspace', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('a workspace over 2 GiB opens: only its header is read (a sparse file, no 2 GB written)', async () => {
    const path = join(temp.path, 'big.duckdb');
    await newWorkspace(path);
    // DuckDB's blocks past the end of what it wrote are free space: zeros read as unused.
    truncateSync(path, BIG);
    expect(diskBytes(path)).toBeLessThan(SPARSE_LIMIT);
    const ws = await openWorkspace(path);
    try {
      const version = await queryOne<{ value: string }>(
        ws.conn,
        "SELECT value FROM meta WHERE key = 'schema_version'",
      );
      expect(version?.value).toBe(String(CURRENT_SCHEMA_VERSION));
    } finally {
      ws.close();
    }
    expect(diskBytes(path)).toBeLessThan(SPARSE_LIMIT);
  });

  it('the format check reads a 2.2 GB file header only: a DuckDB header passes, anything else is refused', async () => {
    const real = join(temp.path, 'real.duckdb');
    await newWorkspace(real);
    const header = Buffer.alloc(4096);
    const source = openSync(real, 'r');
    readSync(source, header, 0, header.length, 0);
    closeSync(source);
    const headed = join(temp.path, 'headed.duckdb');
    const fd = openSync(headed, 'w');
    writeSync(fd, header);
    closeSync(fd);
    truncateSync(headed, BIG);
    expect(() => assertWorkspaceFile(headed)).not.toThrow();

    const zeros = join(temp.path, 'zeros.duckdb');
    writeFileSync(zeros, '');
    truncateSync(zeros, BIG);
    expect(() => assertWorkspaceFile(zeros)).toThrow(
      `${zeros} is not an Upstream workspace (not a DuckDB database file). Open a .duckdb workspace, or create one with: upstream sample --workspace ${join(temp.path, 'zeros-workspace.duckdb')}`,
    );
    expect(diskBytes(headed) + diskBytes(zeros)).toBeLessThan(SPARSE_LIMIT);
  });

  it('a file that is not a database is refused with a new name to create, not name.duckdb.duckdb', async () => {
    const notes = join(temp.path, 'notes.txt');
    writeFileSync(notes, 'meeting notes\n'.repeat(10));
    await expect(openWorkspace(notes)).rejects.toThrow(
      `${notes} is not an Upstream workspace (not a DuckDB database file). Open a .duckdb workspace, or create one with: upstream sample --workspace ${join(temp.path, 'notes.duckdb')}`,
    );
    const named = join(temp.path, 'board.duckdb');
    writeFileSync(named, 'meeting notes\n'.repeat(10));
    await expect(openWorkspace(named)).rejects.toThrow(
      `${named} is not an Upstream workspace (not a DuckDB database file). Open a .duckdb workspace, or create one with: upstream sample --workspace ${join(temp.path, 'board-workspace.duckdb')}`,
    );
  });

  it('a folder given as the workspace is refused naming it', async () => {
    const folder = join(temp.path, 'exports');
    mkdirSync(folder);
    for (const create of [false, true])
      await expect(openWorkspace(folder, { create })).rejects.toThrow(
        `${folder} is a folder, not a workspace file: name a .duckdb file, e.g. ${join(folder, 'workspace.duckdb')}`,
      );
  });

  it('a FIFO given as the workspace is refused at once, never opened for reading', () => {
    const fifo = join(temp.path, 'pipe.duckdb');
    spawnSync('mkfifo', [fifo]);
    expect(statSync(fifo).isFIFO()).toBe(true);
    // In a child process: reading a FIFO blocks the whole process until a writer comes.
    const result = spawnSync(
      process.execPath,
      [UPSTREAM_BIN, 'call', 'info', '--workspace', fifo],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stderr.trim().split('\n').pop()!).error).toEqual({
      code: 'WORKSPACE_ERROR',
      message: `${fifo} is a named pipe (FIFO), not a workspace file: name a .duckdb file.`,
    });
  }, 180_000);

  it('a damaged workspace is called damaged, not open elsewhere, and is left as it was', async () => {
    const path = join(temp.path, 'damaged.duckdb');
    await newWorkspace(path);
    const bytes = readFileSync(path);
    // Keep DuckDB's header; scramble the blocks after it (DuckDB's messages then say "block").
    for (let i = 3 * 4096; i < bytes.length; i++) bytes[i] = (i * 7) & 255;
    writeFileSync(path, bytes);
    const before = sha(path);
    await expect(openWorkspace(path)).rejects.toThrow(
      new RegExp(
        `^${escape(path)} is damaged and cannot be opened \\(IO Error: Corrupt database file: [^)]* block [^)]*\\)\\. Open a backup copy of the workspace, or create a new one and import the source files again; the file was not changed\\.$`,
      ),
    );
    expect(sha(path)).toBe(before);
  });

  it('a workspace another process holds is reported as open elsewhere', async () => {
    const path = join(temp.path, 'held.duckdb');
    await newWorkspace(path);
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { DuckDBInstance } from '@duckdb/node-api';
         await DuckDBInstance.create(${JSON.stringify(path)});
         console.log('holding');
         setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], cwd: process.cwd() },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', () => resolve());
        holder.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
      });
      await expect(openWorkspace(path)).rejects.toThrow(
        `${path} is open in another Upstream process (the app or "upstream serve"). Close it there first.`,
      );
    } finally {
      holder.kill('SIGKILL');
    }
  }, 120_000);
});
