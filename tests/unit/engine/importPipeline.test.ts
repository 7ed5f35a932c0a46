import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../../../src/main/engine/db/query';
import { importFile } from '../../../src/main/engine/import/importFile';
import { previewImport } from '../../../src/main/engine/import/preview';
import { listQuarantine } from '../../../src/main/engine/import/quarantine';
import type { ColumnMapping } from '../../../src/shared/imports';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

/** Windows-1252 bytes for text that is plain ASCII except for the characters we put in. */
function windows1252(text: string): Buffer {
  const map: Record<string, number> = { '€': 0x80, '’': 0x92, '“': 0x93, '”': 0x94, é: 0xe9 };
  return Buffer.from([...text].map((ch) => map[ch] ?? ch.charCodeAt(0)));
}

async function counts(t: TinyWorkspace): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [
    'sources',
    'quarantine',
    'customer_feedback',
    'survey_respondents',
    'survey_items',
    'mapping_profiles',
  ]) {
    out[table] = (await queryOne<{ n: number }>(
      t.ws.conn,
      `SELECT count(*) AS n FROM ${table}`,
    ))!.n;
  }
  return out;
}

const CX_HEADER =
  'Store Code;Response Date;Likelihood to recommend;Overall satisfaction;Channel;Comment';

describe('import pipeline: real-world shapes mapped onto canonical columns', () => {
  let t: TinyWorkspace;
  beforeEach(async () => {
    t = await tinyWorkspace();
  });
  afterEach(() => t.cleanup());

  it('infers a semicolon Windows-1252 CX export with day-first dates and N/A codes', async () => {
    const path = join(t.dir, 'cx_export_Q3.csv');
    const filler = Array.from(
      { length: 12 },
      (_, i) => `S-D;${String(10 + i)}/09/2025;${i % 11};${1 + (i % 5)};app;`,
    );
    writeFileSync(
      path,
      windows1252(
        [
          CX_HEADER,
          'S-A;03/07/2025;10;5;store;Caf\u00e9 was great \u2019really\u2019',
          'S-B;15/07/2025;N/A;4;phone;',
          'S-C;31/08/2025;3;2;web;Cost me \u20ac5',
          'S-D;13/09/2025;11;5;store;',
          ...filler,
        ].join('\r\n') + '\r\n',
      ),
    );
    const report = await importFile(t.ws, path, { kind: 'customer_feedback' });
    expect(report).toMatchObject({
      kind: 'customer_feedback',
      encoding: 'windows-1252',
      delimiter: ';',
      rowsRead: 16,
      rowsImported: 15,
      rowsQuarantined: 1,
      reasons: { 'nps: outside the scale': 1 },
    });
    const rows = await queryRows<{
      cx_code: string;
      period: string;
      nps: number | null;
      csat: number;
      comment: string | null;
    }>(
      t.ws.conn,
      `SELECT cx_code, period, nps, csat, comment FROM customer_feedback
       WHERE source_id = (SELECT max(source_id) FROM sources) AND cx_code <> 'S-D' ORDER BY cx_code`,
    );
    expect(rows).toEqual([
      { cx_code: 'S-A', period: '2025-Q3', nps: 10, csat: 5, comment: 'Café was great ’really’' },
      { cx_code: 'S-B', period: '2025-Q3', nps: null, csat: 4, comment: null },
      { cx_code: 'S-C', period: '2025-Q3', nps: 3, csat: 2, comment: 'Cost me €5' },
    ]);
    const [kept] = (await listQuarantine(t.ws.conn, { limit: 10, offset: 0 })).rows;
    expect(kept).toMatchObject({
      file: 'cx_export_Q3.csv',
      row: 5,
      column: 'nps',
      reason: 'nps: 11 is outside 0..10',
    });
  });

  it('imports a vendor survey with a given mapping: items join the catalogue, choice texts are scored, the period comes from the date', async () => {
    const path = join(t.dir, 'pulse.csv');
    writeFileSync(
      path,
      [
        'ResponseId,RecordedDate,Team,Q1,Q2,Q3',
        'R_1,2025-08-02 10:00:00,T1,Strongly agree,4,Not applicable',
        'R_2,2025-08-03 11:00:00,T1,Disagree,5,2',
        'R_3,2025-08-03 11:30:00,T1,Agree,6,3',
      ].join('\n'),
    );
    const scale = {
      'Strongly disagree': 1,
      Disagree: 2,
      Neutral: 3,
      Agree: 4,
      'Strongly agree': 5,
    };
    const mapping: ColumnMapping = {
      kind: 'survey_responses',
      columns: { respondent_id: 'ResponseId', submitted_at: 'RecordedDate', unit_id: 'Team' },
      constants: {},
      items: [
        {
          column: 'Q1',
          itemId: 'PULSE_PROUD',
          text: 'I am proud to work here',
          factor: 'engagement',
          scaleMin: 1,
          scaleMax: 5,
          reverseCoded: false,
          naCodes: [],
          choiceScores: scale,
        },
        {
          column: 'Q2',
          itemId: 'PULSE_STAY',
          text: 'I see myself here in two years',
          factor: 'engagement',
          scaleMin: 1,
          scaleMax: 5,
          reverseCoded: false,
          naCodes: [],
        },
        {
          column: 'Q3',
          itemId: 'PULSE_TOOLS',
          text: 'I have the tools I need',
          factor: 'enablement',
          scaleMin: 1,
          scaleMax: 5,
          reverseCoded: false,
          naCodes: ['Not applicable'],
        },
      ],
      dateFormats: {},
      naCodes: {},
      decimalComma: false,
      periodFromDate: 'submitted_at',
    };
    const report = await importFile(t.ws, path, { mapping, saveProfileAs: 'Pulse' });
    expect(report).toMatchObject({
      kind: 'survey_responses',
      mappingSource: 'given',
      rowsRead: 3,
      rowsImported: 2,
      rowsQuarantined: 1,
    });
    expect(report.reasons).toEqual({ 'PULSE_STAY: outside the scale': 1 });
    const answers = await queryRows<{ respondent_id: string; item_id: string; score: number }>(
      t.ws.conn,
      "SELECT respondent_id, item_id, score FROM survey_answers WHERE period = '2025-Q3' ORDER BY respondent_id, item_id",
    );
    expect(answers).toEqual([
      { respondent_id: 'R_1', item_id: 'PULSE_PROUD', score: 5 },
      { respondent_id: 'R_1', item_id: 'PULSE_STAY', score: 4 },
      { respondent_id: 'R_2', item_id: 'PULSE_PROUD', score: 2 },
      { respondent_id: 'R_2', item_id: 'PULSE_STAY', score: 5 },
      { respondent_id: 'R_2', item_id: 'PULSE_TOOLS', score: 2 },
    ]);
    const item = await queryOne(
      t.ws.conn,
      "SELECT item_text, factor FROM survey_items WHERE item_id = 'PULSE_TOOLS'",
    );
    expect(item).toEqual({ item_text: 'I have the tools I need', factor: 'enablement' });

    // Next quarter's file with the same columns matches the saved profile by itself.
    const next = join(t.dir, 'pulse_next.csv');
    writeFileSync(
      next,
      ['ResponseId,RecordedDate,Team,Q1,Q2,Q3', 'R_9,2025-11-02 10:00:00,T2,Agree,4,4'].join('\n'),
    );
    const again = await importFile(t.ws, next, {});
    expect(again).toMatchObject({
      kind: 'survey_responses',
      mappingSource: 'matched profile',
      profile: 'Pulse',
      rowsImported: 1,
    });
    const scored = await queryOne(
      t.ws.conn,
      "SELECT score FROM survey_answers WHERE respondent_id = 'R_9' AND item_id = 'PULSE_PROUD'",
    );
    expect(scored).toEqual({ score: 4 });
  });

  it('quarantine shows only the failing cell of a survey row: answers are personal', async () => {
    const path = join(t.dir, 'survey_bad.csv');
    writeFileSync(
      path,
      'respondent_id,period,unit_id,submitted_at,E1,E2,V1,L1,ENPS\nz1,2025-Q3,T1,2025-08-01,9,4,4,2,10\n',
    );
    await importFile(t.ws, path, { kind: 'survey_responses' });
    const { rows } = await listQuarantine(t.ws.conn, { limit: 10, offset: 0 });
    expect(rows).toEqual([
      {
        sourceId: expect.any(Number),
        file: 'survey_bad.csv',
        kind: 'survey_responses',
        row: 2,
        column: 'E1',
        rule: 'outside the scale',
        reason: 'E1: 9 is outside 1..5',
        values: { E1: '9' },
      },
    ]);
  });

  it('a preview changes nothing in the workspace', async () => {
    const path = join(t.dir, 'cx.csv');
    writeFileSync(path, `${CX_HEADER}\nS-A;03/07/2025;10;5;store;ok\n`);
    const before = await counts(t);
    const preview = await previewImport(t.ws, path, {});
    expect(preview).toMatchObject({ kind: 'customer_feedback', rows: 1, delimiter: ';' });
    expect(preview.columns.find((c) => c.name === 'Likelihood to recommend')?.role).toBe('nps');
    expect(await counts(t)).toEqual(before);
  });

  it('cancelling an import leaves the workspace exactly as it was', async () => {
    const path = join(t.dir, 'cx_big.csv');
    const lines = ['response_id,responded_at,cx_code,nps'];
    for (let i = 0; i < 200_000; i++)
      lines.push(`c${i},2025-07-0${1 + (i % 9)} 10:00:00,S-A,${i % 11}`);
    writeFileSync(path, lines.join('\n'));
    const before = await counts(t);
    const controller = new AbortController();
    const pending = importFile(
      t.ws,
      path,
      { kind: 'customer_feedback' },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'loading') controller.abort();
        },
      },
    );
    await expect(pending).rejects.toThrow(
      'cx_big.csv: import cancelled; the workspace is unchanged',
    );
    expect(await counts(t)).toEqual(before);
  });

  it('names the file when it cannot tell what a file is', async () => {
    const path = join(t.dir, 'mystery.csv');
    writeFileSync(path, 'foo,bar\nx,y\n');
    await expect(importFile(t.ws, path, {})).rejects.toThrow(
      /^mystery\.csv: cannot tell what kind of file this is \(best guesses: .*\)\. Say it with --as KIND\.$/,
    );
  });
});

describe('import pipeline: long-form survey exports', () => {
  let t: TinyWorkspace;
  beforeEach(async () => {
    t = await tinyWorkspace();
  });
  afterEach(() => t.cleanup());

  it('pivots one row per answer into one row per respondent, matching items by id and by text', async () => {
    const path = join(t.dir, 'glint_export_2025_Q3.csv');
    const rows = [
      'Respondent ID,Team,Completed,Question ID,Question,Score',
      'e1,T1,2025-08-01,E1,I am proud to work here,5',
      'e1,T1,2025-08-01,X9,People here act with integrity,4',
      'e1,T1,2025-08-01,NEW1,I have the tools I need,2',
      'e2,T1,2025-08-02,E1,I am proud to work here,3',
      'e2,T1,2025-08-02,NEW1,I have the tools I need,9',
      'e3,T2,2025-08-03,E1,I am proud to work here,4',
    ];
    writeFileSync(path, rows.join('\n'));
    const report = await importFile(t.ws, path, {
      kind: 'survey_responses',
      saveProfileAs: 'Glint',
    });
    expect(report).toMatchObject({
      kind: 'survey_responses',
      rowsRead: 3,
      rowsImported: 2,
      rowsQuarantined: 1,
    });
    expect(report.warnings.some((w) => w.startsWith('long format'))).toBe(true);
    const answers = await queryRows<{ respondent_id: string; item_id: string; score: number }>(
      t.ws.conn,
      "SELECT respondent_id, item_id, score FROM survey_answers WHERE period = '2025-Q3' ORDER BY 1, 2",
    );
    // X9's text is the catalogue's V1; NEW1 joins the catalogue; e2's 9 is outside 1..5.
    expect(answers).toEqual([
      { respondent_id: 'e1', item_id: 'E1', score: 5 },
      { respondent_id: 'e1', item_id: 'NEW1', score: 2 },
      { respondent_id: 'e1', item_id: 'V1', score: 4 },
      { respondent_id: 'e3', item_id: 'E1', score: 4 },
    ]);
    const [kept] = (await listQuarantine(t.ws.conn, { limit: 10, offset: 0 })).rows;
    expect(kept).toMatchObject({ row: 5, column: 'NEW1', reason: 'NEW1: 9 is outside 1..5' });
    const profile = await queryOne<{ mapping_json: string }>(
      t.ws.conn,
      "SELECT mapping_json FROM mapping_profiles WHERE name = 'Glint'",
    );
    expect(JSON.parse(profile!.mapping_json).long).toMatchObject({
      itemColumn: 'Question ID',
      scoreColumn: 'Score',
    });
  });
});
