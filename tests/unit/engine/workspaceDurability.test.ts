import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryOne } from '../../../src/main/engine/db/query';
import { openWorkspace } from '../../../src/main/engine/workspace/workspace';
import { CURRENT_SCHEMA_VERSION } from '../../../src/main/engine/workspace/schema';
import { makeTempDir } from '../../helpers/tempDir';

// What the crash harness (importCrash.test.ts) relies on, checked directly and quickly.
describe('workspace durability', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('commits without a write-ahead log: a committed change is in the file itself', async () => {
    const path = join(temp.path, 'w.duckdb');
    const ws = await openWorkspace(path, { create: true });
    await ws.conn.run("UPDATE meta SET value = '7' WHERE key = 'min_group_size'");
    // Still open, as if the process were killed now: no .wal holds anything.
    expect(existsSync(`${path}.wal`)).toBe(false);
    expect(await ws.minGroupSize()).toBe(7);
    ws.close();
  });

  it('creates a new workspace under another name and renames it into place, replacing a leftover', async () => {
    const path = join(temp.path, 'new.duckdb');
    // What a process killed while creating this workspace before could have left.
    writeFileSync(`${path}.creating`, 'half a header');
    const ws = await openWorkspace(path, { create: true });
    const version = await queryOne<{ value: string }>(
      ws.conn,
      "SELECT value FROM meta WHERE key = 'schema_version'",
    );
    expect(Number(version?.value)).toBe(CURRENT_SCHEMA_VERSION);
    ws.close();
    expect(readdirSync(temp.path).sort()).toEqual(['new.duckdb']);
  });
});
