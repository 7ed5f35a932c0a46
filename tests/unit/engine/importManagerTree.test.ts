import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../../../src/main/engine/db/query';
import { importFile } from '../../../src/main/engine/import/importFile';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

/** An HRIS "who reports to whom" export: people by e-mail, their manager, their team. */
const PEOPLE = [
  'Employee Email,Manager Email,Team,Job Title',
  'ceo@acme.example,,Executive,CEO',
  'coo@acme.example,ceo@acme.example,Executive,COO',
  'vpn@acme.example,ceo@acme.example,Region North,VP North',
  'vps@acme.example,ceo@acme.example,Region South,VP South',
  'm42@acme.example,vpn@acme.example,Store 42,Store manager',
  'a1@acme.example,m42@acme.example,Store 42,Advisor',
  'a2@acme.example,m42@acme.example,Store 42,Advisor',
  'm7@acme.example,vps@acme.example,Store 7,Store manager',
  'b1@acme.example,m7@acme.example,Store 7,Advisor',
  'n1@acme.example,vpn@acme.example,Region North,Analyst',
  'x1@acme.example,m7@acme.example,,Temp',
];

const UNITS = [
  { unit_id: 'executive', unit_name: 'Executive', parent_id: null, level: 'level 1' },
  { unit_id: 'region-north', unit_name: 'Region North', parent_id: 'executive', level: 'level 2' },
  { unit_id: 'region-south', unit_name: 'Region South', parent_id: 'executive', level: 'level 2' },
  { unit_id: 'store-42', unit_name: 'Store 42', parent_id: 'region-north', level: 'level 3' },
  { unit_id: 'store-7', unit_name: 'Store 7', parent_id: 'region-south', level: 'level 3' },
];

describe('a manager-email hierarchy', () => {
  let t: TinyWorkspace;
  beforeEach(async () => {
    t = await tinyWorkspace({ load: false });
  });
  afterEach(() => t.cleanup());

  async function units() {
    return queryRows(
      t.ws.conn,
      `SELECT unit_id, unit_name, parent_id, level FROM org_units
       WHERE effective_from = DATE '2025-07-01' ORDER BY unit_id`,
    );
  }

  it('is recognised and becomes teams under the teams their managers lead, with ids from the names', async () => {
    const path = join(t.dir, 'HRIS_people_2025-07-01.csv');
    writeFileSync(path, `${PEOPLE.join('\n')}\n`);
    const report = await importFile(t.ws, path);
    expect(report).toMatchObject({
      kind: 'org_units',
      mappingSource: 'inferred',
      rowsRead: 5,
      rowsImported: 5,
      rowsQuarantined: 0,
    });
    expect(report.warnings).toContain(
      'manager tree: 11 people in 5 teams, each team one unit; 1 row has no "Team" (the first is row 12) and is in no unit',
    );
    expect(await units()).toEqual(UNITS);
    const closure = await queryOne<{ n: number }>(
      t.ws.conn,
      "SELECT count(*) AS n FROM org_closure WHERE ancestor_id = 'executive'",
    );
    expect(closure!.n).toBe(5);
    // The e-mails were only joined on: nothing of them is kept.
    for (const table of ['org_units', 'quarantine', 'sources']) {
      const leaked = await queryOne<{ n: number }>(
        t.ws.conn,
        `SELECT count(*) AS n FROM ${table} t WHERE CAST(to_json(t) AS VARCHAR) LIKE '%@acme%'`,
      );
      expect(leaked!.n, table).toBe(0);
    }
    // Nor is a copy of the file, whatever the settings allow.
    expect(report.keptCopy).toBe(false);
    expect(report.warnings.join('\n')).toMatch(
      /no copy of this file is kept in the workspace: it lists people's e-mails/,
    );
    const copies = await queryOne<{ n: number }>(
      t.ws.conn,
      `SELECT count(*) AS n FROM source_files WHERE source_id = (SELECT max(source_id) FROM sources)`,
    );
    expect(copies!.n).toBe(0);
  });

  it('places a team whose people report into two teams under the one most of them report to', async () => {
    const path = join(t.dir, 'people_2025-07-01.csv');
    writeFileSync(
      path,
      // Store 42: its manager and one advisor report into Region North, one advisor into South.
      `${[
        ...PEOPLE.slice(0, -1),
        'a3@acme.example,vps@acme.example,Store 42,Advisor',
        'a4@acme.example,vpn@acme.example,Store 42,Advisor',
      ].join('\n')}\n`,
    );
    const report = await importFile(t.ws, path, { kind: 'org_units' });
    expect(report.warnings).toContain(
      'manager tree: the people of "Store 42" report into more than one team; each is placed under the team most of them report to',
    );
    expect(await units()).toEqual(UNITS);
  });

  it('reads the same tree from a workbook', async () => {
    if (!existsSync('/usr/bin/ssconvert')) {
      console.log('skipped: gnumeric ssconvert is not installed (apt-get install gnumeric)');
      return;
    }
    const source = join(t.dir, 'people.csv');
    writeFileSync(source, `${PEOPLE.join('\n')}\n`);
    const workbook = join(t.dir, 'HRIS_people_2025-07-01.xlsx');
    execFileSync('ssconvert', [source, workbook], { stdio: 'ignore' });
    const report = await importFile(t.ws, workbook, { kind: 'org_units' });
    expect(report).toMatchObject({ format: 'xlsx', rowsImported: 5 });
    expect(await units()).toEqual(UNITS);
  });
});
