import { copyFileSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/tempDir';

/**
 * Why a workspace commits by checkpoint (src/main/engine/db/commitByCheckpoint.ts): in DuckDB's
 * own WAL mode, a commit cut short after its row-group pointers were logged comes back half.
 * Should a DuckDB upgrade make this test fail, the replay has become atomic and the workaround
 * may be reconsidered (the crash harness, importCrash.test.ts, still has the last word).
 */
describe('DuckDB (the version installed) replaying a torn write-ahead log', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  async function counts(path: string) {
    const instance = await DuckDBInstance.create(path);
    const conn = await instance.connect();
    const reader = await conn.runAndReadAll(
      'SELECT (SELECT count(*) FROM big)::INTEGER AS big, (SELECT count(*) FROM small)::INTEGER AS small',
    );
    const [row] = reader.getRowObjectsJS();
    conn.closeSync();
    instance.closeSync();
    return row;
  }

  it('keeps a large insert whose transaction lost the end of its log, and drops the rest', async () => {
    const db = join(temp.path, 'wal.duckdb');
    const instance = await DuckDBInstance.create(db, { checkpoint_threshold: '1GB' });
    const conn = await instance.connect();
    await conn.run('CREATE TABLE big (i INTEGER); CREATE TABLE small (i INTEGER); CHECKPOINT');
    await conn.run('BEGIN TRANSACTION');
    // More than a row group (122,880 rows): written to the file before the commit, logged as
    // a pointer to them.
    await conn.run('INSERT INTO big SELECT range FROM range(150000)');
    await conn.run('INSERT INTO small VALUES (1)');
    await conn.run('COMMIT');
    // The files as a process killed now would leave them, and as one killed while writing the
    // last bytes of that commit's log.
    for (const name of ['whole', 'torn']) {
      copyFileSync(db, join(temp.path, `${name}.duckdb`));
      copyFileSync(`${db}.wal`, join(temp.path, `${name}.duckdb.wal`));
    }
    conn.closeSync();
    instance.closeSync();
    const torn = join(temp.path, 'torn.duckdb.wal');
    truncateSync(torn, statSync(torn).size - 1);

    expect(await counts(join(temp.path, 'whole.duckdb'))).toEqual({ big: 150000, small: 1 });
    expect(await counts(join(temp.path, 'torn.duckdb'))).toEqual({ big: 150000, small: 0 });
  });
});
