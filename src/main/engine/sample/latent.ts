import { QUARTER_COUNT } from './calendar';
import type { Organisation } from './organisation';
import { MODEL } from './parameters';
import type { Random } from './random';

/** Latent team states per quarter, indexed `team * QUARTER_COUNT + quarter`. */
export interface TeamLatents {
  /** Mean engagement latent of the team's people. */
  engagement: Float64Array;
  /** The team's departure from its own norm (drives customers). */
  deviation: Float64Array;
  /** Mean latent of the team's customers (NPS, CSAT and CES are cut from it). */
  customer: Float64Array;
}

export function cell(team: number, quarter: number): number {
  return team * QUARTER_COUNT + quarter;
}

export function regionEffect(regionName: string): { engagement: number; customer: number } {
  return MODEL.regions[regionName] ?? { engagement: 0, customer: 0 };
}

export function buildTeamLatents(random: Random, organisation: Organisation): TeamLatents {
  const { engagement: e, customer: c } = MODEL;
  const teamCount = organisation.teams.length;
  const latents: TeamLatents = {
    engagement: new Float64Array(teamCount * QUARTER_COUNT),
    deviation: new Float64Array(teamCount * QUARTER_COUNT),
    customer: new Float64Array(teamCount * QUARTER_COUNT),
  };
  const rho = e.deviationAutocorrelation;
  const innovationSd = e.deviationSd * Math.sqrt(1 - rho * rho);

  const stableEngagement = organisation.teams.map(() => random.normal(0, e.teamStableSd));
  const stableCustomer = withoutProjectionOn(
    organisation.teams.map(() => random.normal(0, c.teamStableSd)),
    stableEngagement,
  );

  for (const team of organisation.teams) {
    const region = regionEffect(organisation.regions[team.homeRegion]?.name ?? '');
    const teamEngagement = stableEngagement[team.index] as number;
    const teamCustomer =
      (stableCustomer[team.index] as number) +
      (team.type === 'contact_centre_queue' ? c.queueShift : 0);
    let previousDeviation = random.normal(0, e.deviationSd);
    for (let t = 0; t < QUARTER_COUNT; t++) {
      const deviation =
        rho * previousDeviation + random.normal(0, innovationSd) + (e.quarterShock[t] ?? 0);
      const index = cell(team.index, t);
      latents.deviation[index] = deviation;
      latents.engagement[index] = e.mean + region.engagement + teamEngagement + deviation;
      latents.customer[index] =
        region.customer +
        teamCustomer +
        c.lagBeta * previousDeviation +
        c.sameQuarterGamma * deviation +
        random.normal(0, c.quarterNoiseSd);
      previousDeviation = deviation;
    }
  }
  return latents;
}

/**
 * The stable parts of engagement and of customer scores are unrelated by design; with a few dozen
 * teams they would still correlate by chance and blur the lag pattern, so the chance part is removed.
 */
function withoutProjectionOn(values: number[], basis: readonly number[]): number[] {
  const mean = (xs: readonly number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanValue = mean(values);
  const meanBasis = mean(basis);
  let covariance = 0;
  let variance = 0;
  values.forEach((value, i) => {
    const b = (basis[i] as number) - meanBasis;
    covariance += (value - meanValue) * b;
    variance += b * b;
  });
  const slope = variance === 0 ? 0 : covariance / variance;
  return values.map((value, i) => value - slope * ((basis[i] as number) - meanBasis));
}
