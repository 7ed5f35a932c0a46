import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/main/engine/db/query';
import { importFile } from '../../../src/main/engine/import/importFile';
import { inferMapping } from '../../../src/main/engine/import/mapping';
import { listQuarantine } from '../../../src/main/engine/import/quarantine';
import { metricIdOf } from '../../../src/main/engine/import/kinds/preaggregatedMetrics';
import { METRIC_IDS } from '../../../src/shared/metrics';
import { upstream } from '../../helpers/cli';
import { col } from '../mapping/fixtures';
import { csv, hierarchyCsv, hierarchyWorkspace, type Figures } from './preaggregatedFixture';

// Pre-aggregated figures (unit, period, metric, value, n) through the real import path, on
// hand-made files: what comes in, what is quarantined and why, replacement on re-import,
// inference of the kind, an XLSX written by gnumeric, and the warnings of the report.

const HEADER = ['unit_id', 'period', 'metric', 'value', 'n'];

/** Every rule's failing row beside passing ones; row numbers count the header as row 1. */
const MIXED: (string | number)[][] = [
  HEADER,
  ['T1', '2025-Q1', 'NPS', 40, 120], // 2
  ['T2', '2025-Q1', 'Net Promoter Score', 25.5, 80], // 3
  ['T1', '2025-Q1', 'eNPS', 20, 15], // 4
  ['T1', '2025-Q1', 'Engagement', 72.5, 15], // 5
  ['T1', '2025-Q1', 'AHT', 312, 900], // 6
  ['T2', '2025-Q1', 'Average handle time', 290.5, 700], // 7
  ['T1', '2025-Q1', 'Attrition', 4.5, 22], // 8
  ['T1', '2025-Q1', 'CSAT', 83.3, 110], // 9
  ['R1', '2025-Q1', 'NPS', 35, 200], // 10: T1 and T2 below it have NPS
  ['T3', '2025-Q1', 'Loyalty', 3, 10], // 11: unknown metric
  ['T2', '2025-Q1', 'nps', 30, 10], // 12: repeats row 3 (the same metric)
  ['T4', '2025-Q1', 'NPS', 130, 50], // 13: outside -100..100
  ['T5', '2025-Q1', 'CSAT', 80, -4], // 14: negative n
  ['T5', '2025-Q1', 'CES', 4.2, ''], // 15: no n
  ['X9', '2025-Q1', 'NPS', 10, 10], // 16: unknown unit
  ['T4', '2025-Q1', 'Response rate', 80, 10], // 17: worked out by Upstream
  ['T4', '2025-Q1', 'Respondents', 12, 10], // 18: a count whose value is not its n
  ['T4', '2025-3', 'NPS', 10, 10], // 19: not a quarter
  ['T5', '2025-Q1', 'NPS', 'abc', 10], // 20: not a number
  ['T5', '2025-Q1', 'pct_favourable', 101, 10], // 21: outside 0..100
];

let f: Figures;
beforeEach(async () => {
  f = await hierarchyWorkspace();
});
afterEach(() => f.cleanup());

/** Imports these rows, under the canonical header, as pre-aggregated figures. */
const importGiven = (name: string, rows: (string | number)[][]) =>
  importFile(f.ws, f.write(name, csv([HEADER, ...rows])), { kind: 'preaggregated' });

const figures = () =>
  queryRows<{ unit_id: string; period: string; metric: string; value: number; n: number }>(
    f.ws.conn,
    'SELECT unit_id, period, metric, value, n FROM preaggregated_figures ORDER BY unit_id, metric',
  );

describe('metric names', () => {
  it('registry ids, their labels and common names resolve to ids; others do not', () => {
    for (const id of METRIC_IDS) expect(metricIdOf(id)).toBe(id);
    const names: [string, string][] = [
      ['NPS', 'nps'],
      ['Net Promoter Score', 'nps'],
      ['CSAT', 'csat'],
      ['eNPS', 'enps'],
      ['e-NPS', 'enps'],
      ['Engagement', 'engagement_index'],
      ['AHT', 'avg_handle_seconds'],
      ['Average handle time', 'avg_handle_seconds'],
      ['Attrition', 'attrition'],
      ['% favourable', 'pct_favourable'],
      ['Customer effort (CES)', 'ces'],
      [' transfer rate ', 'transfer_rate'],
    ];
    for (const [name, id] of names) expect(metricIdOf(name), name).toBe(id);
    for (const name of ['Loyalty', 'Revenue', '', 'absence rate'])
      expect(metricIdOf(name)).toBeNull();
  });
});

describe('importing pre-aggregated figures', () => {
  it('imports the passing rows and quarantines each failing one with its file, row, column and reason', async () => {
    const report = await importFile(f.ws, f.write('warehouse_2025_Q1.csv', csv(MIXED)), {
      kind: 'preaggregated',
    });
    expect(report.kind).toBe('preaggregated');
    expect(report.rowsRead).toBe(20);
    expect(report.rowsImported).toBe(8);
    expect(report.rowsQuarantined).toBe(12);
    expect(report.rowsRead).toBe(report.rowsImported + report.rowsQuarantined);
    expect(await figures()).toEqual([
      { unit_id: 'T1', period: '2025-Q1', metric: 'attrition', value: 4.5, n: 22 },
      { unit_id: 'T1', period: '2025-Q1', metric: 'avg_handle_seconds', value: 312, n: 900 },
      { unit_id: 'T1', period: '2025-Q1', metric: 'csat', value: 83.3, n: 110 },
      { unit_id: 'T1', period: '2025-Q1', metric: 'engagement_index', value: 72.5, n: 15 },
      { unit_id: 'T1', period: '2025-Q1', metric: 'enps', value: 20, n: 15 },
      { unit_id: 'T1', period: '2025-Q1', metric: 'nps', value: 40, n: 120 },
      { unit_id: 'T2', period: '2025-Q1', metric: 'avg_handle_seconds', value: 290.5, n: 700 },
      { unit_id: 'T2', period: '2025-Q1', metric: 'nps', value: 25.5, n: 80 },
    ]);
    const kept = await queryRows<{
      file_name: string;
      row_number: number;
      column_name: string;
      rule: string;
      reason: string;
      raw_json: string;
    }>(
      f.ws.conn,
      'SELECT file_name, row_number, column_name, rule, reason, raw_json FROM quarantine ORDER BY row_number',
    );
    expect(kept.every((k) => k.file_name === 'warehouse_2025_Q1.csv')).toBe(true);
    expect(kept.map((k) => [k.row_number, k.column_name, k.reason])).toEqual([
      [
        10,
        'unit_id',
        'unit_id: figures are given for the units below R1 (T1, T2) for nps in 2025-Q1; Upstream rolls them up itself, so this row would count them twice',
      ],
      [
        11,
        'metric',
        "metric: 'Loyalty' is not a metric Upstream knows (an id such as nps, enps, engagement_index, attrition or avg_handle_seconds, or a common name such as NPS, eNPS, Engagement, CSAT or AHT)",
      ],
      [
        12,
        'metric',
        'duplicate unit_id + period + metric: the same value appears earlier in the file',
      ],
      [13, 'value', 'value: 130 is outside the range of nps (-100..100)'],
      [
        14,
        'n',
        'n: -4 is negative (n is the number of people, responses, interactions or the headcount behind the figure)',
      ],
      [15, 'n', 'n: missing value'],
      [16, 'unit_id', "unit_id: unknown unit 'X9' (not in any imported hierarchy)"],
      [
        17,
        'metric',
        'metric: response_rate is worked out from respondents and HR headcount: give respondents (and headcount) instead',
      ],
      [
        18,
        'value',
        'value: respondents is a count, so its value and n are the same number (value 12, n 10)',
      ],
      [19, 'period', "period: '2025-3' is not in the expected form"],
      [20, 'value', "value: 'abc' is not a number"],
      [21, 'value', 'value: 101 is outside the range of pct_favourable (0..100)'],
    ]);
    // The row is kept as the file had it: the metric's own name, not its id.
    expect(JSON.parse(kept[0]!.raw_json)).toMatchObject({ unit_id: 'R1', metric: 'NPS' });
    expect(report.reasons).toEqual({
      'unit_id: figures given for the units below': 1,
      'metric: unknown metric': 1,
      'metric: duplicate': 1,
      'value: outside the metric range': 2,
      'n: negative n': 1,
      'n: missing value': 1,
      'unit_id: unknown unit': 1,
      'metric: worked out by Upstream': 1,
      'value: count differs from n': 1,
      'period: not in the expected form': 1,
      'value: not a number': 1,
    });
  });

  it('lists quarantined employee figures without their value or n (customer figures in full)', async () => {
    await importFile(
      f.ws,
      f.write(
        'kpis.csv',
        csv([
          ['Team', 'Quarter', 'KPI', 'Score', 'Base'],
          ['T1', '2025-Q1', 'Engagement', 72.5, 15],
          ['T1', '2025-Q1', 'engagement_index', 61.5, 4],
          ['T1', '2025-Q1', 'NPS', 40, 120],
          ['T1', '2025-Q1', 'nps', 41, 121],
          ['T1', '2025-Q1', 'Attrition', 4, 20],
          ['T1', '2025-Q1', 'Attrition', 5, 21],
          ['T2', '2025-Q1', 'Morale', 3.2, 4],
        ]),
      ),
      { kind: 'preaggregated' },
    );
    const { rows } = await listQuarantine(f.ws.conn, { limit: 10, offset: 0 });
    expect(rows.map((r) => [r.row, r.values])).toEqual([
      [3, { Team: 'T1', Quarter: '2025-Q1', KPI: 'engagement_index' }],
      [5, { Team: 'T1', Quarter: '2025-Q1', KPI: 'nps', Score: '41', Base: '121' }],
      [7, { Team: 'T1', Quarter: '2025-Q1', KPI: 'Attrition' }],
      [8, { Team: 'T2', Quarter: '2025-Q1', KPI: 'Morale' }],
    ]);
  });

  it('judges "units below" in the hierarchy in force for each period', async () => {
    // T3 is under R1 in 2025-Q1 and under R2 from 2025-Q2.
    const report = await importGiven('moves.csv', [
      ['R1', '2025-Q1', 'csat', 80, 100],
      ['T3', '2025-Q1', 'csat', 70, 40],
      ['R1', '2025-Q2', 'csat', 81, 100],
      ['T3', '2025-Q2', 'csat', 71, 40],
      ['R2', '2025-Q2', 'csat', 75, 90],
    ]);
    expect(report.rowsQuarantined).toBe(2);
    const kept = await queryRows<{ row_number: number; reason: string }>(
      f.ws.conn,
      'SELECT row_number, reason FROM quarantine ORDER BY row_number',
    );
    expect(kept.map((k) => k.row_number)).toEqual([2, 6]);
    expect(kept[1]!.reason).toContain('units below R2 (T3) for csat in 2025-Q2');
    expect((await figures()).map((r) => `${r.unit_id} ${r.period}`).sort()).toEqual([
      'R1 2025-Q2',
      'T3 2025-Q1',
      'T3 2025-Q2',
    ]);
  });

  it('a corrected file replaces the (unit, period, metric) rows it holds and keeps the others', async () => {
    await importGiven('cx.csv', [
      ['T1', '2025-Q1', 'NPS', 40, 120],
      ['T2', '2025-Q1', 'NPS', 25.5, 80],
      ['T1', '2025-Q1', 'CSAT', 83.3, 110],
    ]);
    const again = await importGiven('cx_corrected.csv', [
      ['T1', '2025-Q1', 'Net Promoter Score', 42, 121],
      ['T4', '2025-Q1', 'nps', 13, 50],
    ]);
    expect(again.rowsImported).toBe(2);
    expect((await figures()).map((r) => [r.unit_id, r.metric, r.value, r.n])).toEqual([
      ['T1', 'csat', 83.3, 110],
      ['T1', 'nps', 42, 121],
      ['T2', 'nps', 25.5, 80],
      ['T4', 'nps', 13, 50],
    ]);
    // The same file again changes nothing.
    const same = await importFile(f.ws, join(f.dir, 'cx_corrected.csv'), { kind: 'preaggregated' });
    expect(same.status).toBe('unchanged');
    expect(await figures()).toHaveLength(4);
  });

  it('a failing file leaves the workspace as it was', async () => {
    await expect(
      importFile(f.ws, f.write('bad.csv', 'unit_id,period,metric\nT1,2025-Q1,nps\n'), {
        kind: 'preaggregated',
      }),
    ).rejects.toThrow(/lacks the columns value, n/);
    expect(await figures()).toEqual([]);
  });
});

describe('inferring the kind', () => {
  it('from a warehouse export: store, quarter, KPI, score and base', () => {
    const r = inferMapping({
      fileName: 'cx_warehouse_extract.csv',
      headerShape: 'plain',
      catalogue: [],
      columns: [
        col('Store', ['T1', 'T2', 'T4']),
        col('Quarter', ['2025-Q1', '2025-Q2']),
        col('KPI', ['NPS', 'CSAT', 'Average handle time', 'eNPS']),
        col('Score', ['40', '83.3', '312', '-12.5']),
        col('Base', ['120', '110', '900', '15']),
      ],
    });
    expect(r.kind).toBe('preaggregated');
    expect(r.kindConfidence).toBeGreaterThanOrEqual(0.8);
    expect(r.mapping.columns).toEqual({
      unit_id: 'Store',
      period: 'Quarter',
      metric: 'KPI',
      value: 'Score',
      n: 'Base',
    });
    expect(r.problems).toEqual([]);
    expect(r.columns.find((c) => c.column === 'KPI')?.why).toMatch(/metric/);
  });

  it('from values alone when the metric column has an odd name, and with one quarter from the file name', () => {
    const r = inferMapping({
      fileName: 'hr_figures_2025_Q3.csv',
      headerShape: 'plain',
      catalogue: [],
      columns: [
        col('Team ID', ['T1', 'T2']),
        col('What', ['Attrition', 'Absence days per head', 'Attrition']),
        col('Value', ['4.5', '2.25', '0']),
        col('Headcount', ['22', '40', '9']),
      ],
    });
    expect(r.kind).toBe('preaggregated');
    expect(r.mapping.columns).toMatchObject({
      unit_id: 'Team ID',
      metric: 'What',
      value: 'Value',
      n: 'Headcount',
    });
    expect(r.mapping.constants.period).toBe('2025-Q3');
    // HR metrics files (headcount, leavers, absence) are still HR metrics.
    const hr = inferMapping({
      fileName: 'hr.csv',
      headerShape: 'plain',
      catalogue: [],
      columns: [
        col('Team ID', ['T1', 'T2']),
        col('Quarter', ['2025-Q3']),
        col('Headcount', ['22', '40']),
        col('Leavers', ['1', '0']),
        col('Absence days', ['12.5', '3']),
      ],
    });
    expect(hr.kind).toBe('hr_metrics');
  });

  it('end to end: the kind, its confidence and the mapping come with the report', async () => {
    const report = await importFile(
      f.ws,
      f.write(
        'kpis_by_store.csv',
        csv([
          ['Store', 'Quarter', 'KPI', 'Score', 'Base'],
          ['T1', '2025-Q1', 'NPS', 40, 120],
          ['T2', '2025-Q1', 'CSAT', 83.3, 110],
          ['T4', '2025-Q1', 'eNPS', -12.5, 16],
        ]),
      ),
    );
    expect(report.kind).toBe('preaggregated');
    expect(report.mappingSource).toBe('inferred');
    expect(report.kindConfidence).toBeGreaterThanOrEqual(0.8);
    expect(report.rowsImported).toBe(3);
    expect((await figures()).map((r) => r.metric)).toEqual(['nps', 'csat', 'enps']);
  });
});

const hasSsconvert = spawnSync('ssconvert', ['--version']).status === 0;
if (!hasSsconvert)
  console.warn(
    'SKIPPED the gnumeric-written XLSX test: ssconvert is not installed (Debian package gnumeric).',
  );

describe('an XLSX written by gnumeric', () => {
  it.skipIf(!hasSsconvert)('imports as the CSV does', async () => {
    const rows = MIXED.slice(0, 10).map((r, i) =>
      i === 0 ? ['Team', 'Period', 'Metric', 'Value', 'N'] : r,
    );
    const source = f.write('figures_source.csv', csv(rows));
    const xlsx = join(f.dir, 'figures.xlsx');
    execFileSync('ssconvert', [source, xlsx], { stdio: 'ignore' });
    const report = await importFile(f.ws, xlsx);
    expect(report.format).toBe('xlsx');
    expect(report.kind).toBe('preaggregated');
    expect(report.kindConfidence).toBeGreaterThanOrEqual(0.8);
    expect(report.rowsRead).toBe(9);
    expect(report.rowsImported).toBe(8);
    expect(report.reasons).toEqual({ 'unit_id: figures given for the units below': 1 });
    const fromXlsx = await figures();

    const other = await hierarchyWorkspace();
    try {
      await importFile(other.ws, other.write('figures.csv', csv(rows)), { kind: 'preaggregated' });
      const fromCsv = await queryRows(
        other.ws.conn,
        'SELECT unit_id, period, metric, value, n FROM preaggregated_figures ORDER BY unit_id, metric',
      );
      expect(fromXlsx).toEqual(fromCsv);
    } finally {
      other.cleanup();
    }
  });
});

describe('warnings in the report', () => {
  it('says where the figures meet raw data, earlier files above or below them, units outside the hierarchy and fractions', async () => {
    await importFile(
      f.ws,
      f.write(
        'hr.csv',
        csv([
          ['unit_id', 'period', 'headcount', 'leavers', 'absence_days'],
          ['T1', '2025-Q1', 20, 1, 14],
        ]),
      ),
      { kind: 'hr_metrics' },
    );
    await importFile(
      f.ws,
      f.write('region.csv', csv([HEADER, ['R2', '2025-Q1', 'NPS', 30, 300]])),
      { kind: 'preaggregated' },
    );
    const report = await importGiven('teams.csv', [
      ['T1', '2025-Q1', 'Attrition', 5, 20],
      ['T4', '2025-Q1', 'NPS', 31, 120],
      ['T3', '2025-Q2', 'CSAT', 0.8, 50],
      ['T4', '2025-Q2', 'CSAT', 0.75, 50],
      ['T5', '2025-Q2', 'CSAT', 0.9, 50],
      ['T6', '2025-Q2', 'NPS', 12, 40],
    ]);
    expect(report.rowsImported).toBe(6);
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        'attrition in 2025-Q1 for T1: the workspace already holds HR records (whose headcount these figures share) for these units (or units below them); the pre-aggregated figures are added to them, which counts twice if the warehouse computed its figures from the same data',
        'nps in 2025-Q1: an earlier file gave figures for R2, above or below units of this file; Upstream rolls both up, which counts the units below twice (import the earlier file again without those rows, or leave them out here)',
        'T6: not in the hierarchy in force for 2025-Q2, so their figures for 2025-Q2 are kept but shown nowhere',
        "csat: every value lies between -1 and 1; if they are fractions (0.83 for 83%), multiply them by 100 and import again (Upstream's percentages and net scores run to 100)",
      ]),
    );
  });

  it('says when HR figures are given for some units and not others', async () => {
    const report = await importGiven('hr_figures.csv', [
      ['T1', '2025-Q1', 'Attrition', 5, 20],
      ['T2', '2025-Q1', 'Attrition', 10, 30],
      ['T2', '2025-Q1', 'absence_days_per_head', 1.5, 30],
      ['T9', '2025-Q1', 'Attrition', 1, 30],
    ]);
    expect(report.rowsQuarantined).toBe(1);
    expect(report.warnings).toContain(
      'absence_days_per_head in 2025-Q1 is not given for T1, which have other HR figures: HR figures share one headcount per unit, so in roll-ups their headcount still divides the absence_days_per_head of the units that have it',
    );
  });
});

describe('the command line', () => {
  it('upstream import FILE --as preaggregated --json', () => {
    const workspace = join(f.dir, 'cli.duckdb');
    const org = upstream([
      'import',
      f.write('org.csv', hierarchyCsv()),
      '--workspace',
      workspace,
      '--as',
      'org_units',
    ]);
    expect(org.status, org.stderr).toBe(0);
    const run = upstream([
      'import',
      f.write('figures.csv', csv(MIXED)),
      '--workspace',
      workspace,
      '--as',
      'preaggregated',
      '--json',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as {
      files: { kind: string; rowsRead: number; rowsImported: number; rowsQuarantined: number }[];
    };
    expect(out.files[0]).toMatchObject({
      kind: 'preaggregated',
      rowsRead: 20,
      rowsImported: 8,
      rowsQuarantined: 12,
    });
  });
});
