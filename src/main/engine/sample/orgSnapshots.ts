import { REORG_QUARTER_INDEX, formatDate, quarterAt } from './calendar';
import type { CsvValue } from './csvWriter';
import { canonicalHeader, writeSmallFile, type SampleFile } from './files';
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

export async function writeOrgSnapshot(
  dir: string,
  organisation: Organisation,
  snapshot: Snapshot,
): Promise<SampleFile> {
  const fileName = `org_units_${snapshotEffectiveFrom(snapshot)}.csv`;
  return writeSmallFile(
    dir,
    fileName,
    'org_units',
    canonicalHeader('org_units'),
    snapshotRows(organisation, snapshot),
  );
}
