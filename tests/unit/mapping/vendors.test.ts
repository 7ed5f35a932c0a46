import { describe, expect, it } from 'vitest';
import { columnMappingSchema as wireSchema } from '../../../src/shared/imports';
import {
  columnMappingSchema,
  inferMapping,
  type InferredMapping,
} from '../../../src/main/engine/import/mapping';
import {
  CATALOGUE,
  contactCentreExport,
  cxExport,
  hrisHierarchy,
  longExport,
  managerEmailTree,
  qualtricsExport,
  spssExport,
  surveyMonkeyExport,
} from './fixtures';

function guess(result: InferredMapping, column: string) {
  const g = result.columns.find((c) => c.column === column);
  if (!g) throw new Error(`no guess for ${column}`);
  return g;
}

function item(result: InferredMapping, column: string) {
  const i = result.mapping.items.find((x) => x.column === column);
  if (!i) throw new Error(`no item for ${column}`);
  return i;
}

function valid(result: InferredMapping) {
  expect(columnMappingSchema.safeParse(result.mapping).success).toBe(true);
  expect(wireSchema.safeParse(result.mapping).success).toBe(true);
}

describe('Qualtrics numeric export (3 header rows)', () => {
  const result = inferMapping({
    fileName: 'Brightwater Engagement 2025 Q3.csv',
    headerShape: 'qualtrics',
    columns: qualtricsExport(),
    catalogue: CATALOGUE,
  });

  it('is survey responses, confidently', () => {
    expect(result.kind).toBe('survey_responses');
    expect(result.kindConfidence).toBeGreaterThanOrEqual(0.8);
    expect(result.alternatives.every((a) => a.confidence <= result.kindConfidence)).toBe(true);
    const confidences = result.alternatives.map((a) => a.confidence);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
    valid(result);
  });

  it('maps ResponseId, RecordedDate (not StartDate/EndDate) and embedded data', () => {
    expect(result.mapping.columns).toMatchObject({
      respondent_id: 'ResponseId',
      submitted_at: 'RecordedDate',
      unit_id: 'Unit',
      tenure_band: 'Tenure',
      role: 'Role',
      comment: 'Q4',
    });
    expect(Object.values(result.mapping.columns)).not.toContain('StartDate');
    expect(result.mapping.dateFormats.submitted_at).toEqual(['%Y-%m-%d %H:%M:%S']);
  });

  it('never maps personal data and says why', () => {
    for (const name of [
      'IPAddress',
      'RecipientLastName',
      'RecipientFirstName',
      'RecipientEmail',
      'LocationLatitude',
      'LocationLongitude',
    ]) {
      expect(guess(result, name).role).toBeNull();
      expect(guess(result, name).why).toMatch(/^personal data: not imported/);
    }
    const sources = [
      ...Object.values(result.mapping.columns),
      ...result.mapping.items.map((i) => i.column),
    ];
    expect(sources).not.toContain('RecipientEmail');
  });

  it('ignores Qualtrics metadata (numeric ones are not items)', () => {
    for (const name of [
      'Status',
      'Progress',
      'Duration (in seconds)',
      'Finished',
      'DistributionChannel',
      'UserLanguage',
    ]) {
      expect(guess(result, name).role).toBeNull();
      expect(guess(result, name).why).toMatch(/metadata/);
    }
    expect(result.mapping.items.map((i) => i.column)).toEqual([
      'Q1_1',
      'Q1_2',
      'Q1_3',
      'Q2_1',
      'Q2_2',
      'Q2_3',
      'Q2_4',
      'Q3',
    ]);
  });

  it('matches catalogue items by text, keeping their factor and coding', () => {
    expect(item(result, 'Q1_1')).toMatchObject({
      itemId: 'ENG1',
      factor: 'engagement',
      scaleMin: 1,
      scaleMax: 5,
    });
    expect(item(result, 'Q1_2').itemId).toBe('ENG2');
    // Catalogue says ENG3 is not reverse-coded, despite "rarely".
    expect(item(result, 'Q1_3')).toMatchObject({ itemId: 'ENG3', reverseCoded: false });
    expect(guess(result, 'Q1_1')).toMatchObject({ role: 'item' });
    expect(guess(result, 'Q1_1').why).toMatch(/catalogue item ENG1/);
  });

  it('infers factors, scales and ids for new items', () => {
    expect(item(result, 'Q2_1')).toMatchObject({
      itemId: 'Q2_1',
      factor: 'leadership',
      text: 'My manager gives me regular, useful feedback.',
      scaleMin: 1,
      scaleMax: 5,
      reverseCoded: false,
    });
    expect(item(result, 'Q2_2').factor).toBe('enablement');
    expect(item(result, 'Q2_3').factor).toBe('value:Customer First');
    expect(item(result, 'Q3')).toMatchObject({
      factor: 'enps',
      scaleMin: 0,
      scaleMax: 10,
      reverseCoded: false,
    });
  });

  it('takes N/A codes from the question text and flags negative wording', () => {
    expect(item(result, 'Q2_4')).toMatchObject({
      scaleMin: 1,
      scaleMax: 5,
      naCodes: ['6'],
      reverseCoded: true,
    });
    expect(guess(result, 'Q2_4').confidence).toBeLessThan(guess(result, 'Q2_1').confidence);
    expect(
      result.problems.some((p) => p.startsWith('Q2_4') && /reverse-coded.*check/.test(p)),
    ).toBe(true);
  });

  it('takes the period from the file name', () => {
    expect(result.mapping.constants.period).toBe('2025-Q3');
    expect(result.mapping.periodFromDate).toBeUndefined();
    expect(result.problems.some((p) => /no period/.test(p))).toBe(false);
  });

  it('derives the period from the completion date when the file name has none', () => {
    const other = inferMapping({
      fileName: 'Engagement_Survey_September.csv',
      headerShape: 'qualtrics',
      columns: qualtricsExport(),
      catalogue: CATALOGUE,
    });
    expect(other.mapping.constants.period).toBeUndefined();
    expect(other.mapping.periodFromDate).toBe('submitted_at');
  });

  it('accepts ImportIds given without the JSON wrapper', () => {
    const plain = qualtricsExport().map((c) => ({
      ...c,
      importId: c.importId ? (JSON.parse(c.importId) as { ImportId: string }).ImportId : undefined,
    }));
    const other = inferMapping({
      fileName: 'x.csv',
      headerShape: 'qualtrics',
      columns: plain,
      catalogue: CATALOGUE,
    });
    expect(other.mapping.columns.comment).toBe('Q4');
    expect(guess(other, 'Status').why).toMatch(/metadata/);
  });

  it('matches catalogue items by ImportId', () => {
    const catalogue = [{ ...CATALOGUE[0]!, itemId: 'QID2_1', text: 'Something else entirely' }];
    const other = inferMapping({
      fileName: 'x.csv',
      headerShape: 'qualtrics',
      columns: qualtricsExport(),
      catalogue,
    });
    expect(item(other, 'Q2_1').itemId).toBe('QID2_1');
    expect(guess(other, 'Q2_1').why).toMatch(/ImportId/);
  });
});

describe('SurveyMonkey export (2 header rows, answer texts)', () => {
  const result = inferMapping({
    fileName: 'Pulse survey.csv',
    headerShape: 'surveymonkey',
    columns: surveyMonkeyExport([
      '09/14/2025 10:21:33 AM',
      '09/02/2025 03:01:09 PM',
      '08/29/2025 11:59:59 PM',
    ]),
    catalogue: [],
  });

  it('maps the ids, dates and the team question', () => {
    expect(result.kind).toBe('survey_responses');
    valid(result);
    expect(result.mapping.columns).toMatchObject({
      respondent_id: 'Respondent ID',
      submitted_at: 'End Date',
      unit_id: 'Which team do you work in?',
      comment: 'Anything else you would like to add?',
    });
    expect(result.mapping.dateFormats.submitted_at).toEqual(['%m/%d/%Y %I:%M:%S %p']);
    for (const name of ['IP Address', 'Email Address', 'First Name', 'Last Name'])
      expect(guess(result, name).why).toMatch(/^personal data: not imported/);
    expect(guess(result, 'Collector ID').role).toBeNull();
  });

  it('scores answer texts and keeps "Don\'t know" as N/A', () => {
    const proud = item(result, 'To what extent do you agree with each statement?');
    expect(proud).toMatchObject({
      text: 'I am proud to work for Brightwater',
      factor: 'engagement',
      scaleMin: 1,
      scaleMax: 5,
    });
    expect(proud.choiceScores).toEqual({
      'Strongly disagree': 1,
      Disagree: 2,
      'Neither agree nor disagree': 3,
      Agree: 4,
      'Strongly agree': 5,
    });
    expect(proud.naCodes).toEqual(["Don't know"]);
    const manager = item(result, 'How satisfied are you with your line manager?');
    expect(manager.factor).toBe('leadership');
    expect(manager.choiceScores?.['Very dissatisfied']).toBe(1);
    expect(manager.choiceScores?.['Very satisfied']).toBe(5);
  });

  it('scores 0-10 end labels and recognises eNPS', () => {
    const enps = item(result, 'How likely are you to recommend Brightwater as a place to work?');
    expect(enps).toMatchObject({ factor: 'enps', scaleMin: 0, scaleMax: 10 });
    expect(enps.choiceScores).toEqual({ '0 - Not at all likely': 0, '10 - Extremely likely': 10 });
  });

  it('makes valid, readable ids for generic column names', () => {
    const ids = result.mapping.items.map((i) => i.itemId);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
    expect(new Set(ids.map((i) => i.toLowerCase())).size).toBe(ids.length);
    expect(item(result, 'column_12').itemId).toMatch(/tools/);
    expect(item(result, 'column_13').reverseCoded).toBe(true);
  });

  it('reads all-ambiguous US dates month first, and says so', () => {
    const other = inferMapping({
      fileName: 'pulse.csv',
      headerShape: 'surveymonkey',
      columns: surveyMonkeyExport(['09/02/2025 10:21:33 AM', '08/03/2025 03:01:09 PM']),
      catalogue: [],
    });
    expect(other.mapping.dateFormats.submitted_at).toEqual(['%m/%d/%Y %I:%M:%S %p']);
    expect(
      other.problems.some((p) => /ambiguous dates: check/.test(p) && /SurveyMonkey/.test(p)),
    ).toBe(true);
  });
});

describe('Glint/Peakon-like long export', () => {
  const result = inferMapping({
    fileName: 'glint_export.csv',
    headerShape: 'plain',
    columns: longExport(),
    catalogue: [],
  });

  it('is survey responses in long form', () => {
    expect(result.kind).toBe('survey_responses');
    expect(result.kindConfidence).toBeGreaterThanOrEqual(0.6);
    valid(result);
    expect(result.mapping.long).toEqual({
      itemColumn: 'Question ID',
      scoreColumn: 'Score',
      textColumn: 'Question',
      factorColumn: 'Driver',
    });
    expect(result.mapping.items).toEqual([]);
    expect(result.mapping.columns).toMatchObject({
      respondent_id: 'Employee ID',
      unit_id: 'Team',
      submitted_at: 'Survey Date',
    });
    expect(result.mapping.columns.comment).toBeUndefined();
    expect(result.problems.some((p) => /long format/.test(p))).toBe(true);
    expect(guess(result, 'Score').why).toMatch(/long format/);
  });
});

describe('SPSS .sav with value labels', () => {
  const result = inferMapping({
    fileName: 'engagement_wave3.sav',
    headerShape: 'plain',
    columns: spssExport(),
    catalogue: CATALOGUE,
  });

  it('maps variables by their labels', () => {
    expect(result.kind).toBe('survey_responses');
    valid(result);
    expect(result.mapping.columns).toMatchObject({
      respondent_id: 'RespID',
      unit_id: 'unit',
      tenure_band: 'tenure',
      submitted_at: 'date_comp',
    });
    expect(result.mapping.dateFormats.submitted_at).toEqual(['%d.%m.%Y']);
  });

  it('keeps 9 = "Don\'t know" out of the 1-5 scale', () => {
    for (const name of ['q1', 'q2', 'q3', 'q4']) {
      expect(item(result, name)).toMatchObject({ scaleMin: 1, scaleMax: 5, naCodes: ['9'] });
    }
    expect(item(result, 'q1').itemId).toBe('ENG1');
    expect(item(result, 'q2')).toMatchObject({ itemId: 'INT1', factor: 'value:Integrity' });
    expect(item(result, 'q3')).toMatchObject({ itemId: 'q3', factor: 'leadership' });
    expect(item(result, 'q4').factor).toBe('enablement');
  });

  it('reads the eNPS scale from end-point labels and 99 = No answer', () => {
    expect(item(result, 'enps')).toMatchObject({
      itemId: 'ENPS',
      factor: 'enps',
      scaleMin: 0,
      scaleMax: 10,
      naCodes: ['99'],
    });
  });

  it('keeps gender as a respondent group (a demographic cut), not as an item', () => {
    expect(guess(result, 'gender')).toMatchObject({ role: 'demographic:gender' });
    expect(guess(result, 'gender').why).toMatch(/shown only for groups of the minimum size/);
    expect(result.mapping.demographics).toEqual({ gender: 'gender' });
    expect(result.mapping.items.map((i) => i.column)).not.toContain('gender');
  });
});

describe('CX export', () => {
  const result = inferMapping({
    fileName: 'nps_export_july.csv',
    headerShape: 'plain',
    columns: cxExport(['14/07/2025', '03/07/2025', '28/07/2025']),
    catalogue: [],
  });

  it('is customer feedback with the ratings mapped', () => {
    expect(result.kind).toBe('customer_feedback');
    expect(result.kindConfidence).toBeGreaterThanOrEqual(0.6);
    valid(result);
    expect(result.mapping.columns).toEqual({
      cx_code: 'Store Code',
      responded_at: 'Date',
      nps: 'Likelihood to recommend (0-10)',
      csat: 'Overall satisfaction',
      channel: 'Channel',
    });
    expect(result.mapping.naCodes.nps).toEqual(['N/A']);
    expect(result.mapping.dateFormats.responded_at).toEqual(['%d/%m/%Y']);
    expect(result.problems).toContain(
      'no response id column: each row is one record, its id the file name and row number (a corrected file of the same name replaces its rows)',
    );
    expect(result.problems.some((p) => /ambiguous/.test(p))).toBe(false);
  });

  it('finds NPS and the store code from values when the names say nothing', () => {
    const anonymous = cxExport(['2025-07-14', '2025-07-03']).map((c, i) => ({
      ...c,
      name: `field${i + 1}`,
    }));
    const other = inferMapping({
      fileName: 'export.csv',
      headerShape: 'plain',
      columns: anonymous,
      catalogue: [],
      kind: 'customer_feedback',
    });
    expect(other.mapping.columns.nps).toBe('field3');
    expect(other.mapping.columns.cx_code).toBe('field1');
    expect(other.mapping.columns.responded_at).toBe('field2');
    expect(guess(other, 'field3').why).toMatch(/0-10/);
    expect(guess(other, 'field3').confidence).toBeLessThan(0.6);
  });
});

describe('contact-centre log (Genesys/Five9-like)', () => {
  const result = inferMapping({
    fileName: 'interactions_2025-07.csv',
    headerShape: 'plain',
    columns: contactCentreExport(),
    catalogue: [],
  });

  it('maps every canonical column and hides the agent name and caller number', () => {
    expect(result.kind).toBe('contact_centre');
    expect(result.kindConfidence).toBeGreaterThanOrEqual(0.8);
    valid(result);
    expect(result.mapping.columns).toEqual({
      interaction_id: 'Conversation ID',
      queue_code: 'Queue',
      agent_id: 'Agent ID',
      started_at: 'Conversation Start',
      ivr_reason: 'IVR Selection',
      talk_seconds: 'Talk Time (s)',
      hold_seconds: 'Hold Time (s)',
      wrap_seconds: 'ACW (s)',
      handle_seconds: 'Handle Time (s)',
      transferred: 'Transferred',
      repeat_contact: 'Repeat Caller (7 days)',
    });
    expect(result.mapping.dateFormats.started_at).toEqual(['%Y-%m-%dT%H:%M:%SZ']);
    expect(guess(result, 'Agent Name').why).toMatch(/^personal data: not imported/);
    expect(guess(result, 'ANI').why).toMatch(/^personal data: not imported/);
    expect(result.problems).toEqual([]);
  });

  it('recognises [h:]mm:ss durations and Five9 upper-case headers', () => {
    const five9 = [
      {
        name: 'CALL ID',
        samples: ['300000000001', '300000000002', '300000000003'],
        nonEmpty: 3,
        rows: 3,
      },
      { name: 'SKILL', samples: ['Cards', 'Mortgages'], nonEmpty: 3, rows: 3 },
      { name: 'AGENT', samples: ['a.patel', 'c.jones'], nonEmpty: 3, rows: 3 },
      {
        name: 'TIMESTAMP',
        samples: ['7/3/2025 9:14:22 AM', '7/13/2025 4:02:59 PM'],
        nonEmpty: 3,
        rows: 3,
      },
      { name: 'TALK TIME', samples: ['0:04:05', '0:10:12', '0:01:37'], nonEmpty: 3, rows: 3 },
      { name: 'HOLD TIME', samples: ['0:00:00', '0:00:35'], nonEmpty: 3, rows: 3 },
      { name: 'AFTER CALL WORK TIME', samples: ['0:00:30', '0:00:45'], nonEmpty: 3, rows: 3 },
      { name: 'HANDLE TIME', samples: ['0:04:35', '0:11:32'], nonEmpty: 3, rows: 3 },
      { name: 'TRANSFERS', samples: ['0', '1', '2'], nonEmpty: 3, rows: 3 },
    ];
    const other = inferMapping({
      fileName: 'five9 call log.csv',
      headerShape: 'plain',
      columns: five9,
      catalogue: [],
    });
    expect(other.kind).toBe('contact_centre');
    valid(other);
    expect(other.mapping.columns).toMatchObject({
      interaction_id: 'CALL ID',
      queue_code: 'SKILL',
      agent_id: 'AGENT',
      started_at: 'TIMESTAMP',
      talk_seconds: 'TALK TIME',
      wrap_seconds: 'AFTER CALL WORK TIME',
      handle_seconds: 'HANDLE TIME',
    });
    expect(other.mapping.dateFormats.started_at).toEqual(['%m/%d/%Y %I:%M:%S %p']);
    expect(other.mapping.durations).toEqual({
      talk_seconds: 'hms',
      hold_seconds: 'hms',
      wrap_seconds: 'hms',
      handle_seconds: 'hms',
    });
    expect(other.problems.some((p) => /transferred.*not yes\/no/.test(p))).toBe(true);
    expect(other.problems).toContain(
      'no repeat-contact flag column: the figures that need it show no data',
    );
  });
});

describe('HRIS hierarchy', () => {
  const result = inferMapping({
    fileName: 'org_hierarchy_2025-07-01.csv',
    headerShape: 'plain',
    columns: hrisHierarchy(),
    catalogue: [],
  });

  it('is org units with leader names and the effective date from the file name', () => {
    expect(result.kind).toBe('org_units');
    expect(result.kindConfidence).toBeGreaterThanOrEqual(0.8);
    valid(result);
    expect(result.mapping.columns).toEqual({
      unit_id: 'Org Unit ID',
      unit_name: 'Org Unit Name',
      parent_id: 'Parent Org Unit ID',
      level: 'Level',
      leader_name: 'Manager Name',
    });
    expect(result.mapping.constants.effective_from).toBe('2025-07-01');
    expect(result.problems).toEqual(['no unit type column found: choose one']);
  });

  it('asks for the effective date when nothing gives it', () => {
    const other = inferMapping({
      fileName: 'org.csv',
      headerShape: 'plain',
      columns: hrisHierarchy(),
      catalogue: [],
    });
    expect(other.problems).toContain(
      'no effective date found: set the date this hierarchy took effect',
    );
  });

  it('treats "Manager ID" as the parent when there is no parent unit column', () => {
    const cols = [
      { name: 'Dept ID', samples: ['D10', 'D11', 'D12'], nonEmpty: 3, rows: 3 },
      { name: 'Department', samples: ['Retail', 'Leeds', 'York'], nonEmpty: 3, rows: 3 },
      { name: 'Manager ID', samples: ['D10', 'D11'], nonEmpty: 2, rows: 3 },
      { name: 'Org Level', samples: ['1', '2', '3'], nonEmpty: 3, rows: 3 },
      { name: 'Unit Type', samples: ['company', 'region', 'store'], nonEmpty: 3, rows: 3 },
    ];
    const other = inferMapping({
      fileName: 'hierarchy Q3 2025.xlsx',
      headerShape: 'plain',
      columns: cols,
      catalogue: [],
    });
    expect(other.kind).toBe('org_units');
    expect(other.mapping.columns).toMatchObject({
      unit_id: 'Dept ID',
      unit_name: 'Department',
      parent_id: 'Manager ID',
      level: 'Org Level',
      unit_type: 'Unit Type',
    });
    expect(other.mapping.constants.effective_from).toBe('2025-07-01');
    expect(other.problems).toEqual([]);
  });
});

describe('manager-email tree', () => {
  const result = inferMapping({
    fileName: 'people_export.csv',
    headerShape: 'plain',
    columns: managerEmailTree(),
    catalogue: [],
  });

  it('is a hierarchy of the teams, linked through e-mails that are never imported', () => {
    expect(result.kind).toBe('org_units');
    valid(result);
    expect(result.mapping.managerTree).toEqual({
      personColumn: 'Employee Email',
      managerColumn: 'Manager Email',
    });
    expect(result.mapping.columns).toEqual({ unit_name: 'Department' });
    for (const name of ['Employee Email', 'Manager Email']) {
      expect(guess(result, name).role).toBeNull();
      expect(guess(result, name).why).toMatch(/^manager tree: .*not imported/);
    }
    expect(guess(result, 'Employee Name').why).toMatch(/^personal data: not imported/);
    expect(result.problems.some((p) => /^manager tree \(person -> manager\)/.test(p))).toBe(true);
    expect(result.problems.some((p) => /no (?:level|unit type|unit) column/.test(p))).toBe(false);
  });

  it('without a team column it says what to add', () => {
    const teamless = inferMapping({
      fileName: 'people_export.csv',
      headerShape: 'plain',
      columns: managerEmailTree().filter((c) => c.name !== 'Department'),
      catalogue: [],
    });
    expect(teamless.mapping.managerTree).toBeUndefined();
    expect(teamless.problems.some((p) => /without a team column/.test(p))).toBe(true);
  });
});
