import { SPLIT_REGION_NEW_NAME, SPLIT_TOWNS } from './geography';
import type { AreaUnit, Leaders, Organisation, RegionUnit, TeamUnit } from './organisation';
import type { Random } from './random';
import type { ScaleConfig } from './scale';

/**
 * Between 2025-Q2 and 2025-Q3 the first region hands its areas seated in SPLIT_TOWNS to a new
 * region, and a few teams move to another area of their region. Teams keep their ids.
 */
export function planReorganisation(
  random: Random,
  scale: ScaleConfig,
  regions: RegionUnit[],
  areas: AreaUnit[],
  teams: TeamUnit[],
  leaders: () => Leaders,
): Pick<Organisation, 'newRegion' | 'movedAreas' | 'movedTeams'> {
  const splitRegion = 0;
  const newRegion = regions.length;
  const { leaderAfter } = leaders();
  regions.push({
    index: newRegion,
    unitId: '',
    name: SPLIT_REGION_NEW_NAME,
    createdAtReorg: true,
    leaderBefore: null,
    leaderAfter,
  });

  const movedAreas = areas
    .filter(
      (area) =>
        area.regionBefore === splitRegion && !area.isContactCentre && SPLIT_TOWNS.has(area.city),
    )
    .map((area) => area.index);
  if (movedAreas.length === 0) throw new Error('the region being split has no areas to hand over');
  for (const index of movedAreas) (areas[index] as AreaUnit).regionAfter = newRegion;

  const teamsInArea = new Map<number, number>();
  for (const team of teams)
    teamsInArea.set(team.areaBefore, (teamsInArea.get(team.areaBefore) ?? 0) + 1);
  const stayingRetailAreas = areas.filter(
    (area) => !area.isContactCentre && area.regionAfter === area.regionBefore,
  );
  const candidates = random.shuffle(
    teams.filter(
      (team) =>
        team.type !== 'contact_centre_queue' &&
        stayingRetailAreas.some((area) => area.index === team.areaBefore),
    ),
  );
  const movedTeams: number[] = [];
  for (const team of candidates) {
    if (movedTeams.length >= scale.teamsMovedAtReorg) break;
    const source = areas[team.areaBefore] as AreaUnit;
    const targets = stayingRetailAreas.filter(
      (area) => area.regionBefore === source.regionBefore && area.index !== source.index,
    );
    if (targets.length === 0 || (teamsInArea.get(source.index) ?? 0) <= 2) continue;
    const target = random.pick(targets);
    team.areaAfter = target.index;
    teamsInArea.set(source.index, (teamsInArea.get(source.index) ?? 0) - 1);
    movedTeams.push(team.index);
  }
  movedTeams.sort((a, b) => a - b);
  return { newRegion, movedAreas, movedTeams };
}
