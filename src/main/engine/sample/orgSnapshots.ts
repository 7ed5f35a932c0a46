import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REORG_QUARTER_INDEX, excelSerial, formatDate, quarterAt } from './calendar';
import type { CsvValue } from './csvWriter';
import type { SampleFile } from './files';
import { workbookBytes } from './xlsxWriter';
import type { Organisation } from './organisation';

export type Snapshot = 'before' | 'after';

export function snapshotEffectiveFrom(snapshot: Snapshot): string {
  return formatDate(quarterAt(snapshot === 'before' ? 0 : REORG_QUARTER_INDEX).startDay);
}

/** The whole hierarchy as an HRIS exports it, parents before children. */
export function snapshotRows(organisation: Organisation, snapshot: Snapshot): CsvValue[][] {
  const after = snapshot === 'after';
  const from = snapshotEffectiveFrom(snapshot);
  const { company, regions, areas, teams } = organisation;
  const leader = (unit: { leaderBefore: string | null; leaderAfter: string | null }) =>
    after ? unit.leaderAfter : unit.leaderBefore;
  const rows: CsvValue[][] = [
    [company.unitId, company.name, null, 'company', 'company', leader(company), from],
  ];

  for (const region of regions) {
    if (region.createdAtReorg && !after) continue;
    rows.push([
      region.unitId,
      region.name,
      company.unitId,
      'region',
      'region',
      leader(region),
      from,
    ]);
    for (const area of areas) {
      if ((after ? area.regionAfter : area.regionBefore) !== region.index) continue;
      rows.push([
        area.unitId,
        area.name,
        region.unitId,
        'area',
        area.isContactCentre ? 'contact_centre' : 'area',
        leader(area),
        from,
      ]);
      for (const team of teams) {
        if ((after ? team.areaAfter : team.areaBefore) !== area.index) continue;
        rows.push([team.unitId, team.name, area.unitId, 'team', team.type, leader(team), from]);
      }
    }
  }
  return rows;
}

/** The columns an HRIS "Org Units" report has, in the canonical column order of snapshotRows. */
export const ORG_XLSX_HEADER = [
  'Org Unit ID',
  'Org Unit Name',
  'Parent Org Unit ID',
  'Level',
  'Unit Type',
  'Manager Name',
  'Effective Date',
] as const;

export const ORG_XLSX_SHEETS = ['Org Units', 'Read me'] as const;

/**
 * One hierarchy snapshot as an HRIS workbook: sheet "Org Units" with the units, parents before
 * children, and "Effective Date" as real Excel date cells; then a "Read me" sheet of notes.
 */
export async function writeOrgSnapshot(
  dir: string,
  organisation: Organisation,
  snapshot: Snapshot,
): Promise<SampleFile> {
  const from = snapshotEffectiveFrom(snapshot);
  const fromDay = quarterAt(snapshot === 'before' ? 0 : REORG_QUARTER_INDEX).startDay;
  const rows = snapshotRows(organisation, snapshot);
  const path = join(dir, `HRIS_Org_Units_${from}.xlsx`);
  const units = rows.map((row) => [...row.slice(0, 6), excelSerial(fromDay)]);
  await writeFile(
    path,
    workbookBytes({
      title: `Organisation structure effective ${from}`,
      author: 'HRIS reporting',
      created: new Date((fromDay - 3) * 86_400_000 + 7 * 3_600_000),
      sheets: [
        {
          name: ORG_XLSX_SHEETS[0],
          header: ORG_XLSX_HEADER,
          rows: units,
          dateColumns: [6],
          widths: [12, 34, 18, 10, 22, 24, 14],
        },
        {
          name: ORG_XLSX_SHEETS[1],
          header: ['Notes'],
          rows: [
            [`${organisation.company.name}: organisation structure report (Org Units).`],
            [`Effective Date: the structure applies from ${from} until the next report.`],
            ['One row per org unit; Parent Org Unit ID is blank for the top of the tree.'],
            [
              'Level: company > region > area > team. Unit Type: store, branch, contact_centre_queue, ...',
            ],
            ['Manager Name is blank where the post was vacant on the effective date.'],
            ['Confidential: for People Analytics use only.'],
          ],
          dateColumns: [],
          widths: [90],
        },
      ],
    }),
  );
  return { kind: 'org_units', path, rows: rows.length, shape: 'xlsx' };
}
