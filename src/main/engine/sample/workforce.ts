import { QUARTER_COUNT, QUARTERS, quarterAt } from './calendar';
import { FACTOR_KEYS } from './itemCatalogue';
import { cell, type TeamLatents } from './latent';
import type { Organisation, TeamUnit } from './organisation';
import { MODEL } from './parameters';
import type { Random } from './random';
import type { ScaleConfig } from './scale';

export interface Person {
  team: number;
  hireDay: number;
  leader: boolean;
  /** Stable lean of everything this person answers. */
  general: number;
  /** Stable lean per factor, indexed like FACTOR_KEYS. */
  traits: Float64Array;
  /** Added to the team's response rate. */
  responsiveness: number;
  /** Telephony id, for contact-centre front-line staff only. */
  agentId: string | null;
}

export interface Workforce {
  people: Person[];
  /** People employed at survey time, per quarter, grouped by team. */
  rosters: Int32Array[];
  /** Per `cell(team, quarter)`. */
  headcount: Int32Array;
  leavers: Int32Array;
}

/** Survey windows open five weeks into the quarter. */
export const SURVEY_OPENS_AFTER_DAYS = 35;

export function simulateWorkforce(
  random: Random,
  organisation: Organisation,
  latents: TeamLatents,
  scale: ScaleConfig,
): Workforce {
  const w = MODEL.workforce;
  const teams = organisation.teams;
  const targets = initialTeamSizes(random, teams, scale);
  const people: Person[] = [];
  let nextAgentNumber = 10001;
  const hire = (team: TeamUnit, hireDay: number, leader: boolean): number => {
    const traits = new Float64Array(FACTOR_KEYS.length);
    for (let f = 0; f < traits.length; f++)
      traits[f] = random.normal(0, MODEL.engagement.factorTraitSd);
    const isAgent = team.type === 'contact_centre_queue' && !leader;
    people.push({
      team: team.index,
      hireDay,
      leader,
      general:
        random.normal(0, MODEL.engagement.personSd) + (leader ? MODEL.engagement.leaderShift : 0),
      traits,
      responsiveness: random.normal(0, MODEL.survey.personRateSd),
      agentId: isAgent ? `AG${nextAgentNumber++}` : null,
    });
    return people.length - 1;
  };

  const firstSurveyDay = quarterAt(0).startDay + SURVEY_OPENS_AFTER_DAYS;
  const members: number[][] = teams.map((team) => {
    const size = targets[team.index] as number;
    const leaderCount = Math.max(1, Math.round(size / 15));
    return Array.from({ length: size }, (_, i) => {
      const leader = i < leaderCount;
      const years = initialTenureYears(random) + (leader ? 2 : 0);
      return hire(team, firstSurveyDay - Math.round(years * 365.25), leader);
    });
  });

  const headcount = new Int32Array(teams.length * QUARTER_COUNT);
  const leavers = new Int32Array(teams.length * QUARTER_COUNT);
  const rosters: Int32Array[] = [];

  for (let t = 0; t < QUARTER_COUNT; t++) {
    rosters.push(Int32Array.from(members.flat()));
    const surveyDay = quarterAt(t).startDay + SURVEY_OPENS_AFTER_DAYS;
    const nextStart = QUARTERS[t + 1]?.startDay ?? quarterAt(t).endDay;

    for (const team of teams) {
      const index = cell(team.index, t);
      const current = members[team.index] as number[];
      headcount[index] = current.length;
      const teamMood = (latents.engagement[index] as number) - MODEL.engagement.mean;
      const staying: number[] = [];
      let leadersLeft = 0;
      for (const personIndex of current) {
        const person = people[personIndex] as Person;
        const newStarter = surveyDay - person.hireDay < 365;
        const probability = clamp(
          w.baseQuarterlyLeaving +
            (newStarter ? w.newStarterExtraLeaving : 0) -
            w.leavingPerEngagementUnit * (teamMood + person.general),
          0.005,
          0.25,
        );
        if (random.chance(probability)) {
          if (person.leader) leadersLeft++;
        } else {
          staying.push(personIndex);
        }
      }
      leavers[index] = current.length - staying.length;

      const target = clamp(
        Math.round((targets[team.index] as number) * Math.exp(random.normal(0, w.targetDriftSd))),
        3,
        scale.maxTeamSize,
      );
      targets[team.index] = target;
      const gap = Math.max(0, target - staying.length - leadersLeft);
      const hires = Math.max(3 - staying.length - leadersLeft, random.binomial(gap, w.refillShare));
      const hireWindowStart = nextStart - 60;
      for (let i = 0; i < leadersLeft; i++)
        staying.push(hire(team, hireWindowStart + random.int(0, 89), true));
      for (let i = 0; i < hires; i++)
        staying.push(hire(team, hireWindowStart + random.int(0, 89), false));
      members[team.index] = staying;
    }
  }
  return { people, rosters, headcount, leavers };
}

/** Skewed sizes (many small teams, a few large), scaled so the company reaches its headcount. */
function initialTeamSizes(
  random: Random,
  teams: readonly TeamUnit[],
  scale: ScaleConfig,
): number[] {
  const w = MODEL.workforce;
  const raw = teams.map((team) =>
    team.type === 'contact_centre_queue'
      ? w.queueSizeFactor * random.logNormal(1, w.queueSizeSigma)
      : random.logNormal(1, w.retailSizeSigma),
  );
  const sizesFor = (factor: number) =>
    raw.map((value, i) =>
      clamp(
        Math.round(value * factor),
        teams[i]?.type === 'contact_centre_queue' ? 12 : 3,
        scale.maxTeamSize,
      ),
    );
  let low = 1;
  let high = scale.maxTeamSize * 4;
  for (let iteration = 0; iteration < 50; iteration++) {
    const middle = (low + high) / 2;
    const total = sizesFor(middle).reduce((sum, size) => sum + size, 0);
    if (total < scale.employees) low = middle;
    else high = middle;
  }
  return sizesFor(high);
}

function initialTenureYears(random: Random): number {
  const band = random.weighted([0, 1, 2, 3], [0.2, 0.33, 0.2, 0.27]);
  if (band === 0) return random.uniform(0.05, 1);
  if (band === 1) return random.uniform(1, 3);
  if (band === 2) return random.uniform(3, 5);
  return 5 + Math.min(30, -6 * Math.log(1 - random.float()));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
