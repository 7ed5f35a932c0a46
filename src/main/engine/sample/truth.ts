import { basename } from 'node:path';
import { PERIODS, QUARTER_COUNT } from './calendar';
import type { CustomerStats } from './customers';
import { isMapped, type CxCode, type CxCodeRole } from './cxCodes';
import { snapshotEffectiveFrom } from './orgSnapshots';
import { cell, regionEffect, type TeamLatents } from './latent';
import { SURVEY_ITEMS, valueFactor } from './itemCatalogue';
import type { Organisation } from './organisation';
import { MODEL } from './parameters';
import type { SampleScale } from './scale';
import { round } from './stats';
import { MIN_RESPONDENTS, observeLagEffect } from './linkage';
import type { SampleFile, SampleFileShape } from './files';
import { ITEM_LINKS, SURVEY_SHAPES } from './surveyShapes';
import { percentFavourable, type SurveyStats } from './surveyStats';
import type { Workforce } from './workforce';

/** What the generator planted, and what the written files actually show. */
export interface SampleTruth {
  seed: number;
  scale: SampleScale;
  periods: string[];
  company: { unitId: string; name: string };
  /** Every generating parameter, as used. */
  parameters: typeof MODEL;
  counts: {
    regions: number;
    regionsAfterReorg: number;
    areas: number;
    teams: number;
    stores: number;
    branches: number;
    contactCentreQueues: number;
    /** Headcount in the first period. */
    employees: number;
    /** Everyone employed at any survey, including later hires. */
    distinctEmployees: number;
    surveyItems: number;
    surveyResponses: number;
    customerResponses: number;
    cxCodes: number;
    interactions: number;
    recognitionEvents: number;
    hrMetricRows: number;
  };
  lagEffect: {
    lag: 1;
    model: string;
    /** Customer latent per unit of last quarter's engagement deviation. */
    beta: number;
    /** Customer latent per unit of this quarter's engagement deviation. */
    sameQuarterGamma: number;
    deviationAutocorrelation: number;
    /** Pearson r between latent team engagement in t and latent customer mean in t+1, same pairs as observedR. */
    latentR: number;
    observedR: number;
    observedSameQuarterR: number;
    observedReverseR: number;
    pairs: { lag: number; sameQuarter: number; reverse: number };
    definition: string;
  };
  /** Per region before the reorganisation; teams handed to the new region keep their old region's effects. */
  regionEffects: {
    regionId: string;
    regionName: string;
    engagementShift: number;
    customerShift: number;
    observedEngagementIndex: number;
    observedNps: number;
  }[];
  weakValue: {
    value: string;
    factor: string;
    itemIds: string[];
    regionId: string;
    regionName: string;
    latentShift: number;
    regionPctFavourable: number;
    restPctFavourable: number;
    /** Rest of the company minus the region, in % favourable points, over all periods. */
    gapPoints: number;
  };
  leaderGap: {
    value: string;
    factor: string;
    itemIds: string[];
    latentShift: number;
    leaderPctFavourable: number;
    frontLinePctFavourable: number;
    /** Leaders minus front line, in % favourable points, over all periods. */
    gapPoints: number;
  };
  smallTeams: { threshold: 5; share: number; teams: number; unitIds: string[] };
  responseRate: { min: number; mean: number; max: number };
  reorg: {
    betweenPeriods: [string, string];
    effectiveFrom: string;
    splitRegionId: string;
    splitRegionName: string;
    newRegionId: string;
    newRegionName: string;
    movedAreaIds: string[];
    movedTeamIds: string[];
    movedTeams: { unitId: string; fromAreaId: string; toAreaId: string }[];
  };
  /** Every export in import order, with the shape it is written in. */
  files: {
    file: string;
    kind: string;
    shape: SampleFileShape;
    rows: number;
    /** Survey responses: the quarter the file holds. */
    period?: string;
    /** Survey responses: how the file's answer columns name the catalogue items. */
    itemLink?: string;
  }[];
  unmappedCxCodes: string[];
  unmappedCxCodeDetails: {
    cxCode: string;
    unitId: string | null;
    reason: Exclude<CxCodeRole, 'primary' | 'secondary'>;
  }[];
}

export interface TruthInputs {
  seed: number;
  scale: SampleScale;
  organisation: Organisation;
  latents: TeamLatents;
  workforce: Workforce;
  survey: SurveyStats;
  customers: CustomerStats;
  codes: readonly CxCode[];
  interactions: number;
  recognitionEvents: number;
  hrMetricRows: number;
  files: readonly SampleFile[];
}

export function buildTruth(inputs: TruthInputs): SampleTruth {
  const { organisation, survey, customers, workforce, codes } = inputs;
  const teams = organisation.teams;
  const region = (index: number) => {
    const unit = organisation.regions[index];
    if (!unit) throw new Error(`no region ${index}`);
    return unit;
  };
  const area = (index: number) => {
    const unit = organisation.areas[index];
    if (!unit) throw new Error(`no area ${index}`);
    return unit;
  };
  const weakRegion = organisation.regions.find((unit) => unit.name === MODEL.weakValue.regionName);
  if (!weakRegion) throw new Error(`no region named ${MODEL.weakValue.regionName}`);

  const smallTeams = teams.filter((team) => {
    for (let t = 0; t < QUARTER_COUNT; t++)
      if ((survey.respondents[cell(team.index, t)] as number) < MIN_RESPONDENTS) return true;
    return false;
  });
  const rates: number[] = [];
  for (let i = 0; i < survey.respondents.length; i++) {
    const headcount = workforce.headcount[i] as number;
    if (headcount > 0) rates.push((survey.respondents[i] as number) / headcount);
  }
  const unmapped = codes.filter((code) => !isMapped(code));
  const weak = survey.weakValue;
  const gap = survey.leaderGap;
  const itemIdsOf = (value: string) =>
    SURVEY_ITEMS.filter((item) => item.factor === `value:${value}`).map((item) => item.itemId);

  return {
    seed: inputs.seed,
    scale: inputs.scale,
    periods: [...PERIODS],
    company: { unitId: organisation.company.unitId, name: organisation.company.name },
    parameters: MODEL,
    counts: {
      regions: organisation.regions.filter((unit) => !unit.createdAtReorg).length,
      regionsAfterReorg: organisation.regions.length,
      areas: organisation.areas.length,
      teams: teams.length,
      stores: teams.filter((team) => team.type === 'store').length,
      branches: teams.filter((team) => team.type === 'branch').length,
      contactCentreQueues: teams.filter((team) => team.type === 'contact_centre_queue').length,
      employees: teams.reduce(
        (sum, team) => sum + (workforce.headcount[cell(team.index, 0)] as number),
        0,
      ),
      distinctEmployees: new Set(workforce.rosters.flatMap((roster) => Array.from(roster))).size,
      surveyItems: SURVEY_ITEMS.length,
      surveyResponses: survey.totalResponses,
      customerResponses: customers.totalResponses,
      cxCodes: codes.length,
      interactions: inputs.interactions,
      recognitionEvents: inputs.recognitionEvents,
      hrMetricRows: inputs.hrMetricRows,
    },
    lagEffect: observeLagEffect(inputs),
    regionEffects: organisation.regions
      .filter((unit) => !unit.createdAtReorg)
      .map((unit) => {
        const planted = regionEffect(unit.name);
        const regionTeams = teams.filter((team) => team.homeRegion === unit.index);
        let promoters = 0;
        let detractors = 0;
        let answers = 0;
        for (const team of regionTeams) {
          for (let t = 0; t < QUARTER_COUNT; t++) {
            const index = cell(team.index, t);
            promoters += customers.promoters[index] as number;
            detractors += customers.detractors[index] as number;
            answers += customers.npsAnswers[index] as number;
          }
        }
        return {
          regionId: unit.unitId,
          regionName: unit.name,
          engagementShift: planted.engagement,
          customerShift: planted.customer,
          observedEngagementIndex: round(
            (survey.regionEngagementSum[unit.index] as number) /
              (survey.regionEngagementCount[unit.index] as number),
            2,
          ),
          observedNps: round((100 * (promoters - detractors)) / answers, 2),
        };
      }),
    weakValue: {
      value: MODEL.weakValue.value,
      factor: valueFactor(MODEL.weakValue.value),
      itemIds: itemIdsOf(MODEL.weakValue.value),
      regionId: weakRegion.unitId,
      regionName: weakRegion.name,
      latentShift: MODEL.weakValue.latentShift,
      regionPctFavourable: round(percentFavourable(weak.region), 2),
      restPctFavourable: round(percentFavourable(weak.rest), 2),
      gapPoints: round(percentFavourable(weak.rest) - percentFavourable(weak.region), 2),
    },
    leaderGap: {
      value: MODEL.leaderGap.value,
      factor: valueFactor(MODEL.leaderGap.value),
      itemIds: itemIdsOf(MODEL.leaderGap.value),
      latentShift: MODEL.leaderGap.latentShift,
      leaderPctFavourable: round(percentFavourable(gap.leader), 2),
      frontLinePctFavourable: round(percentFavourable(gap.frontLine), 2),
      gapPoints: round(percentFavourable(gap.leader) - percentFavourable(gap.frontLine), 2),
    },
    smallTeams: {
      threshold: MIN_RESPONDENTS,
      share: round(smallTeams.length / teams.length, 4),
      teams: smallTeams.length,
      unitIds: smallTeams.map((team) => team.unitId),
    },
    responseRate: {
      min: round(
        rates.reduce((least, rate) => Math.min(least, rate), 1),
        4,
      ),
      mean: round(rates.reduce((sum, rate) => sum + rate, 0) / rates.length, 4),
      max: round(
        rates.reduce((most, rate) => Math.max(most, rate), 0),
        4,
      ),
    },
    reorg: {
      betweenPeriods: [PERIODS[3] as string, PERIODS[4] as string],
      effectiveFrom: snapshotEffectiveFrom('after'),
      splitRegionId: region(organisation.splitRegion).unitId,
      splitRegionName: region(organisation.splitRegion).name,
      newRegionId: region(organisation.newRegion).unitId,
      newRegionName: region(organisation.newRegion).name,
      movedAreaIds: organisation.movedAreas.map((index) => area(index).unitId),
      movedTeamIds: organisation.movedTeams.map((index) => teams[index]?.unitId ?? ''),
      movedTeams: organisation.movedTeams.map((index) => {
        const team = teams[index];
        if (!team) throw new Error(`no team ${index}`);
        return {
          unitId: team.unitId,
          fromAreaId: area(team.areaBefore).unitId,
          toAreaId: area(team.areaAfter).unitId,
        };
      }),
    },
    files: describeFiles(inputs.files),
    unmappedCxCodes: unmapped.map((code) => code.code),
    unmappedCxCodeDetails: unmapped.map((code) => ({
      cxCode: code.code,
      unitId: code.team === null ? null : (teams[code.team]?.unitId ?? null),
      reason: code.role as Exclude<CxCodeRole, 'primary' | 'secondary'>,
    })),
  };
}

function describeFiles(files: readonly SampleFile[]): SampleTruth['files'] {
  let surveyQuarter = 0;
  return files.map((file) => {
    const entry: SampleTruth['files'][number] = {
      file: basename(file.path),
      kind: file.kind,
      shape: file.shape,
      rows: file.rows,
    };
    if (file.kind !== 'survey_responses') return entry;
    const t = surveyQuarter++;
    if (SURVEY_SHAPES[t] !== file.shape)
      throw new Error(`survey file ${entry.file} is out of order`);
    return { ...entry, period: PERIODS[t], itemLink: ITEM_LINKS[file.shape] };
  });
}
