import { afterEach, expect, it } from 'vitest';
import { csv } from '../../fixtures/tinyCompany';
import { openScalesKit, type ScalesKit } from './scalesKit';

/**
 * A Qualtrics export as Qualtrics writes it (UTF-8 with a BOM, CRLF, three header rows: export
 * tags, the question texts in the survey's language, here German, and the ImportId JSON row),
 * with -99 for "seen but not answered": the header rows never become data, -99 never a score.
 */
let kit: ScalesKit | undefined;
afterEach(() => {
  kit?.close();
  kit = undefined;
});

const STEM = 'Wie sehr stimmen Sie den folgenden Aussagen zu?';
const TAGS = [
  'StartDate',
  'EndDate',
  'Status',
  'Progress',
  'Finished',
  'RecordedDate',
  'ResponseId',
  'UnitID',
  'Period',
  'Q1_1',
  'Q1_2',
  'Q1_3',
  'Q2',
];
const GERMAN = [
  'Startdatum',
  'Enddatum',
  'Antworttyp',
  'Fortschritt',
  'Beendet',
  'Aufgezeichnetes Datum',
  'Antwort-ID',
  'UnitID',
  'Period',
  `${STEM} - Ich bin stolz, hier zu arbeiten`,
  `${STEM} - Meine Führungskraft unterstützt mich`,
  `${STEM} - Ich habe die Werkzeuge, die ich brauche`,
  'Wie wahrscheinlich ist es, dass Sie uns als Arbeitgeber weiterempfehlen? (0-10)',
];
const IMPORT_IDS = [
  'startDate',
  'endDate',
  'status',
  'progress',
  'finished',
  'recordedDate',
  '_recordId',
  'UnitID',
  'Period',
  'QID1_1',
  'QID1_2',
  'QID1_3',
  'QID2',
].map((id) =>
  JSON.stringify({ ImportId: id, ...(id.endsWith('Date') ? { timeZone: 'Europe/Berlin' } : {}) }),
);

const answers = [
  // Q1_1 Q1_2 Q1_3 Q2
  [5, 4, 1, 10],
  [4, 4, 2, 9],
  [-99, 4, 3, -99],
  [3, -99, 4, 0],
  [2, -99, 5, 7],
  [1, 2, 5, 8],
  [5, 3, 4, 6],
  [4, 5, 3, 10],
  [4, 1, 2, 3],
  [5, 2, 1, 9],
];

it('keeps the header rows out of the data and -99 out of the scores', async () => {
  kit = await openScalesKit('upstream-qualtrics-');
  const rows = answers.map((a, i) => {
    const day = `2025-03-${String(i + 1).padStart(2, '0')}`;
    return [
      `${day} 09:00:00`,
      `${day} 09:06:00`,
      'IP Address',
      100,
      'True',
      `${day} 09:06:01`,
      `R_${i}aBcDeFgH${i}`,
      'T1',
      '2025-Q1',
      ...a,
    ];
  });
  const text = csv(TAGS, [GERMAN, IMPORT_IDS, ...rows]);
  const report = await kit.importText(
    'Mitarbeiterbefragung_2025.csv',
    `\ufeff${text.replace(/\n/g, '\r\n')}`,
  );
  expect([
    report.headerShape,
    report.kind,
    report.rowsRead,
    report.rowsImported,
    report.rowsQuarantined,
  ]).toEqual(['qualtrics', 'survey_responses', 10, 10, 0]);
  const items = await kit.items();
  expect(items.map((i) => `${i.item_text}|${i.scale_min}-${i.scale_max}`).sort()).toEqual([
    'Ich bin stolz, hier zu arbeiten|1-5',
    'Ich habe die Werkzeuge, die ich brauche|1-5',
    'Meine Führungskraft unterstützt mich|1-5',
    'Wie wahrscheinlich ist es, dass Sie uns als Arbeitgeber weiterempfehlen? (0-10)|0-10',
  ]);
  const scores = (
    await Promise.all(items.map(async (i) => [...(await kit!.answers(i.item_id)).values()]))
  ).flat();
  expect(scores).toHaveLength(36);
  expect(scores.every(([score]) => score >= 0 && score <= 10)).toBe(true);
  // Q1_1 4-5: 6 of 9; Q1_2: 4 of 8; Q1_3: 4 of 10; Q2 (0-10, not recognised as eNPS in German:
  // an item of its own) 9-10: 4 of 9.
  expect(await kit.figure('pct_favourable')).toMatchObject({ n: 10, answered: 36, favourable: 18 });
});
