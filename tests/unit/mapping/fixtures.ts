import type { CatalogueItem, ColumnProfile } from '../../../src/main/engine/import/mapping';

/**
 * Header sets as real vendors export them (names, second/third header rows, SPSS variable and
 * value labels) with sample values, for the mapping inference tests.
 */

export function col(
  name: string,
  samples: string[],
  extra: Partial<Omit<ColumnProfile, 'name' | 'samples'>> = {},
): ColumnProfile {
  return { name, samples, nonEmpty: samples.length * 3, rows: 600, ...extra };
}

/** n distinct ids with a prefix. */
export function ids(prefix: string, n: number, width = 6): string[] {
  return Array.from(
    { length: n },
    (_, i) => `${prefix}${String(1000 + i * 7).padStart(width, '0')}`,
  );
}

export const likert = (extra: string[] = []) => ['1', '2', '3', '4', '5', ...extra];
export const zeroToTen = () => Array.from({ length: 11 }, (_, i) => String(i));

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** ISO timestamps in September 2025. */
export function isoTimestamps(n: number, day0 = 1): string[] {
  return Array.from(
    { length: n },
    (_, i) =>
      `2025-09-${pad(day0 + (i % 20))} ${pad(8 + (i % 10))}:${pad((i * 7) % 60)}:${pad((i * 13) % 60)}`,
  );
}

export const CATALOGUE: CatalogueItem[] = [
  {
    itemId: 'ENG1',
    text: 'I am proud to work for Brightwater.',
    factor: 'engagement',
    scaleMin: 1,
    scaleMax: 5,
    reverseCoded: false,
  },
  {
    itemId: 'ENG2',
    text: 'I would recommend Brightwater as a great place to work.',
    factor: 'engagement',
    scaleMin: 1,
    scaleMax: 5,
    reverseCoded: false,
  },
  {
    itemId: 'ENG3',
    text: 'I rarely think about looking for a job at another company.',
    factor: 'engagement',
    scaleMin: 1,
    scaleMax: 5,
    reverseCoded: false,
  },
  {
    itemId: 'CF1',
    text: 'People in my team go out of their way to put things right for customers.',
    factor: 'value:Customer First',
    scaleMin: 1,
    scaleMax: 5,
    reverseCoded: false,
  },
  {
    itemId: 'INT1',
    text: 'People here do what they say they will do.',
    factor: 'value:Integrity',
    scaleMin: 1,
    scaleMax: 5,
    reverseCoded: false,
  },
  {
    itemId: 'TW1',
    text: 'People in my team help each other out when workloads are high.',
    factor: 'value:Teamwork',
    scaleMin: 1,
    scaleMax: 5,
    reverseCoded: false,
  },
  {
    itemId: 'ENPS',
    text: 'How likely is it that you would recommend Brightwater as a place to work?',
    factor: 'enps',
    scaleMin: 0,
    scaleMax: 10,
    reverseCoded: false,
  },
];

const STEM = 'How much do you agree with the following statements?';

/** Qualtrics "numeric values" CSV: 3 header rows (names, question texts, ImportIds as JSON). */
export function qualtricsExport(): ColumnProfile[] {
  const q = (name: string, label: string, importId: string, samples: string[]) =>
    col(name, samples, { label, importId: JSON.stringify({ ImportId: importId }) });
  const meta = (name: string, label: string, importId: string, samples: string[]) =>
    col(name, samples, {
      label,
      importId: JSON.stringify({
        ImportId: importId,
        ...(/date/i.test(importId) ? { timeZone: 'Europe/London' } : {}),
      }),
    });
  return [
    meta('StartDate', 'Start Date', 'startDate', isoTimestamps(60)),
    meta('EndDate', 'End Date', 'endDate', isoTimestamps(60)),
    meta('Status', 'Response Type', 'status', ['0']),
    meta('IPAddress', 'IP Address', 'ipAddress', ['81.2.69.160', '81.2.69.192', '2.125.160.216']),
    meta('Progress', 'Progress', 'progress', ['100', '45', '80']),
    meta('Duration (in seconds)', 'Duration (in seconds)', 'duration', [
      '312',
      '455',
      '1210',
      '98',
    ]),
    meta('Finished', 'Finished', 'finished', ['1', '0']),
    meta('RecordedDate', 'Recorded Date', 'recordedDate', isoTimestamps(60)),
    meta('ResponseId', 'Response ID', '_recordId', [
      'R_1a2B3c4D5e6F7g8',
      'R_2b3C4d5E6f7G8h9',
      'R_3c4D5e6F7g8H9i0',
      'R_4d5E6f7G8h9I0j1',
      'R_5e6F7g8H9i0J1k2',
    ]),
    meta('RecipientLastName', 'Recipient Last Name', 'recipientLastName', ['Okafor', 'Smith']),
    meta('RecipientFirstName', 'Recipient First Name', 'recipientFirstName', ['Ada', 'John']),
    meta('RecipientEmail', 'Recipient Email', 'recipientEmail', [
      'ada.okafor@brightwater.example',
      'j.smith@brightwater.example',
    ]),
    meta('ExternalReference', 'External Data Reference', 'externalDataReference', []),
    meta('LocationLatitude', 'Location Latitude', 'locationLatitude', ['51.5072', '53.4808']),
    meta('LocationLongitude', 'Location Longitude', 'locationLongitude', ['-0.1276', '-2.2426']),
    meta('DistributionChannel', 'Distribution Channel', 'distributionChannel', [
      'anonymous',
      'email',
    ]),
    meta('UserLanguage', 'User Language', 'userLanguage', ['EN-GB']),
    q('Q1_1', `${STEM} - I am proud to work for Brightwater.`, 'QID1_1', likert()),
    q(
      'Q1_2',
      `${STEM} - I would recommend Brightwater as a great place to work.`,
      'QID1_2',
      likert(),
    ),
    q(
      'Q1_3',
      `${STEM} - I rarely think about looking for a job at another company.`,
      'QID1_3',
      likert(),
    ),
    q('Q2_1', `${STEM} - My manager gives me regular, useful feedback.`, 'QID2_1', likert()),
    q(
      'Q2_2',
      `${STEM} - I have the tools and resources I need to do my job well.`,
      'QID2_2',
      likert(),
    ),
    q(
      'Q2_3',
      `${STEM} - We live our Customer First value, even when it is hard.`,
      'QID2_3',
      likert(),
    ),
    q(
      'Q2_4',
      `${STEM} - I do not get enough information about changes that affect me. (6 = Not applicable)`,
      'QID2_4',
      likert(['6']),
    ),
    q(
      'Q3',
      'How likely are you to recommend Brightwater as a place to work to a friend? (0 = Not at all likely, 10 = Extremely likely)',
      'QID3',
      zeroToTen(),
    ),
    q('Q4', 'Is there anything else you would like to tell us?', 'QID4_TEXT', [
      'My manager really listens and acts on what we say.',
      'Targets, targets, targets. It feels like customers come second.',
      'Flexible rotas have made a huge difference to my work-life balance.',
    ]),
    col('Unit', ['T-0101', 'T-0102', 'T-0215', 'T-0333'], {
      label: 'Unit',
      importId: '{"ImportId":"Unit"}',
    }),
    col('Tenure', ['Less than 1 year', '1-2 years', '3-5 years', '5+ years'], {
      label: 'Tenure',
      importId: '{"ImportId":"Tenure"}',
    }),
    col('Role', ['People manager', 'Individual contributor'], {
      label: 'Role',
      importId: '{"ImportId":"Role"}',
    }),
  ];
}

/** SurveyMonkey "actual answer text" export: question in the first header row, sub-header (choice/statement) in the second. */
export function surveyMonkeyExport(endDates: string[]): ColumnProfile[] {
  const agree = [
    'Strongly agree',
    'Agree',
    'Neither agree nor disagree',
    'Disagree',
    'Strongly disagree',
    "Don't know",
  ];
  return [
    col('Respondent ID', [
      '114589632541',
      '114589632542',
      '114589632577',
      '114589632601',
      '114589632650',
    ]),
    col('Collector ID', ['431789512']),
    col('Start Date', endDates),
    col('End Date', endDates),
    col('IP Address', ['81.2.69.160', '81.2.69.192']),
    col('Email Address', []),
    col('First Name', []),
    col('Last Name', []),
    col('Custom Data 1', []),
    col('Which team do you work in?', ['BR-101', 'BR-102', 'ST-4410'], { label: 'Response' }),
    col('To what extent do you agree with each statement?', agree, {
      label: 'I am proud to work for Brightwater',
    }),
    col('column_12', agree, { label: 'I have the tools I need to do my job' }),
    col('column_13', agree, { label: "I don't feel my ideas are listened to" }),
    col(
      'How satisfied are you with your line manager?',
      [
        'Very satisfied',
        'Satisfied',
        'Neither satisfied nor dissatisfied',
        'Dissatisfied',
        'Very dissatisfied',
      ],
      { label: 'Response' },
    ),
    col(
      'How likely are you to recommend Brightwater as a place to work?',
      [
        '0 - Not at all likely',
        '1',
        '2',
        '3',
        '4',
        '5',
        '6',
        '7',
        '8',
        '9',
        '10 - Extremely likely',
      ],
      { label: 'Response' },
    ),
    col(
      'Anything else you would like to add?',
      ['More staff at weekends please.', 'Great team, we look after each other.'],
      { label: 'Open-Ended Response' },
    ),
  ];
}

/** Glint/Peakon-like long export: one row per employee and question. */
export function longExport(): ColumnProfile[] {
  return [
    col('Employee ID', ids('E', 120)),
    col('Team', ['T-0101', 'T-0102', 'T-0103']),
    col('Survey Date', ['2025-09-03', '2025-09-04', '2025-09-05']),
    col('Question ID', ['eng_proud', 'eng_recommend', 'mgr_feedback', 'enps']),
    col('Question', [
      'I am proud to work for Brightwater',
      'I would recommend Brightwater as a great place to work',
      'My manager gives me useful feedback',
      'How likely are you to recommend Brightwater?',
    ]),
    col('Driver', ['Engagement', 'Manager', 'eNPS']),
    col('Score', zeroToTen()),
  ];
}

/** SPSS .sav: variable names, variable labels and value labels (9 = Don't know). */
export function spssExport(): ColumnProfile[] {
  const agreeLabels = {
    '1': 'Strongly disagree',
    '2': 'Disagree',
    '3': 'Neither agree nor disagree',
    '4': 'Agree',
    '5': 'Strongly agree',
    '9': "Don't know",
  };
  return [
    col(
      'RespID',
      Array.from({ length: 80 }, (_, i) => String(5001 + i)),
      { label: 'Respondent ID' },
    ),
    col('unit', ['T-0101', 'T-0102', 'T-0206'], { label: 'Org unit code' }),
    col('tenure', ['1', '2', '3', '4', '5'], {
      label: 'Length of service',
      valueLabels: {
        '1': 'Less than 1 year',
        '2': '1-2 years',
        '3': '3-5 years',
        '4': '6-10 years',
        '5': 'More than 10 years',
      },
    }),
    col('gender', ['1', '2', '3'], {
      label: 'Gender',
      valueLabels: { '1': 'Female', '2': 'Male', '3': 'Prefer not to say' },
    }),
    col('q1', likert(['9']), {
      label: 'I am proud to work for Brightwater',
      valueLabels: agreeLabels,
    }),
    col('q2', likert(['9']), {
      label: 'People here do what they say they will do',
      valueLabels: agreeLabels,
    }),
    col('q3', likert(['9']), {
      label: 'Senior leaders communicate a clear direction',
      valueLabels: agreeLabels,
    }),
    col('q4', likert(['9']), {
      label: 'I have the equipment I need to serve customers well',
      valueLabels: agreeLabels,
    }),
    col('enps', [...zeroToTen(), '99'], {
      label: 'How likely is it that you would recommend Brightwater as a place to work?',
      valueLabels: { '0': 'Not at all likely', '10': 'Extremely likely', '99': 'No answer' },
    }),
    col('date_comp', ['14.07.2025', '03.07.2025', '21.07.2025', '01.08.2025'], {
      label: 'Date completed',
    }),
  ];
}

/** CX platform CSV ("Store Code;Date;Likelihood to recommend (0-10);Overall satisfaction;Channel"). */
export function cxExport(dates: string[]): ColumnProfile[] {
  return [
    col('Store Code', ['ST-1042', 'ST-2231', 'BR-317', 'ST-0456', 'BR-902']),
    col('Date', dates),
    col('Likelihood to recommend (0-10)', [...zeroToTen(), 'N/A']),
    col('Overall satisfaction', likert()),
    col('Channel', ['Branch', 'Phone', 'App', 'Web']),
  ];
}

/** Genesys/Five9-like interaction log. */
export function contactCentreExport(): ColumnProfile[] {
  return [
    col('Conversation ID', [
      '6f1c2a9e-0c1d-4c8e-9a51-1e2f3a4b5c6d',
      '7a2d3b0f-1d2e-4d9f-8b62-2f3a4b5c6d7e',
      '8b3e4c1a-2e3f-4ea0-9c73-3a4b5c6d7e8f',
      '9c4f5d2b-3f40-4fb1-8d84-4b5c6d7e8f90',
      'ad506e3c-4051-40c2-9e95-5c6d7e8f90a1',
    ]),
    col('Queue', ['Q-CARDS', 'Q-MORTGAGES', 'Q-GENERAL']),
    col('Agent ID', ['A1001', 'A1002', 'A1017']),
    col('Agent Name', ['Sam Patel', 'Chris Jones']),
    col('Conversation Start', [
      '2025-07-03T09:14:22Z',
      '2025-07-03T09:15:01Z',
      '2025-07-04T16:02:59Z',
    ]),
    col('IVR Selection', ['Lost card', 'Balance', 'Mortgage enquiry']),
    col('Talk Time (s)', ['245', '612', '97', '1300']),
    col('Hold Time (s)', ['0', '35', '120']),
    col('ACW (s)', ['30', '45', '61']),
    col('Handle Time (s)', ['275', '692', '158', '1420']),
    col('Transferred', ['Yes', 'No']),
    col('Repeat Caller (7 days)', ['No', 'Yes']),
    col('ANI', ['+447700900123', '+447700900456']),
  ];
}

/** HRIS hierarchy export. */
export function hrisHierarchy(): ColumnProfile[] {
  return [
    col('Org Unit ID', ['ORG-001', 'ORG-010', 'ORG-011', 'ORG-101', 'ORG-102']),
    col('Org Unit Name', ['Brightwater', 'Retail North', 'Retail South', 'Leeds Central', 'York']),
    col('Parent Org Unit ID', ['ORG-001', 'ORG-010', 'ORG-011']),
    col('Level', ['1', '2', '3', '4']),
    col('Manager Name', ['Ada Okafor', 'John Smith', 'Priya Shah']),
  ];
}

/** A people tree keyed by e-mail addresses. */
export function managerEmailTree(): ColumnProfile[] {
  return [
    col('Employee Email', [
      'ada.okafor@brightwater.example',
      'j.smith@brightwater.example',
      'p.shah@brightwater.example',
    ]),
    col('Employee Name', ['Ada Okafor', 'John Smith', 'Priya Shah']),
    col('Manager Email', ['ceo@brightwater.example', 'ada.okafor@brightwater.example']),
    col('Department', ['Retail North', 'Leeds Central']),
    col('Job Title', ['Branch Manager', 'Customer Adviser']),
  ];
}
