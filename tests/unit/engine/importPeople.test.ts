import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../../../src/main/engine/db/query';
import { Engine } from '../../../src/main/engine/engine';
import { previewImport } from '../../../src/main/engine/import/preview';
import { listQuarantine } from '../../../src/main/engine/import/quarantine';
import type { MetricValue } from '../../../src/shared/metrics';
import { makeTempDir } from '../../helpers/tempDir';

// People files (HRIS rosters, one row per employee) through the real import path: the IBM HR
// attrition shape (a Yes/No flag, no dates: a period hint is needed) and a BambooHR-like export
// (hire and termination dates, a status, department names, US dates, names and e-mails). Every
// figure below was worked out by hand from the rows as written (see the comments).

/**
 * Acme (C) with Commercial (COM: Sales SA, Marketing MK, Support SUP1), Research & Development
 * (RD, with its own Support SUP2) and Human Resources (HR). "Support" names two units.
 */
const HIERARCHY = `unit_id,unit_name,parent_id,level,unit_type,leader_name,effective_from
C,Acme,,company,company,Leader C,2024-01-01
COM,Commercial,C,division,division,Leader COM,2024-01-01
SA,Sales,COM,team,team,Leader SA,2024-01-01
MK,Marketing,COM,team,team,Leader MK,2024-01-01
SUP1,Support,COM,team,team,Leader SUP1,2024-01-01
RD,Research & Development,C,team,team,Leader RD,2024-01-01
SUP2,Support,RD,team,team,Leader SUP2,2024-01-01
HR,Human Resources,C,team,team,Leader HR,2024-01-01
`;

const IBM_HEADER =
  'Age,Attrition,BusinessTravel,DailyRate,Department,DistanceFromHome,Education,EducationField,EmployeeCount,EmployeeNumber,EnvironmentSatisfaction,Gender,HourlyRate,JobInvolvement,JobLevel,JobRole,JobSatisfaction,MaritalStatus,MonthlyIncome,MonthlyRate,NumCompaniesWorked,Over18,OverTime,PercentSalaryHike,PerformanceRating,RelationshipSatisfaction,StandardHours,StockOptionLevel,TotalWorkingYears,TrainingTimesLastYear,WorkLifeBalance,YearsAtCompany,YearsInCurrentRole,YearsSinceLastPromotion,YearsWithCurrManager';

/** Employee numbers no other cell of any table could hold by chance. */
const employeeNumber = (i: number) => String(9_100_001 + i);

/** One IBM-shaped row: person i of a department, left or not. */
function ibmRow(i: number, department: string, attrition: string): string {
  const r = (n: number) => 1 + ((i * 7 + n) % 4); // satisfaction-like 1-4 answers
  return [
    25 + (i % 30),
    attrition,
    i % 3 === 0 ? 'Travel_Rarely' : 'Non-Travel',
    300 + i * 13,
    department,
    1 + (i % 20),
    1 + (i % 5),
    'Life Sciences',
    1,
    employeeNumber(i),
    r(1),
    i % 2 ? 'Male' : 'Female',
    40 + (i % 50),
    r(2),
    1 + (i % 5),
    'Sales Executive',
    r(3),
    i % 3 ? 'Married' : 'Single',
    2000 + i * 101,
    10000 + i * 37,
    i % 9,
    'Y',
    i % 4 ? 'No' : 'Yes',
    11 + (i % 12),
    3 + (i % 2),
    r(4),
    80,
    i % 4,
    5 + (i % 20),
    i % 6,
    r(5),
    1 + (i % 10),
    i % 7,
    i % 5,
    i % 6,
  ].join(',');
}

/**
 * Sales: 12 people, 3 left; Research & Development: 20, 2 left; Human Resources: 6, 1 left.
 * Row 40 names a department no hierarchy has; row 41 says "Maybe" for Attrition.
 * 40 data rows: 38 imported, 2 quarantined.
 */
function ibmFile(): string {
  const rows: string[] = [];
  let i = 0;
  const add = (department: string, people: number, left: number) => {
    for (let k = 0; k < people; k++) rows.push(ibmRow(i++, department, k < left ? 'Yes' : 'No'));
  };
  add('Sales', 12, 3);
  add('Research & Development', 20, 2);
  add('Human Resources', 6, 1);
  rows.push(ibmRow(i++, 'Legal', 'No')); // file row 40
  rows.push(ibmRow(i++, 'Sales', 'Maybe')); // file row 41
  return `${IBM_HEADER}\n${rows.join('\n')}\n`;
}

/** Names and e-mails no other cell could hold by chance. */
const BAMBOO_PEOPLE = [
  // Employee #, First, Last, Department, Hire, Termination, Status, Sick Days
  ['B-70001', 'Zebulon', 'Quackenbush', 'Sales', '03/14/2019', '', 'Active', '2'],
  ['B-70002', 'Philippa', 'Wraxhall', 'sales ', '06/21/2021', '', 'Active', '0'],
  ['B-70003', 'Octavius', 'Pennyfeather', 'Sales', '01/15/2020', '02/15/2024', 'Terminated', '5'],
  ['B-70004', 'Griselda', 'Thornbury', 'SALES', '05/20/2024', '', 'Active', '1'],
  ['B-70005', 'Barnaby', 'Cholmondeley', 'Sales', '09/17/2018', '08/29/2025', 'Terminated', '3'],
  ['B-70006', 'Euphemia', 'Fotheringay', 'Sales', '11/03/2025', '', 'Active', ''],
  ['B-70007', 'Leopold', 'Haverstock', 'Sales', '02/28/2022', '10/31/2025', 'Terminated', '4'],
  ['B-70008', 'Clementine', 'Ashcombe', 'Marketing', '04/18/2017', '', 'Active', '6'],
  ['B-70009', 'Ignatius', 'Bellingham', 'Marketing', '07/24/2023', '12/13/2024', 'Terminated', '2'],
  ['B-70010', 'Henrietta', 'Grimsditch', 'Marketing', '10/25/2016', '', 'Active', '0'],
  ['B-70011', 'Ptolemy', 'Winterbottom', 'Marketing', '03/16/2020', '', 'Active', '1'],
  ['B-70012', 'Araminta', 'Featherstonehaugh', 'Marketing', '08/19/2024', '', 'Active', '2'],
  ['B-70013', 'Cornelius', 'Dimbleby', 'Support', '01/13/2021', '', 'Active', '1'], // row 14: ambiguous
  ['B-70014', 'Wilhelmina', 'Scrimgeour', 'Sales', '02/30/2023', '', 'Active', '1'], // row 15: no such date
];

function bambooFile(people = BAMBOO_PEOPLE): string {
  const header =
    'Employee #,First Name,Last Name,Work Email,Department,Job Title,Hire Date,Termination Date,Status,Sick Days';
  const rows = people.map(([id, first, last, dept, hire, term, status, sick]) =>
    [
      id,
      first,
      last,
      `${first!.toLowerCase()}.${last!.toLowerCase()}@acme.example`,
      dept,
      'Associate',
      hire,
      term,
      status,
      sick,
    ].join(','),
  );
  return `${header}\r\n${rows.join('\r\n')}\r\n`;
}

let temp: ReturnType<typeof makeTempDir>;
let engine: Engine;
const write = (name: string, text: string) => {
  const path = join(temp.path, name);
  writeFileSync(path, text);
  return path;
};

beforeEach(async () => {
  temp = makeTempDir('upstream-people-');
  engine = await Engine.open(join(temp.path, 'w.duckdb'), { create: true });
  await engine.importFile(write('hierarchy.csv', HIERARCHY), { kind: 'org_units' });
});
afterEach(() => {
  engine.close();
  temp.remove();
});

const hr = () =>
  queryRows<{
    unit_id: string;
    period: string;
    headcount: number;
    leavers: number;
    absence_days: number | null;
  }>(
    engine.ws.conn,
    'SELECT unit_id, period, headcount, leavers, absence_days FROM hr_metrics ORDER BY period, unit_id',
  );

const rolledUp = (unit: string, period: string) =>
  queryOne<{ headcount: number | null; leavers: number | null; absence_days: number | null }>(
    engine.ws.conn,
    `SELECT headcount::INTEGER AS headcount, leavers::INTEGER AS leavers, absence_days::DOUBLE AS absence_days
     FROM unit_period_stats WHERE unit_id = $unit AND period = $period`,
    { unit, period },
  );

async function tile(period: string, unitId: string, metric: string): Promise<MetricValue> {
  const result = await engine.call('overview', { period, unitId });
  if (!result.ok) throw new Error(result.error.message);
  const value = result.value as { tiles: MetricValue[] };
  return value.tiles.find((t) => t.metric === metric)!;
}

/** Every text any table of the workspace holds, one row per line (temporary tables included). */
async function everyText(): Promise<string> {
  const tables = await queryRows<{ schema_name: string; table_name: string }>(
    engine.ws.conn,
    'SELECT schema_name, table_name FROM duckdb_tables()',
  );
  expect(tables.length).toBeGreaterThan(20);
  const parts: string[] = [];
  for (const t of tables) {
    const rows = await queryRows<{ text: string | null }>(
      engine.ws.conn,
      `SELECT string_agg(CAST(to_json(x) AS VARCHAR), '\n') AS text FROM "${t.schema_name}"."${t.table_name}" x`,
    );
    parts.push(rows[0]?.text ?? '');
  }
  return parts.join('\n');
}

describe('IBM HR attrition shape: a Yes/No flag, no dates', () => {
  it('is recognised as people and needs a period', async () => {
    const path = write('WA_Fn-UseC_-HR-Employee-Attrition.csv', ibmFile());
    await expect(engine.importFile(path)).rejects.toThrow(
      /WA_Fn-UseC_-HR-Employee-Attrition\.csv: a people file without hire or leave dates describes one quarter: say which \(--set period=2025-Q3/,
    );
    await expect(engine.importFile(path, { hints: { set: { period: 'Q3' } } })).rejects.toThrow(
      /--set period=Q3: period must be a quarter written YYYY-Qn/,
    );
    // Date columns with no date in them are no dates either.
    const undated =
      'Employee ID,Department,Hire Date,Status\n1,Sales,,Active\n2,Sales,,Terminated\n';
    await expect(engine.importFile(write('roster.csv', undated))).rejects.toThrow(
      /^roster\.csv: a people file without hire or leave dates describes one quarter/,
    );
    // Nothing was written by the refused imports.
    expect(await hr()).toEqual([]);
    const sources = await queryRows(engine.ws.conn, "SELECT 1 FROM sources WHERE kind = 'people'");
    expect(sources).toHaveLength(0);
  });

  it('gives headcount and leavers per unit for the period, rolled up, with no id kept', async () => {
    const path = write('WA_Fn-UseC_-HR-Employee-Attrition.csv', ibmFile());
    const report = await engine.importFile(path, { hints: { set: { period: '2025-Q3' } } });
    expect(report.kind).toBe('people');
    expect(report.mappingSource).toBe('inferred');
    expect(report.rowsRead).toBe(40);
    expect(report.rowsImported).toBe(38);
    expect(report.rowsQuarantined).toBe(2);
    expect(report.reasons).toEqual({
      'unit_id: unknown unit': 1,
      'has_left: not a true/false value': 1,
    });
    expect(report.keptCopy).toBe(false);
    expect(report.warnings).toContain(
      '38 people into headcount and leavers for 3 units over 2025-Q3; no personal identifier kept',
    );
    expect(report.warnings).toContain(
      'people: 6 leavers without a leave date counted as leaving in 2025-Q3',
    );

    // Leavers are not in the headcount at the quarter's end: Sales 12 - 3, R&D 20 - 2, HR 6 - 1.
    // No absence column: no absence figure (NULL), not zero.
    expect(await hr()).toEqual([
      { unit_id: 'HR', period: '2025-Q3', headcount: 5, leavers: 1, absence_days: null },
      { unit_id: 'RD', period: '2025-Q3', headcount: 18, leavers: 2, absence_days: null },
      { unit_id: 'SA', period: '2025-Q3', headcount: 9, leavers: 3, absence_days: null },
    ]);
    // Rolled up like hr_metrics: Commercial is Sales alone; Acme is everyone.
    expect(await rolledUp('COM', '2025-Q3')).toEqual({
      headcount: 9,
      leavers: 3,
      absence_days: null,
    });
    expect(await rolledUp('C', '2025-Q3')).toEqual({
      headcount: 32,
      leavers: 6,
      absence_days: null,
    });
    // The existing HR figures answer from them: attrition at Acme is 6 / 32 = 18.75%.
    const attrition = await tile('2025-Q3', 'C', 'attrition');
    expect(attrition.status).toBe('ok');
    expect(attrition.value).toBeCloseTo(18.75, 6);
    expect(attrition.n).toBe(32);
    expect((await tile('2025-Q3', 'C', 'absence_days_per_head')).status).toBe('no_data');
    for (const scope of ['rollup', 'direct'] as const) {
      const page = await engine.call('drilldown', { unitId: 'RD', period: '2025-Q3', scope });
      expect(page.ok, scope).toBe(true);
    }

    // The quarantined rows, with file, row, column and reason, keep no id, name or demographic.
    const { rows } = await listQuarantine(engine.ws.conn, { limit: 10, offset: 0 });
    expect(rows.map((r) => [r.file, r.row, r.column, r.reason])).toEqual([
      [
        'WA_Fn-UseC_-HR-Employee-Attrition.csv',
        40,
        'unit_id',
        "unit_id: unknown unit 'Legal' (neither a unit id nor a unit name in any imported hierarchy)",
      ],
      [
        'WA_Fn-UseC_-HR-Employee-Attrition.csv',
        41,
        'has_left',
        "has_left: 'Maybe' is not a true/false value",
      ],
    ]);
    // Shown: the unit and the failing cell, not the rest of one person's record.
    expect(rows[0]!.values).toEqual({ Department: 'Legal' });
    expect(rows[1]!.values).toEqual({ Department: 'Sales', Attrition: 'Maybe' });

    // No employee number anywhere in the workspace, not even in quarantine.
    const text = await everyText();
    for (let i = 0; i < 40; i++) expect(text).not.toContain(employeeNumber(i));
    expect(text).not.toContain('Sales Executive');
    expect(text).not.toContain('Life Sciences');
  });

  it('next quarter\u2019s snapshot adds its quarter; a new file for a quarter replaces it whole', async () => {
    const q3 = write('ibm 2025-Q3.csv', ibmFile());
    const first = await engine.importFile(q3);
    expect(first.warnings).toContain('people: the period 2025-Q3 is taken from the file name');
    // 2025-Q4: only R&D people, 4 of them, one left.
    const rd = Array.from({ length: 4 }, (_, k) =>
      ibmRow(100 + k, 'Research & Development', k === 0 ? 'Yes' : 'No'),
    );
    await engine.importFile(write('ibm 2025-Q4.csv', `${IBM_HEADER}\n${rd.join('\n')}\n`));
    const rows = await hr();
    expect(rows.filter((r) => r.period === '2025-Q3').map((r) => r.unit_id)).toEqual([
      'HR',
      'RD',
      'SA',
    ]);
    expect(rows.filter((r) => r.period === '2025-Q4')).toEqual([
      { unit_id: 'RD', period: '2025-Q4', headcount: 3, leavers: 1, absence_days: null },
    ]);
    // A corrected 2025-Q3 file with Sales only: the quarter's earlier people figures go.
    const sales = Array.from({ length: 6 }, (_, k) =>
      ibmRow(200 + k, 'Sales', k < 2 ? 'Yes' : 'No'),
    );
    await engine.importFile(
      write('ibm 2025-Q3 corrected.csv', `${IBM_HEADER}\n${sales.join('\n')}\n`),
    );
    expect((await hr()).map((r) => [r.unit_id, r.period, r.headcount, r.leavers])).toEqual([
      ['SA', '2025-Q3', 4, 2],
      ['RD', '2025-Q4', 3, 1],
    ]);
  });
});

describe('BambooHR-like export: dates, a status, department names, names and e-mails', () => {
  it('derives every quarter from the first leave to the last date', async () => {
    const report = await engine.importFile(write('BambooHR employees.csv', bambooFile()));
    expect(report.kind).toBe('people');
    expect(report.rowsRead).toBe(14);
    expect(report.rowsImported).toBe(12);
    expect(report.rowsQuarantined).toBe(2);
    expect(report.reasons).toEqual({
      'unit_id: ambiguous unit name': 1,
      'hire_date: not a date (YYYY-MM-DD)': 1,
    });
    // First termination 02/15/2024 (2024-Q1); latest date 11/03/2025 (2025-Q4).
    expect(report.warnings).toContain(
      '12 people into headcount, leavers and absence for 2 units over 2024-Q1..2025-Q4; no personal identifier kept',
    );

    const rows = await hr();
    expect(rows).toHaveLength(16); // Sales and Marketing, 8 quarters each
    const at = (unit: string, period: string) =>
      rows.find((r) => r.unit_id === unit && r.period === period);
    // Sales on 2025-09-30: Zebulon, Philippa, Griselda and Leopold (leaves 10/31); Barnaby left
    // 08/29, Octavius in 2024, Euphemia starts 11/03.
    expect(at('SA', '2025-Q3')).toEqual({
      unit_id: 'SA',
      period: '2025-Q3',
      headcount: 4,
      leavers: 1,
      absence_days: null,
    });
    // Sales on 2025-12-31: Zebulon, Philippa, Griselda, Euphemia; Leopold left in the quarter.
    // Absence of everyone employed in 2025-Q4: 2 + 0 + 1 + (empty) 0 + Leopold's 4 = 7.
    expect(at('SA', '2025-Q4')).toEqual({
      unit_id: 'SA',
      period: '2025-Q4',
      headcount: 4,
      leavers: 1,
      absence_days: 7,
    });
    // Sales on 2024-03-31: Zebulon, Philippa, Barnaby, Leopold; Octavius left 02/15.
    expect(at('SA', '2024-Q1')).toMatchObject({ headcount: 4, leavers: 1 });
    // Marketing on 2024-12-31: Ignatius left 12/13; 2025-Q4 absence 6 + 0 + 1 + 2 = 9.
    expect(at('MK', '2024-Q4')).toMatchObject({ headcount: 4, leavers: 1 });
    expect(at('MK', '2025-Q4')).toMatchObject({ headcount: 4, leavers: 0, absence_days: 9 });

    // Commercial rolls up Sales and Marketing: 8 people, 1 leaver, 16 days.
    expect(await rolledUp('COM', '2025-Q4')).toEqual({
      headcount: 8,
      leavers: 1,
      absence_days: 16,
    });
    const absence = await tile('2025-Q4', 'COM', 'absence_days_per_head');
    expect(absence.status).toBe('ok');
    expect(absence.value).toBeCloseTo(2, 6);
    expect(absence.n).toBe(8);
    // Sales alone is 4 people: under the minimum group size of 5, hidden as it is for hr_metrics.
    expect((await tile('2025-Q4', 'SA', 'attrition')).status).toBe('suppressed');

    const { rows: kept } = await listQuarantine(engine.ws.conn, { limit: 10, offset: 0 });
    expect(kept.map((r) => [r.row, r.column, r.reason])).toEqual([
      [14, 'unit_id', "unit_id: 'Support' names more than one unit in the hierarchy: use unit ids"],
      [15, 'hire_date', "hire_date: '02/30/2023' is not a date (YYYY-MM-DD)"],
    ]);
    expect(kept[1]!.values).toEqual({ Department: 'Sales', 'Hire Date': '02/30/2023' });
    // Stored: the cells the figures use, and nothing that names or identifies the person.
    const stored = await queryRows<{ raw_json: string }>(
      engine.ws.conn,
      'SELECT raw_json FROM quarantine ORDER BY row_number',
    );
    expect(Object.keys(JSON.parse(stored[0]!.raw_json) as object).sort()).toEqual(
      ['Department', 'Hire Date', 'Sick Days', 'Status', 'Termination Date', '__row'].sort(),
    );

    const text = await everyText();
    for (const [id, first, last] of BAMBOO_PEOPLE) {
      expect(text).not.toContain(id!);
      expect(text).not.toContain(last!);
      expect(text).not.toContain(`${first!.toLowerCase()}.`);
    }
    expect(text).not.toContain('acme.example');
  });

  it('a person listed twice is quarantined once, without the id in the reason', async () => {
    const twice = [...BAMBOO_PEOPLE.slice(0, 12), BAMBOO_PEOPLE[0]!];
    const report = await engine.importFile(write('roster.csv', bambooFile(twice)));
    expect(report.rowsRead).toBe(13);
    expect(report.rowsQuarantined).toBe(1);
    expect(report.reasons).toEqual({ 'employee_id: duplicate': 1 });
    const { rows } = await listQuarantine(engine.ws.conn, { limit: 10, offset: 0 });
    expect(rows[0]!.reason).toBe(
      'duplicate employee_id: the same value appears earlier in the file',
    );
    expect(await everyText()).not.toContain('B-70001');
  });
});

describe('preview', () => {
  it('shows the departments, and no id, name, e-mail, date or absence of a person', async () => {
    const preview = await previewImport(engine.ws, write('employees.csv', bambooFile()), {});
    expect(preview.kind).toBe('people');
    const json = JSON.stringify(preview);
    for (const [id, first, last, , hire, , ,] of BAMBOO_PEOPLE) {
      for (const secret of [id!, first!, last!, hire!]) expect(json).not.toContain(secret);
    }
    expect(json).not.toContain('acme.example');
    const column = (name: string) => preview.columns.find((c) => c.name === name)!;
    expect(column('Department').hidden).toBeNull();
    expect(column('Department').samples).toContain('Marketing');
    for (const name of ['Employee #', 'First Name', 'Work Email', 'Hire Date', 'Sick Days']) {
      expect(column(name).samples, name).toEqual([]);
      expect(column(name).hidden, name).toMatch(/^personal/);
    }
  });
});

describe('canonical people file: unit ids, a period column, future and rehire dates', () => {
  it('covers the quarters from the first leave to the period, then a newer file replaces its quarters', async () => {
    const first = [
      'employee_id,unit_id,hire_date,leave_date,has_left,absence_days,period',
      'E1,SA,2020-01-01,,,3,2025-Q2',
      'E2,SA,2025-05-10,,,1,2025-Q2', // hired during 2025-Q2
      'E3,SA,2019-01-01,2025-08-15,true,2,2025-Q2', // leaves after the period: still here
      'E4,MK,2018-01-01,2025-04-30,true,5,2025-Q2', // leaves in 2025-Q2
      'E5,MK,2021-01-01,2024-11-30,true,7,2025-Q2', // left in 2024-Q4: the first quarter
      'E6,MK,2022-01-01,2023-01-01,false,,2025-Q2', // an old leave date, active again
      'E7,MK,2025-07-01,,,0,2025-Q2', // starts after the period
    ].join('\n');
    const report = await engine.importFile(write('people.csv', `${first}\n`), { kind: 'people' });
    expect(report.mappingSource).toBe('canonical');
    expect(report.rowsImported).toBe(7);
    expect(report.warnings).toContain(
      '7 people into headcount, leavers and absence for 2 units over 2024-Q4..2025-Q2; no personal identifier kept',
    );
    expect(report.warnings).toContain(
      'people: absence days are taken as those of 2025-Q2; earlier quarters have none',
    );
    const table = async () =>
      (await hr()).map((r) => [r.unit_id, r.period, r.headcount, r.leavers, r.absence_days]);
    // MK at 2024-Q4's end: E4 and E6 (E5 left in it); in 2025-Q2 only E6 stays, E4 leaves.
    // 2025-Q2 absence: SA 3 + 1 + 2; MK E4's 5 (employed until 04-30) + E6's empty 0.
    expect(await table()).toEqual([
      ['MK', '2024-Q4', 2, 1, null],
      ['SA', '2024-Q4', 2, 0, null],
      ['MK', '2025-Q1', 2, 0, null],
      ['SA', '2025-Q1', 2, 0, null],
      ['MK', '2025-Q2', 1, 1, 5],
      ['SA', '2025-Q2', 3, 0, 6],
    ]);

    // Next quarter's export covers 2025-Q2 (E4's leave) to 2025-Q3: those quarters are replaced,
    // 2024-Q4 and 2025-Q1 stay as the first file made them.
    const next = [
      'employee_id,unit_id,hire_date,leave_date,has_left',
      'E1,SA,2020-01-01,,',
      'E4,MK,2018-01-01,2025-04-30,true',
      'E8,MK,2025-07-15,,',
    ].join('\n');
    await engine.importFile(write('people 2025-Q3.csv', `${next}\n`), { kind: 'people' });
    expect(await table()).toEqual([
      ['MK', '2024-Q4', 2, 1, null],
      ['SA', '2024-Q4', 2, 0, null],
      ['MK', '2025-Q1', 2, 0, null],
      ['SA', '2025-Q1', 2, 0, null],
      ['MK', '2025-Q2', 0, 1, null],
      ['SA', '2025-Q2', 1, 0, null],
      ['MK', '2025-Q3', 1, 0, null],
      ['SA', '2025-Q3', 1, 0, null],
    ]);
  });
});
