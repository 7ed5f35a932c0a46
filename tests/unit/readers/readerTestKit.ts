import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  stageSource,
  type ReadOptions,
  type StagedSource,
} from '../../../src/main/engine/import/readers';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/files');
export const fixture = (name: string): string => join(FIXTURES, name);

/** A scratch folder per test file: `input/` for files we write, `staging/` for the readers. */
export function scratch(): {
  dir: string;
  staging: string;
  write(name: string, content: string | Buffer): string;
  remove(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'upstream-readers-'));
  return {
    dir,
    staging: join(dir, 'staging'),
    write(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export type Row = Record<string, string | null>;

/** Reads a staged relation with a fresh in-memory DuckDB, the way the import pipeline will. */
export async function readRelation(staged: StagedSource): Promise<Row[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const reader = await conn.runAndReadAll(`SELECT * FROM ${staged.relationSql}`);
    return reader.getRowObjectsJS() as Row[];
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** The column names and types DuckDB sees. */
export async function describeRelation(
  staged: StagedSource,
): Promise<{ name: string; type: string }[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const reader = await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${staged.relationSql}`);
    return (reader.getRowObjectsJS() as { column_name: string; column_type: string }[]).map(
      (r) => ({
        name: r.column_name,
        type: r.column_type,
      }),
    );
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** Runs SQL over the relation (as `src`) with a fresh DuckDB; the error DuckDB raises is returned, not thrown. */
export async function query(staged: StagedSource, sql: string): Promise<Row[] | Error> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const reader = await conn.runAndReadAll(sql.replaceAll('$src', staged.relationSql));
    return reader.getRowObjectsJS() as Row[];
  } catch (error) {
    return error as Error;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

export async function stage(
  path: string,
  stagingDir: string,
  options?: ReadOptions,
): Promise<StagedSource> {
  return stageSource(path, stagingDir, options);
}

/** The message of the error a promise rejects with (fails the test if it resolves). */
export async function errorOf(
  promise: Promise<unknown>,
): Promise<{ name: string; code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { code?: string };
    return { name: e.name, ...(e.code ? { code: e.code } : {}), message: e.message };
  }
  throw new Error('expected an error, got a result');
}
