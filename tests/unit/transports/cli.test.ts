import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../src/shared/contract';
import { writeTinyCompany } from '../../fixtures/tinyCompany';
import { startServe, upstream } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/tempDir';

const errorOf = (stderr: string) => JSON.parse(stderr.trim().split('\n').pop()!).error;

describe('upstream command line', () => {
  const temp = makeTempDir();
  const ws = join(temp.path, 'w.duckdb');

  beforeAll(() => {
    for (const file of writeTinyCompany(join(temp.path, 'exports'))) {
      const result = upstream([
        'import',
        file.path,
        '--as',
        file.kind,
        '--workspace',
        ws,
        '--json',
      ]);
      expect(result.status, result.stderr).toBe(0);
    }
  });
  afterAll(() => temp.remove());

  it('lists the methods without a workspace', () => {
    const result = upstream(['methods']);
    expect(result.status).toBe(0);
    expect(
      result.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(/\s+/)[0]),
    ).toEqual(METHOD_NAMES);
  });

  it('import --json prints one object describing each file', () => {
    const dir = join(temp.path, 'again');
    const files = writeTinyCompany(dir);
    const hr = files.find((f) => f.kind === 'hr_metrics')!;
    writeFileSync(hr.path, readFileSync(hr.path, 'utf8') + 'T1,2025-Q3,-4,0,0\n');
    const result = upstream(['import', hr.path, '--as', 'hr_metrics', '--workspace', ws, '--json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.files).toHaveLength(1);
    expect(report.files[0]).toMatchObject({
      file: 'hr_metrics.csv',
      kind: 'hr_metrics',
      rowsRead: 9,
      rowsImported: 8,
      rowsQuarantined: 1,
      reasons: { 'headcount: outside the scale': 1 },
    });
  });

  it('import infers what a file is, saves a profile, and lists profiles and quarantined rows', () => {
    const cx = join(temp.path, 'nps_export_2025_Q2.csv');
    const rows = Array.from(
      { length: 20 },
      (_, i) =>
        `R${i};2025-05-${String(1 + i).padStart(2, '0')} 09:00;S-A;${i % 11};${1 + (i % 5)}`,
    );
    writeFileSync(
      cx,
      [
        'Response ID;Survey Date;Store Code;Likelihood to recommend;Overall satisfaction',
        ...rows,
        'R99;2025-05-30 09:00;S-A;12;3',
      ].join('\n'),
    );
    const result = upstream([
      'import',
      cx,
      '--workspace',
      ws,
      '--save-profile',
      'CX weekly',
      '--json',
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).files[0]).toMatchObject({
      file: 'nps_export_2025_Q2.csv',
      kind: 'customer_feedback',
      delimiter: ';',
      mapping: 'inferred',
      profile: 'CX weekly',
      rowsRead: 21,
      rowsImported: 20,
      rowsQuarantined: 1,
      reasons: { 'nps: outside the scale': 1 },
    });
    const profiles = upstream(['profiles', '--workspace', ws]);
    expect(profiles.stdout).toMatch(/^CX weekly {2}customer_feedback, 5 columns, updated /m);
    const kept = JSON.parse(upstream(['quarantine', '--workspace', ws, '--json']).stdout);
    expect(kept.rows[0]).toMatchObject({
      file: 'nps_export_2025_Q2.csv',
      row: 22,
      column: 'nps',
      reason: 'nps: 12 is outside 0..10',
    });
  });

  it('call prints the JSON result and exits 0', () => {
    const result = upstream([
      'call',
      'overview',
      '--workspace',
      ws,
      '--args',
      '{"unitId":"R1","period":"2025-Q1"}',
    ]);
    expect(result.status).toBe(0);
    const overview = JSON.parse(result.stdout);
    expect(overview.unit).toEqual({ id: 'R1', name: 'North', level: 'region' });
    expect(overview.tiles.find((t: { metric: string }) => t.metric === 'respondents').value).toBe(
      11,
    );
  });

  it('call drivers prints the analysis, or its typed error with exit 1', () => {
    const result = upstream([
      'call',
      'drivers',
      '--workspace',
      ws,
      '--args',
      '{"outcome":"engagement_index","period":"2025-Q2"}',
    ]);
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out).toMatchObject({ status: 'ok', analysis: 'respondents', n: 27, floor: 25 });
    expect(out.excludedDrivers.map((d: { id: string }) => d.id)).toEqual(['E1', 'E2']);
    const suppressed = JSON.parse(
      upstream(['call', 'drivers', '--workspace', ws, '--args', '{"period":"2025-Q1"}']).stdout,
    );
    expect(suppressed).toMatchObject({ status: 'suppressed', n: null, drivers: [] });
    const bad = upstream(['call', 'drivers', '--workspace', ws, '--args', '{"unitId":"NOPE"}']);
    expect(bad.status).toBe(1);
    expect(errorOf(bad.stderr)).toEqual({
      code: 'NOT_FOUND',
      message: "Unit 'NOPE' is not in the hierarchy in force for 2025-Q2.",
    });
  });

  it('export writes a method result as CSV or JSON', () => {
    const csvPath = join(temp.path, 'units.csv');
    const result = upstream(['export', 'hierarchy', '--workspace', ws, '--out', csvPath]);
    expect(result.status, result.stderr).toBe(0);
    const lines = readFileSync(csvPath, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('id,name,level,depth,parentId,unitType,leader,headcount');
    expect(lines).toHaveLength(8);
    const jsonPath = join(temp.path, 'overview.json');
    expect(upstream(['export', 'overview', '--workspace', ws, '--out', jsonPath]).status).toBe(0);
    expect(JSON.parse(readFileSync(jsonPath, 'utf8')).unit.id).toBe('C');
    const wrong = upstream([
      'export',
      'overview',
      '--workspace',
      ws,
      '--out',
      join(temp.path, 'x.xlsx'),
    ]);
    expect(errorOf(wrong.stderr)).toEqual({
      code: 'INVALID_ARGUMENTS',
      message: "--out must end in .csv or .json, not '.xlsx'",
    });
  });

  it('errors are JSON on stderr with a non-zero exit', () => {
    const unknown = upstream(['call', 'dropEverything', '--workspace', ws]);
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(errorOf(unknown.stderr)).toEqual({
      code: 'UNKNOWN_METHOD',
      message: `Unknown method 'dropEverything'. Methods: ${METHOD_NAMES.join(', ')}.`,
    });
    const badJson = upstream(['call', 'overview', '--workspace', ws, '--args', '{period:']);
    expect(badJson.status).toBe(1);
    expect(errorOf(badJson.stderr).code).toBe('INVALID_ARGUMENTS');
    expect(errorOf(badJson.stderr).message).toMatch(/^--args is not valid JSON: /);
    const badArgs = upstream(['call', 'overview', '--workspace', ws, '--args', '{"period":"Q9"}']);
    expect(errorOf(badArgs.stderr)).toEqual({
      code: 'INVALID_ARGUMENTS',
      message: 'Invalid arguments for overview: period: a period looks like 2025-Q3',
    });
  });

  it('a missing or corrupt workspace is named, and the file is left as it was', () => {
    const missing = upstream(['call', 'info', '--workspace', join(temp.path, 'nope.duckdb')]);
    expect(missing.status).toBe(1);
    expect(errorOf(missing.stderr).code).toBe('WORKSPACE_ERROR');
    expect(errorOf(missing.stderr).message).toContain('nope.duckdb');
    const corrupt = join(temp.path, 'corrupt.duckdb');
    writeFileSync(corrupt, Buffer.alloc(4096, 7));
    const before = createHash('sha256').update(readFileSync(corrupt)).digest('hex');
    const result = upstream(['call', 'info', '--workspace', corrupt]);
    expect(result.status).toBe(1);
    expect(errorOf(result.stderr).message).toBe(
      `${corrupt} is not an Upstream workspace (not a DuckDB database file). Open a .duckdb workspace, or create one with: upstream sample --workspace ${join(temp.path, 'corrupt-workspace.duckdb')}`,
    );
    expect(createHash('sha256').update(readFileSync(corrupt)).digest('hex')).toBe(before);
  });

  it('a failed import exits non-zero naming the file, and loses nothing', () => {
    const before = upstream(['call', 'info', '--workspace', ws]);
    const broken = join(temp.path, 'broken.csv');
    writeFileSync(broken, 'cx_code\nS-A\n');
    const result = upstream(['import', broken, '--as', 'unit_mapping', '--workspace', ws]);
    expect(result.status).toBe(1);
    expect(errorOf(result.stderr)).toEqual({
      code: 'IMPORT_ERROR',
      message: `broken.csv: row 1 (the header) lacks the column unit_id that a unit_mapping file needs, and no column could be matched to it. Columns found: cx_code. Say which column holds it, or give one value for the whole file, e.g. --map unit_id=COLUMN\nTry: upstream import ${broken} --as unit_mapping --workspace ${ws} --map unit_id=COLUMN`,
      hint: ['--map', 'unit_id=COLUMN'],
    });
    const after = upstream(['call', 'info', '--workspace', ws]);
    expect(JSON.parse(after.stdout).tables).toEqual(JSON.parse(before.stdout).tables);
  });

  it('serve prints a loopback URL with a token first, and answers on it', async () => {
    const copy = join(temp.path, 'serve.duckdb');
    writeFileSync(copy, readFileSync(ws));
    const server = await startServe(['--workspace', copy, '--port', '0']);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
      const url = new URL(server.url);
      const token = url.searchParams.get('token')!;
      const denied = await fetch(`${url.origin}/api/info`, { method: 'POST', body: '{}' });
      expect(denied.status).toBe(401);
      const info = await fetch(`${url.origin}/api/info`, {
        method: 'POST',
        body: '{}',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(info.status).toBe(200);
      expect((await info.json()).value.workspace.path).toBe(copy);
      const inUse = upstream(['serve', '--workspace', ws, '--port', url.port]);
      expect(inUse.status).toBe(1);
    } finally {
      await server.stop();
    }
  });
});
