import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/main/engine/db/query';
import { dispatch } from '../../../src/main/engine/dispatch';
import { importFile } from '../../../src/main/engine/import/importFile';
import { rebuildWorkspace } from '../../../src/main/engine/workspace/rebuild';
import { openWorkspace } from '../../../src/main/engine/workspace/workspace';
import { upstream } from '../../helpers/cli';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** What a workspace holds, table by table, in a stable order (ids and times left out). */
async function contents(path: string): Promise<Record<string, unknown[]>> {
  const ws = await openWorkspace(path);
  try {
    const read = (sql: string) => queryRows(ws.conn, sql);
    // Source ids are numbered afresh; everything else must match.
    const table = async (name: string) => {
      const columns = await queryRows<{ column_name: string }>(
        ws.conn,
        `SELECT column_name FROM duckdb_columns() WHERE table_name = '${name}' AND column_name <> 'source_id' ORDER BY column_index`,
      );
      return read(
        `SELECT ${columns.map((c) => c.column_name).join(', ')} FROM ${name} ORDER BY ALL`,
      );
    };
    return {
      sources: await read(
        'SELECT kind, file_name, sha256, rows_read, rows_imported, rows_quarantined, mapping_json FROM sources ORDER BY source_id',
      ),
      units: await table('org_units'),
      scores: await table('respondent_scores'),
      feedback: await table('customer_feedback'),
      hr: await table('hr_metrics'),
      cube: await read('SELECT * FROM unit_period_stats ORDER BY ALL'),
      hidden: await read('SELECT * FROM suppressed_figures ORDER BY ALL'),
      quarantine: await read(
        'SELECT file_name, row_number, column_name, rule FROM quarantine ORDER BY ALL',
      ),
      settings: await read(
        "SELECT key, value FROM meta WHERE key IN ('min_group_size', 'purpose') ORDER BY key",
      ),
      profiles: await read('SELECT name, kind, mapping_json FROM mapping_profiles ORDER BY name'),
      views: await table('saved_views'),
      stories: await table('stories'),
      slides: await table('story_slides'),
      guesses: await table('story_guesses'),
      commitments: await table('commitments'),
    };
  } finally {
    ws.close();
  }
}

describe('rebuilding a workspace from what it recorded', () => {
  let t: TinyWorkspace;
  beforeEach(async () => {
    t = await tinyWorkspace();
  });
  afterEach(() => t.cleanup());

  const write = (name: string, text: string) => {
    const path = join(t.dir, name);
    writeFileSync(path, text);
    return path;
  };
  const original = join('ws.duckdb');

  it('imports every kept copy again with its mapping, to the same tables, settings, profiles and stories', async () => {
    const set = await dispatch('settings', { minGroupSize: 6, purpose: 'Kinder shopping' }, t.ctx);
    expect(set.ok).toBe(true);
    const call = async (method: string, input: unknown) => {
      const result = await dispatch(method, input, t.ctx);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as { id: string; slides: { id: string }[] };
    };
    const view = await call('viewSave', { title: 'The link', state: '#/linkage?lag=1' });
    const story = await call('storySave', {
      name: 'Off-site',
      title: 'Off-site',
      slides: [
        { viewId: view.id, predict: { kind: 'choice', question: 'Which?', options: ['a', 'b'] } },
      ],
    });
    await call('guessAdd', {
      story: 'Off-site',
      slideId: story.slides[0]!.id,
      person: 'Ana',
      guess: 'a',
    });
    await call('commitmentSave', { story: 'Off-site', action: 'Listen', owner: 'COO' });
    await importFile(
      t.ws,
      write('cx_extra.csv', 'id,at,code,nps\nX1,2025-07-03,S-A,9\nX2,2025-07-03,S-A,99\n'),
      {
        mapping: {
          kind: 'customer_feedback',
          columns: { response_id: 'id', responded_at: 'at', cx_code: 'code', nps: 'nps' },
          constants: {},
          items: [],
          dateFormats: {},
          naCodes: {},
          decimalComma: false,
        },
        saveProfileAs: 'cx-short',
      },
    );
    // As if written by the previous version: a rebuild must not bring it up to date in place.
    await t.ws.conn.run("UPDATE meta SET value = '4' WHERE key = 'schema_version'");
    t.ws.close();
    const from = join(t.dir, original);
    const to = join(t.dir, 'rebuilt.duckdb');
    const untouched = sha(from);
    const report = await rebuildWorkspace({ from, to });
    // The workspace rebuilt from is only read.
    expect(sha(from)).toBe(untouched);
    expect(report.files.map((f) => [f.file, f.from, f.status])).toEqual([
      ...t.files.map((f) => [f.path.split('/').pop(), 'kept copy', 'imported']),
      ['cx_extra.csv', 'kept copy', 'imported'],
    ]);
    const [before, after] = [await contents(from), await contents(to)];
    expect(after).toEqual(before);
    expect(after.quarantine).toContainEqual(
      expect.objectContaining({ file_name: 'cx_extra.csv', column_name: 'nps' }),
    );
    expect(after.profiles).toHaveLength(1);
    expect(
      [after.views, after.stories, after.slides, after.guesses, after.commitments].map(
        (r) => r!.length,
      ),
    ).toEqual([1, 1, 1, 1, 1]);
    t.ws = await openWorkspace(from);
  });

  it('asks for a file it kept no copy of, names it, and writes nothing; takes it from a folder by its hash', async () => {
    await t.ws.conn.run("INSERT INTO meta VALUES ('kept_copy_limit_mb', '0')");
    const log = write(
      'calls_2025-Q3.csv',
      'response_id,responded_at,cx_code,nps\nL1,2025-07-03,S-A,7\n',
    );
    await importFile(t.ws, log, { kind: 'customer_feedback' });
    t.ws.close();
    const from = join(t.dir, original);
    const to = join(t.dir, 'rebuilt.duckdb');

    await expect(rebuildWorkspace({ from, to })).rejects.toThrow(
      /^no copy is kept in the workspace of calls_2025-Q3\.csv \(\d+ KB, sha256 [0-9a-f]{12}…\): name the folder holding the original files with --sources DIR\. Nothing was written\.$/,
    );
    expect(existsSync(to)).toBe(false);

    await expect(
      rebuildWorkspace({ from, to, sourcesDir: join(t.dir, 'no-such-folder') }),
    ).rejects.toThrow(/no-such-folder: no such folder\.$/);
    expect(existsSync(to)).toBe(false);

    // A file of that name but other contents is not it.
    const elsewhere = join(t.dir, 'originals');
    mkdirSync(elsewhere);
    writeFileSync(
      join(elsewhere, 'calls_2025-Q3.csv'),
      'response_id,responded_at,cx_code,nps\nL1,2025-07-03,S-A,8\n',
    );
    await expect(rebuildWorkspace({ from, to, sourcesDir: elsewhere })).rejects.toThrow(
      /originals holds no file with its contents\. Nothing was written\.$/,
    );
    expect(existsSync(to)).toBe(false);

    // The very file, under any name and in a folder below, is.
    mkdirSync(join(elsewhere, '2025-Q3'));
    copyFileSync(log, join(elsewhere, '2025-Q3', 'renamed.csv'));
    const report = await rebuildWorkspace({ from, to, sourcesDir: elsewhere });
    expect(report.files.at(-1)).toMatchObject({ from: 'original file', rowsImported: 1 });
    // Copies kept before are kept again, and only those.
    expect(report.files.map((f) => f.keptCopy)).toEqual(
      report.files.map((f) => f.from === 'kept copy'),
    );
    expect((await contents(to)).feedback).toEqual((await contents(from)).feedback);
    t.ws = await openWorkspace(from);
  });

  it('runs as `upstream rebuild`, printing one object with every file', async () => {
    t.ws.close();
    const from = join(t.dir, original);
    const to = join(t.dir, 'by-cli.duckdb');
    const run = upstream(['rebuild', '--workspace', from, '--to', to, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { files: { file: string; from: string }[] };
    expect(out.files.map((f) => f.file)).toEqual(t.files.map((f) => f.path.split('/').pop()));
    const again = upstream(['rebuild', '--workspace', from, '--to', to]);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/already exists: name a new file to rebuild into/);
    t.ws = await openWorkspace(from);
  });

  it('refuses to write over an existing file', async () => {
    t.ws.close();
    const from = join(t.dir, original);
    await expect(rebuildWorkspace({ from, to: from })).rejects.toThrow(/already exists/);
    t.ws = await openWorkspace(from);
  });
});
