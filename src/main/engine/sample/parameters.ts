import { cutpointsFor } from './stats';
import type { ValueName } from './itemCatalogue';

/**
 * The generating model, on a latent scale where one respondent's answers vary with SD about 1.
 *
 * Team engagement in quarter t:  T[j,t] = mean + region[r] + stable[j] + deviation[j,t]
 * with deviation an AR(1) series around the team's own norm (plus a company-wide shock).
 * Customer latent in quarter t:  C[j,t] = region[r] + stable'[j] + lagBeta * deviation[j,t-1]
 *                                         + sameQuarterGamma * deviation[j,t] + noise
 * Customers respond to a team's engagement moving above or below its own norm, mostly one quarter
 * later; the stable part of engagement does not feed through. That is what makes the lag-1 link the
 * strongest, the same-quarter link weaker, and the reverse lag (customers first) near zero.
 */
export const MODEL = {
  engagement: {
    mean: 0.4,
    teamStableSd: 0.22,
    deviationSd: 0.26,
    deviationAutocorrelation: 0.05,
    /** Company-wide shocks per quarter (part of the deviation): a dip around the reorganisation. */
    quarterShock: [0, 0.03, 0.04, -0.03, -0.06, 0, 0.04, 0.06],
    personSd: 0.5,
    personQuarterSd: 0.3,
    factorTraitSd: 0.35,
    itemNoiseSd: 0.65,
    leaderShift: 0.12,
  },
  factorLoadings: { engagement: 1, value: 0.75, leadership: 0.7, enablement: 0.6, enps: 0.95 },
  enps: { noiseSd: 0.7 },
  customer: {
    lagBeta: 0.38,
    sameQuarterGamma: 0.15,
    teamStableSd: 0.09,
    quarterNoiseSd: 0.06,
    queueShift: -0.12,
  },
  /** Region effects on engagement and on the customer latent (NPS moves about 66 points per unit). */
  regions: {
    North: { engagement: 0.14, customer: 0.03 },
    South: { engagement: 0.03, customer: -0.01 },
    Midlands: { engagement: -0.12, customer: -0.025 },
    West: { engagement: 0.06, customer: 0.01 },
    Scotland: { engagement: 0.1, customer: 0 },
    East: { engagement: -0.08, customer: -0.02 },
    London: { engagement: -0.02, customer: -0.03 },
    'Northern Ireland': { engagement: 0.08, customer: 0.035 },
  } as Record<string, { engagement: number; customer: number }>,
  weakValue: { value: 'Customer First' as ValueName, regionName: 'South', latentShift: -0.42 },
  leaderGap: { value: 'Courage' as ValueName, latentShift: 0.42 },
  survey: {
    teamResponseRate: [0.6, 0.85] as const,
    quarterRateSd: 0.05,
    personRateSd: 0.12,
    leaderRateBonus: 0.1,
    itemNonResponse: 0.03,
    enpsNonResponse: 0.02,
    demographicNonResponse: 0.01,
    commentShare: 0.1,
  },
  workforce: {
    retailSizeSigma: 0.75,
    queueSizeSigma: 0.35,
    /** Queue teams are this much larger than retail teams before scaling. */
    queueSizeFactor: 2.4,
    baseQuarterlyLeaving: 0.04,
    newStarterExtraLeaving: 0.035,
    leavingPerEngagementUnit: 0.03,
    refillShare: 0.88,
    targetDriftSd: 0.04,
  },
  contactCentre: {
    baseRepeatContact: 0.13,
    repeatContactPerDeviationSd: -0.03,
    transferRate: 0.07,
    abandonedShare: 0.01,
  },
  recognition: { eventsPerHeadPerQuarter: 0.3, perEngagementUnit: 1.4 },
  absence: { daysPerHeadPerQuarter: 1.7, perEngagementUnit: -0.6 },
};

/** Likert 1-5: thresholds between categories on the latent scale. */
export const LIKERT_CUTPOINTS = [-1.9, -1.05, -0.25, 1.05];

/** eNPS 0-10 at latent 0: about 25% detractors, 28% promoters. */
export const ENPS_CUTPOINTS = cutpointsFor([
  0.02, 0.03, 0.045, 0.07, 0.1, 0.16, 0.25, 0.45, 0.72, 0.88,
]);

/** Customer NPS 0-10 at latent 0: about 18% detractors, 45% promoters (NPS about +27). */
export const NPS_CUTPOINTS = cutpointsFor([
  0.03, 0.04, 0.055, 0.075, 0.1, 0.13, 0.18, 0.3, 0.55, 0.76,
]);
export const CSAT_CUTPOINTS = cutpointsFor([0.06, 0.12, 0.22, 0.55]);
export const CES_CUTPOINTS = cutpointsFor([0.04, 0.08, 0.14, 0.24, 0.4, 0.65]);
