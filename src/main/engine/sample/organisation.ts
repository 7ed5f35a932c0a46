import { COMPANY_NAME } from './itemCatalogue';
import { allocate, spread } from './apportion';
import { QUEUE_SKILLS, REGIONS, STREETS, type QueueSkill } from './geography';
import { NameGenerator } from './names';
import type { Random } from './random';
import { planReorganisation } from './reorganisation';
import type { ScaleConfig } from './scale';

export type TeamType = 'store' | 'branch' | 'contact_centre_queue';

export interface UnitBase {
  index: number;
  unitId: string;
  name: string;
  /** Leader in the first snapshot; null when the post is vacant. */
  leaderBefore: string | null;
  leaderAfter: string | null;
}

export type Leaders = Pick<UnitBase, 'leaderBefore' | 'leaderAfter'>;

export interface RegionUnit extends UnitBase {
  /** Only the region created by the reorganisation. */
  createdAtReorg: boolean;
}

export interface AreaUnit extends UnitBase {
  city: string;
  isContactCentre: boolean;
  regionBefore: number;
  regionAfter: number;
}

export interface TeamUnit extends UnitBase {
  type: TeamType;
  areaBefore: number;
  areaAfter: number;
  /** The region the team belonged to before the reorganisation; its planted effects follow the team. */
  homeRegion: number;
  queueSkill: QueueSkill | null;
  /** Numbered within its skill: "Mortgages Queue 3" is 3. */
  queueNumber: number | null;
}

export interface Organisation {
  company: UnitBase;
  /** The reorganisation's new region is last. */
  regions: RegionUnit[];
  areas: AreaUnit[];
  teams: TeamUnit[];
  splitRegion: number;
  newRegion: number;
  movedAreas: number[];
  movedTeams: number[];
}

export function buildOrganisation(random: Random, scale: ScaleConfig): Organisation {
  const names = new NameGenerator(random);
  const leaders = (): Leaders => {
    const before = random.chance(0.02) ? null : names.next();
    const after = random.chance(0.15) ? names.next() : before;
    return { leaderBefore: before, leaderAfter: after };
  };

  const geographies = REGIONS.slice(0, scale.regions);
  const regions: RegionUnit[] = geographies.map((geography, index) => ({
    index,
    unitId: '',
    name: geography.name,
    createdAtReorg: false,
    ...leaders(),
  }));

  const areas: AreaUnit[] = [];
  const retailAreasPerRegion = spread(scale.retailAreas, scale.regions);
  const centresPerRegion = spread(scale.contactCentreAreas, scale.regions);
  geographies.forEach((geography, regionIndex) => {
    const usedAreaNames = new Set<string>();
    const addArea = (city: string, isContactCentre: boolean) => {
      const baseName = isContactCentre ? `${city} Contact Centre` : city;
      let name = baseName;
      for (let n = 2; usedAreaNames.has(name); n++) name = `${baseName} ${n}`;
      usedAreaNames.add(name);
      areas.push({
        index: areas.length,
        unitId: '',
        name,
        city,
        isContactCentre,
        regionBefore: regionIndex,
        regionAfter: regionIndex,
        ...leaders(),
      });
    };
    for (let i = 0; i < (retailAreasPerRegion[regionIndex] ?? 0); i++) {
      addArea(geography.cities[i % geography.cities.length] as string, false);
    }
    for (let i = 0; i < (centresPerRegion[regionIndex] ?? 0); i++) {
      addArea(
        geography.contactCentreCities[i % geography.contactCentreCities.length] as string,
        true,
      );
    }
  });

  const teams = createTeams(random, scale, areas, leaders);
  const reorg = planReorganisation(random, scale, regions, areas, teams, leaders);
  assignUnitIds(regions, areas, teams, reorg.newRegion);

  return {
    company: { index: 0, unitId: formatUnitId(1), name: COMPANY_NAME, ...leaders() },
    regions,
    areas,
    teams,
    splitRegion: 0,
    ...reorg,
  };
}

function createTeams(
  random: Random,
  scale: ScaleConfig,
  areas: AreaUnit[],
  leaders: () => Leaders,
): TeamUnit[] {
  const retailAreas = areas.filter((area) => !area.isContactCentre);
  const centres = areas.filter((area) => area.isContactCentre);
  const retailCounts = allocate(
    scale.retailTeams,
    retailAreas.map(() => random.logNormal(1, 0.35)),
    2,
  );
  const queueCounts = allocate(
    scale.queueTeams,
    centres.map(() => random.uniform(0.8, 1.2)),
    2,
  );
  const usedNames = new Set<string>();
  const queueNumbers = new Map<string, number>();
  const teams: TeamUnit[] = [];

  retailAreas.forEach((area, areaPosition) => {
    const storeShare = random.uniform(0.3, 0.8);
    const streets = random.shuffle([...STREETS]);
    for (let i = 0; i < (retailCounts[areaPosition] ?? 0); i++) {
      const type: TeamType = random.chance(storeShare) ? 'store' : 'branch';
      const suffix = type === 'store' ? 'Store' : 'Branch';
      const address = `${area.city} ${streets[i % streets.length]}`;
      let name = `${address} ${suffix}`;
      for (let n = 2; usedNames.has(name); n++) name = `${address} ${n} ${suffix}`;
      usedNames.add(name);
      teams.push({
        index: teams.length,
        unitId: '',
        name,
        type,
        areaBefore: area.index,
        areaAfter: area.index,
        homeRegion: area.regionBefore,
        queueSkill: null,
        queueNumber: null,
        ...leaders(),
      });
    }
  });

  centres.forEach((area, centrePosition) => {
    for (let i = 0; i < (queueCounts[centrePosition] ?? 0); i++) {
      const skill = QUEUE_SKILLS[(centrePosition * 3 + i) % QUEUE_SKILLS.length] as QueueSkill;
      const number = (queueNumbers.get(skill.code) ?? 0) + 1;
      queueNumbers.set(skill.code, number);
      teams.push({
        index: teams.length,
        unitId: '',
        name: `${skill.name} Queue ${number}`,
        type: 'contact_centre_queue',
        areaBefore: area.index,
        areaAfter: area.index,
        homeRegion: area.regionBefore,
        queueSkill: skill,
        queueNumber: number,
        ...leaders(),
      });
    }
  });
  return teams;
}

/** HR-style ids handed out depth-first, as an HRIS would after a migration; the new region comes last. */
function assignUnitIds(
  regions: RegionUnit[],
  areas: AreaUnit[],
  teams: TeamUnit[],
  newRegion: number,
): void {
  let next = 2;
  for (const region of regions) {
    if (region.index === newRegion) continue;
    region.unitId = formatUnitId(next++);
    for (const area of areas.filter((candidate) => candidate.regionBefore === region.index)) {
      area.unitId = formatUnitId(next++);
      for (const team of teams.filter((candidate) => candidate.areaBefore === area.index))
        team.unitId = formatUnitId(next++);
    }
  }
  (regions[newRegion] as RegionUnit).unitId = formatUnitId(next);
}

function formatUnitId(number: number): string {
  return `U${String(number).padStart(4, '0')}`;
}
