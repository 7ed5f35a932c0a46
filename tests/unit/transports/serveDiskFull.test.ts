import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../../../src/main/engine/db/query';
import { importFile } from '../../../src/main/engine/import/importFile';
import { openWorkspace, type Workspace } from '../../../src/main/engine/workspace/workspace';
import { startServe } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/tempDir';

/**
 * `upstream serve` with its workspace on a 12 MB tmpfs (needs root, as on the CI machines;
 * skipped with the reason otherwise), asked to preview and import a 14 MB Windows-1252 file that
 * has to be re-encoded beside the workspace: each request fails with the disk-full error, and the
 * server answers the next one. Before, the failed write ended the server process.
 */
const HEADER = 'response_id,responded_at,cx_code,nps,comment';
const row = (i: number) =>
  `r${i},2025-07-0${1 + (i % 9)} 10:00:00,S${i % 50},${i % 11},caf\u00e9 cr\u00e8me na\u00efve`;

function tryMount(dir: string): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=12m', 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return (error as Error).message.split('\n')[0]!;
  }
}

async function contents(ws: Workspace): Promise<string> {
  const counts = [];
  for (const table of ['sources', 'source_files', 'quarantine', 'customer_feedback'])
    counts.push((await queryOne<{ n: number }>(ws.conn, `SELECT count(*) AS n FROM ${table}`))!.n);
  return counts.join(',');
}

const DISK_FULL =
  "cx_q3.csv: not imported, the disk is full (there was no room to copy it beside the workspace for reading). Free some space on the workspace's disk, or move the workspace to a disk with more room, and import again; the workspace is unchanged.";

describe('upstream serve on a full disk', () => {
  const temp = makeTempDir();
  const disk = join(temp.path, 'disk');
  const wsPath = join(disk, 'ws.duckdb');
  let mounted = false;
  let before = '';

  beforeAll(async () => {
    mkdirSync(disk);
    const why = tryMount(disk);
    mounted = why === null;
    if (!mounted) {
      console.log(`serve on a full disk skipped: cannot mount a tmpfs (${why})`);
      return;
    }
    const ws = await openWorkspace(wsPath, { create: true });
    try {
      const small = join(temp.path, 'small.csv');
      writeFileSync(small, `${[HEADER, row(0), row(1)].join('\n')}\n`);
      await importFile(ws, small, { kind: 'customer_feedback' });
      before = await contents(ws);
    } finally {
      ws.close();
    }
  }, 120_000);
  afterAll(() => {
    if (mounted) execFileSync('umount', [disk]);
    temp.remove();
  });

  it('a Windows-1252 file that does not fit: a disk-full error per request, the server lives on', async () => {
    if (!mounted) return;
    const big = join(temp.path, 'cx_q3.csv');
    const lines = [HEADER, ...Array.from({ length: 200_000 }, (_, i) => row(i))];
    writeFileSync(big, Buffer.from(`${lines.join('\n')}\n`, 'latin1'));
    const server = await startServe(['--workspace', wsPath, '--port', '0']);
    try {
      const url = new URL(server.url);
      const headers = { authorization: `Bearer ${url.searchParams.get('token')}` };
      const api = async (method: string, body: unknown) =>
        (await fetch(`${url.origin}/api/${method}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }).then((r) => r.json())) as { ok: boolean; value?: unknown; error?: unknown };
      const uploaded = await fetch(`${url.origin}/upload?name=cx_q3.csv`, {
        method: 'POST',
        headers,
        body: readFileSync(big),
      });
      expect(uploaded.status).toBe(200);
      const { file } = ((await uploaded.json()) as { value: { file: string }[] }).value[0]!;

      const preview = await api('importPreview', { file, kind: 'customer_feedback' });
      expect(preview.error).toEqual({ code: 'IMPORT_ERROR', message: DISK_FULL });
      const columns = Object.fromEntries(HEADER.split(',').map((c) => [c, c]));
      const run = await api('importRun', {
        file,
        mapping: {
          kind: 'customer_feedback',
          columns,
          constants: {},
          items: [],
          dateFormats: {},
          naCodes: {},
          decimalComma: false,
        },
      });
      expect(run.error).toEqual({ code: 'IMPORT_ERROR', message: DISK_FULL });
      expect((await api('info', {})).ok).toBe(true);
    } finally {
      await server.stop();
    }
    const ws = await openWorkspace(wsPath);
    try {
      expect(await contents(ws)).toBe(before);
    } finally {
      ws.close();
    }
  }, 300_000);
});
