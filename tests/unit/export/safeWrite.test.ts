import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { safeFileName, safeWriteFile } from '../../../src/main/engine/export/safeWrite';
import { makeTempDir } from '../../helpers/tempDir';

/** A full disk for real: while `full`, every write goes to /dev/full, where it fails with ENOSPC. */
const disk = vi.hoisted(() => ({ full: false }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  let devFull: number | null = null;
  return {
    ...actual,
    writeSync: ((fd: number, ...rest: unknown[]) => {
      if (!disk.full) return (actual.writeSync as (...a: unknown[]) => number)(fd, ...rest);
      devFull ??= actual.openSync('/dev/full', 'w');
      return (actual.writeSync as (...a: unknown[]) => number)(devFull, ...rest);
    }) as typeof actual.writeSync,
  };
});

describe('safeWriteFile', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('writes the file whole and replaces an older one, leaving nothing else behind', () => {
    const dir = join(temp.path, 'ok');
    mkdirSync(dir);
    const target = join(dir, 'deck.pptx');
    writeFileSync(target, 'old');
    safeWriteFile(target, Buffer.from('new bytes'));
    expect(readFileSync(target, 'utf8')).toBe('new bytes');
    expect(readdirSync(dir)).toEqual(['deck.pptx']);
  });

  it('a missing folder says so and writes nothing', () => {
    const target = join(temp.path, 'missing', 'deck.pdf');
    expect(() => safeWriteFile(target, Buffer.from('x'))).toThrow(
      `Cannot write ${target}: the folder ${join(temp.path, 'missing')} does not exist. Create it or choose another folder.`,
    );
  });

  it('a folder that is really a file (unwritable for anyone, root too) says so', () => {
    const file = join(temp.path, 'plain.txt');
    writeFileSync(file, 'I am a file');
    const target = join(file, 'deck.pdf');
    expect(() => safeWriteFile(target, Buffer.from('x'))).toThrow(
      `Cannot write ${target}: ${file} is a file, not a folder. Choose a path inside a folder.`,
    );
    expect(readFileSync(file, 'utf8')).toBe('I am a file');
  });

  it('a target that is a folder says so and leaves the folder as it was', () => {
    const target = join(temp.path, 'a-folder');
    mkdirSync(target);
    writeFileSync(join(target, 'inside.txt'), 'kept');
    expect(() => safeWriteFile(target, Buffer.from('x'))).toThrow(
      `Cannot write ${target}: it is a folder. Give a file name inside it, such as ${join(target, 'export')}.`,
    );
    expect(readdirSync(target)).toEqual(['inside.txt']);
  });

  it('a full disk fails with advice, keeps the existing file and leaves no temporary file', () => {
    const dir = join(temp.path, 'full');
    mkdirSync(dir);
    const target = join(dir, 'deck.xlsx');
    writeFileSync(target, 'the previous export');
    disk.full = true;
    try {
      expect(() => safeWriteFile(target, Buffer.alloc(100_000, 1))).toThrow(
        `Cannot write ${target}: the disk is full. Free some space or choose another drive; the existing file was not changed.`,
      );
    } finally {
      disk.full = false;
    }
    expect(readFileSync(target, 'utf8')).toBe('the previous export');
    expect(readdirSync(dir)).toEqual(['deck.xlsx']);
  });
});

describe('safeFileName', () => {
  it('keeps a plain title', () => {
    expect(safeFileName('Q2 off-site – what moves customers')).toBe(
      'Q2 off-site – what moves customers',
    );
  });

  it('drops characters Windows, macOS or Linux refuse, and trailing dots and spaces', () => {
    expect(safeFileName('North/South: "best" <stores> | why? * \\ \u0007end. . ')).toBe(
      'North South best stores why end',
    );
  });

  it('never gives a reserved device name or an empty name', () => {
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('nul.txt')).toBe('_nul.txt');
    expect(safeFileName('com1')).toBe('_com1');
    expect(safeFileName('LPT9')).toBe('_LPT9');
    expect(safeFileName('Console')).toBe('Console');
    expect(safeFileName('???')).toBe('export');
    expect(safeFileName(' ... ')).toBe('export');
  });

  it('limits the length without cutting a character in two', () => {
    const name = safeFileName('é'.repeat(300));
    expect(Array.from(name)).toHaveLength(100);
    expect(name).toBe('é'.repeat(100));
  });
});
