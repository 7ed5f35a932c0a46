import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryOne } from '../../../src/main/engine/db/query';
import { importFile } from '../../../src/main/engine/import/importFile';
import { openWorkspace, type Workspace } from '../../../src/main/engine/workspace/workspace';
import { makeTempDir } from '../../helpers/tempDir';

/**
 * A file that is converted while it is staged (Windows-1252 or UTF-16 text re-encoded to UTF-8,
 * a workbook written out as CSV) meets a full disk: the import fails with the disk-full error,
 * the process carries on, nothing is left behind. The disk is full for real: the staged file is
 * written to /dev/full, where every write fails with ENOSPC.
 */
const disk = vi.hoisted(() => ({ full: false }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return {
    ...actual,
    createWriteStream: ((path: string, options?: Parameters<typeof actual.createWriteStream>[1]) =>
      actual.createWriteStream(
        disk.full && String(path).includes('.staging') ? '/dev/full' : path,
        options,
      )) as typeof actual.createWriteStream,
  };
});

const HEADER = 'response_id,responded_at,cx_code,nps,comment';
const row = (i: number) =>
  `r${i},2025-07-0${1 + (i % 9)} 10:00:00,S${i % 50},${i % 11},caf\u00e9 cr\u00e8me na\u00efve`;
const rows = (n: number) => Array.from({ length: n }, (_, i) => row(i));

async function contents(ws: Workspace): Promise<string> {
  const counts = [];
  for (const table of ['sources', 'source_files', 'quarantine', 'customer_feedback'])
    counts.push((await queryOne<{ n: number }>(ws.conn, `SELECT count(*) AS n FROM ${table}`))!.n);
  return counts.join(',');
}

const message = (file: string) =>
  `${file}: not imported, the disk is full (there was no room to copy it beside the workspace for reading). Free some space on the workspace's disk, or move the workspace to a disk with more room, and import again; the workspace is unchanged.`;

describe('a full disk while a file is converted for reading', () => {
  const temp = makeTempDir();
  let ws: Workspace;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    ws = await openWorkspace(join(temp.path, 'ws.duckdb'), { create: true });
    const small = join(temp.path, 'small.csv');
    writeFileSync(small, `${[HEADER, ...rows(3)].join('\n')}\n`);
    await importFile(ws, small, { kind: 'customer_feedback' });
  }, 120_000);
  afterAll(() => {
    process.off('unhandledRejection', onUnhandled);
    ws.close();
    temp.remove();
  });

  async function expectDiskFull(path: string, file: string): Promise<void> {
    const before = await contents(ws);
    disk.full = true;
    try {
      await expect(importFile(ws, path, { kind: 'customer_feedback' })).rejects.toThrow(
        message(file),
      );
    } finally {
      disk.full = false;
    }
    // Rejections are reported after the microtasks that follow them: give them the turn.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
    expect(await contents(ws)).toBe(before);
    expect(existsSync(ws.stagingDir)).toBe(false);
  }

  it('a Windows-1252 CSV re-encoded to UTF-8', async () => {
    const path = join(temp.path, 'cx_cp1252.csv');
    // Several of the 4 MB chunks it is re-encoded in.
    writeFileSync(path, Buffer.from(`${[HEADER, ...rows(200_000)].join('\n')}\n`, 'latin1'));
    await expectDiskFull(path, 'cx_cp1252.csv');
  });

  it('a Windows-1252 CSV with blank lines inside, re-encoded and filled', async () => {
    const path = join(temp.path, 'cx_cp1252_blank.csv');
    const lines = [HEADER, ...rows(200_000)];
    lines.splice(100, 0, '');
    writeFileSync(path, Buffer.from(`${lines.join('\n')}\n`, 'latin1'));
    await expectDiskFull(path, 'cx_cp1252_blank.csv');
  });

  it('a UTF-16 CSV', async () => {
    const path = join(temp.path, 'cx_utf16.csv');
    const text = `${[HEADER, ...rows(50_000)].join('\r\n')}\r\n`;
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    await expectDiskFull(path, 'cx_utf16.csv');
  });

  it('an XLSX workbook written out as CSV', async () => {
    const path = join(temp.path, 'cx.xlsx');
    const sheet = XLSX.utils.aoa_to_sheet([
      HEADER.split(','),
      ...rows(30_000).map((line) => line.split(',')),
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Feedback');
    writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    await expectDiskFull(path, 'cx.xlsx');
  });

  it('the workspace imports the same file once there is room', async () => {
    const path = join(temp.path, 'cx_cp1252.csv');
    const report = await importFile(ws, path, { kind: 'customer_feedback' });
    expect(report).toMatchObject({ encoding: 'windows-1252', rowsImported: 200_000 });
  });
});
