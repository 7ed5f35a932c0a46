import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPreviewSchema, type CanonicalKind } from '../../../src/shared/imports';
import { queryRows } from '../../../src/main/engine/db/query';
import { importFile } from '../../../src/main/engine/import/importFile';
import { previewImport } from '../../../src/main/engine/import/preview';
import { openWorkspace, type Workspace } from '../../../src/main/engine/workspace/workspace';
import { writePersonalSurvey, type PersonalSurvey } from '../../fixtures/qualtricsPersonal';
import { expectNoPersonalValues } from '../../helpers/previewPrivacy';
import { makeTempDir } from '../../helpers/tempDir';

describe('import preview of a survey export shows no personal values', () => {
  const temp = makeTempDir();
  let ws: Workspace;
  let survey: PersonalSurvey;

  beforeAll(async () => {
    survey = writePersonalSurvey(temp.path);
    ws = await openWorkspace(join(temp.path, 'w.duckdb'), { create: true });
  }, 120_000);
  afterAll(() => {
    ws?.close();
    temp.remove();
  });

  // The file's own kind, the kind the renderer can ask for, and two the analyst could pick by mistake.
  const kinds: (CanonicalKind | undefined)[] = [
    undefined,
    'customer_feedback',
    'org_units',
    'contact_centre',
  ];
  for (const kind of kinds) {
    it(`previewed as ${kind ?? 'its own kind'}`, async () => {
      const preview = await previewImport(ws, survey.path, kind ? { kind } : {});
      expect(preview.kind).toBe(kind ?? 'survey_responses');
      expect(importPreviewSchema.parse(preview)).toEqual(preview);
      expectNoPersonalValues(preview, survey);
      // Names, types and counts stay: the analyst can still see what each column is.
      const q1 = preview.columns.find((c) => c.name === 'Q1_1')!;
      expect(q1).toMatchObject({ type: 'number', nonEmpty: 30, distinct: 5, distinctExact: true });
      const ids = preview.columns.find((c) => c.name === 'ResponseId')!;
      expect(ids).toMatchObject({ nonEmpty: 30, hidden: 'personal: ids' });
      expect(Math.abs(ids.distinct - 30)).toBeLessThanOrEqual(2);
    }, 120_000);
  }

  it('still shows every value of an organisation file', async () => {
    const path = join(temp.path, 'hierarchy.csv');
    writeFileSync(
      path,
      'unit_id,unit_name,parent_id,level,unit_type,leader_name,effective_from\n' +
        'R1,North Region,,region,region,Alice Archer,2025-01-01\n' +
        'T1,Leeds Depot,R1,team,team,Bob Baker,2025-01-01\n' +
        'T2,York Depot,R1,team,team,Cara Cole,2025-01-01\n' +
        'T3,Hull Depot,R1,team,team,Dan Dale,2025-01-01\n' +
        'T4,Bradford Depot,R1,team,team,Eve Ellis,2025-01-01\n' +
        'T5,Wakefield Depot,R1,team,team,Fay Ford,2025-01-01\n',
    );
    const preview = await previewImport(ws, path, {});
    const shown = Object.fromEntries(preview.columns.map((c) => [c.name, c.hidden]));
    expect(shown).toEqual({
      unit_id: null,
      unit_name: null,
      parent_id: null,
      level: null,
      unit_type: null,
      leader_name: 'personal: names',
      effective_from: null,
    });
    expect(preview.columns[0]!.samples).toHaveLength(5);
  }, 120_000);
});

describe('import preview of answers written as text', () => {
  const temp = makeTempDir();
  let ws: Workspace;
  beforeAll(async () => {
    ws = await openWorkspace(join(temp.path, 'w.duckdb'), { create: true });
  }, 120_000);
  afterAll(() => {
    ws?.close();
    temp.remove();
  });

  it('lists the whole scale, not the answers given, and imports with it', async () => {
    const org = join(temp.path, 'org.csv');
    writeFileSync(
      org,
      'unit_id,unit_name,parent_id,level,unit_type,effective_from\n' +
        'C,Company,,company,company,2025-01-01\nT1,Team One,C,team,team,2025-01-01\n',
    );
    await importFile(ws, org, { kind: 'org_units' });
    const path = join(temp.path, 'pulse.csv');
    const given = ['Agree', 'Strongly agree', 'Agree', 'Agree', 'Strongly agree', 'Agree'];
    writeFileSync(
      path,
      [
        'respondent_id,unit_id,submitted_at,I feel valued at work,I am proud to work here',
        ...given.map((answer, i) => `P${100 + i},T1,2025-03-0${i + 1},${answer},${(i % 5) + 1}`),
      ].join('\n') + '\n',
    );
    const preview = await previewImport(ws, path, {});
    const item = preview.mapping.items.find((i) => i.column === 'I feel valued at work')!;
    expect(item.choiceScores).toMatchObject({
      'Strongly disagree': 1,
      Disagree: 2,
      'Neither agree nor disagree': 3,
      Agree: 4,
      'Strongly agree': 5,
      'strongly disagree': 1,
      'Strongly Disagree': 1,
    });
    expect(preview.columns.find((c) => c.name === 'I feel valued at work')!.samples).toEqual([]);

    const report = await importFile(ws, path, { mapping: preview.mapping });
    expect(report.reasons).toEqual({});
    expect(report).toMatchObject({ rowsImported: 6, rowsQuarantined: 0 });
    const scores = await queryRows<{ score: number; n: number }>(
      ws.conn,
      `SELECT score::INTEGER AS score, count(*)::INTEGER AS n FROM survey_answers WHERE item_id = '${item.itemId}' GROUP BY score ORDER BY score`,
    );
    expect(scores).toEqual([
      { score: 4, n: 4 },
      { score: 5, n: 2 },
    ]);
  }, 120_000);
});
