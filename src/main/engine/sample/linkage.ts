import { QUARTER_COUNT } from './calendar';
import type { CustomerStats } from './customers';
import { cell, type TeamLatents } from './latent';
import type { Organisation } from './organisation';
import { MODEL } from './parameters';
import { pearson, round } from './stats';
import type { SurveyStats } from './surveyStats';
import type { SampleTruth } from './truth';

export const MIN_RESPONDENTS = 5;

export interface LinkageInputs {
  organisation: Organisation;
  latents: TeamLatents;
  survey: SurveyStats;
  customers: CustomerStats;
}

/**
 * The lag pattern as the app will see it, computed from the same counts the files hold: team
 * engagement index (teams with at least MIN_RESPONDENTS) against NPS from mapped cx codes.
 */
export function observeLagEffect(inputs: LinkageInputs): SampleTruth['lagEffect'] {
  const { organisation, survey, customers, latents } = inputs;
  const engagementIndex = (team: number, t: number): number | null => {
    const index = cell(team, t);
    if ((survey.respondents[index] as number) < MIN_RESPONDENTS) return null;
    const count = survey.engagementIndexCount[index] as number;
    return count === 0 ? null : (survey.engagementIndexSum[index] as number) / count;
  };
  const nps = (team: number, t: number): number | null => {
    const index = cell(team, t);
    const answers = customers.npsAnswers[index] as number;
    if (answers === 0) return null;
    return (
      (100 * ((customers.promoters[index] as number) - (customers.detractors[index] as number))) /
      answers
    );
  };
  const correlate = (
    pairsOf: (team: number, t: number) => [number | null, number | null, number?, number?],
  ) => {
    const xs: number[] = [];
    const ys: number[] = [];
    const latentXs: number[] = [];
    const latentYs: number[] = [];
    for (const team of organisation.teams) {
      for (let t = 0; t < QUARTER_COUNT; t++) {
        const [x, y, latentX, latentY] = pairsOf(team.index, t);
        if (x === null || y === null) continue;
        xs.push(x);
        ys.push(y);
        if (latentX !== undefined && latentY !== undefined) {
          latentXs.push(latentX);
          latentYs.push(latentY);
        }
      }
    }
    return {
      r: round(pearson(xs, ys), 4),
      latentR: round(pearson(latentXs, latentYs), 4),
      pairs: xs.length,
    };
  };
  const lag = correlate((team, t) =>
    t + 1 < QUARTER_COUNT
      ? [
          engagementIndex(team, t),
          nps(team, t + 1),
          latents.engagement[cell(team, t)],
          latents.customer[cell(team, t + 1)],
        ]
      : [null, null],
  );
  const same = correlate((team, t) => [engagementIndex(team, t), nps(team, t)]);
  const reverse = correlate((team, t) =>
    t + 1 < QUARTER_COUNT ? [nps(team, t), engagementIndex(team, t + 1)] : [null, null],
  );
  const c = MODEL.customer;
  return {
    lag: 1,
    model:
      'Team engagement latent E[t] = mean + region + stable + D[t], with D an AR(1) deviation from the ' +
      "team's own norm (plus company-wide shocks). Customer latent C[t] = region' + stable' + " +
      "beta * D[t-1] + gamma * D[t] + noise, stable' unrelated to stable. Each customer's NPS, CSAT " +
      'and CES are cut from C + N(0, 1); each employee answer from E + person effects + item noise.',
    beta: c.lagBeta,
    sameQuarterGamma: c.sameQuarterGamma,
    deviationAutocorrelation: MODEL.engagement.deviationAutocorrelation,
    latentR: lag.latentR,
    observedR: lag.r,
    observedSameQuarterR: same.r,
    observedReverseR: reverse.r,
    pairs: { lag: lag.pairs, sameQuarter: same.pairs, reverse: reverse.pairs },
    definition:
      'Pearson r over team-quarter pairs pooled across periods: engagement index (respondent mean of engagement items rescaled 0-100, averaged over respondents; teams with at least 5 respondents) against NPS from customer feedback whose cx_code is in unit_mapping. observedR: engagement t vs NPS t+1; observedSameQuarterR: t vs t; observedReverseR: NPS t vs engagement t+1.',
  };
}
