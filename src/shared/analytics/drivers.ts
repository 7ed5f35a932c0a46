import { z } from 'zod';
import { metricValueSchema } from '../metrics';

/**
 * Driver analysis: which survey items (or company values) move with an outcome, their importance
 * (how strongly they go together with it) against their performance (% favourable in the scope),
 * sorted into quadrants. eNPS and the engagement index are correlated across respondents inside
 * the scope; customer NPS and CSAT across units (employee figures in period t, customer figures in
 * t+lag, as in `linkage`). Every employee figure has passed the engine's confidentiality rules: a
 * suppressed figure is null with a reason, never a number. Imports nothing but zod.
 */

const periodId = z.string().regex(/^\d{4}-Q[1-4]$/, 'a period looks like 2025-Q3');

export const RESPONDENT_OUTCOMES = ['enps', 'engagement_index'] as const;
export const UNIT_OUTCOMES = ['nps', 'csat'] as const;
export const DRIVER_OUTCOMES = [...RESPONDENT_OUTCOMES, ...UNIT_OUTCOMES] as const;
export const driverOutcomeSchema = z.enum(DRIVER_OUTCOMES);
export type DriverOutcome = z.infer<typeof driverOutcomeSchema>;
export type RespondentOutcome = (typeof RESPONDENT_OUTCOMES)[number];
export type UnitOutcome = (typeof UNIT_OUTCOMES)[number];

export const DRIVER_KINDS = ['item', 'value'] as const;
export const driverKindSchema = z.enum(DRIVER_KINDS);
export type DriverKind = z.infer<typeof driverKindSchema>;

/**
 * Importance above / below the median against performance above / below the median:
 * key_strength (important and strong: protect it), priority (important but weak: act here first),
 * secondary_strength (strong, matters less), low_priority (weak, matters less).
 */
export const DRIVER_QUADRANTS = [
  'key_strength',
  'priority',
  'secondary_strength',
  'low_priority',
] as const;
export const driverQuadrantSchema = z.enum(DRIVER_QUADRANTS);
export type DriverQuadrant = z.infer<typeof driverQuadrantSchema>;

/** DOMAIN.md: driver analysis needs at least 25 per group (respondents, or units). */
export const DRIVER_FLOOR = 25;

export const driversInputSchema = z
  .object({
    /** Default 'enps'. Optional rather than defaulted, so the methods listing shows it optional. */
    outcome: driverOutcomeSchema.optional(),
    /** Default 'item'. */
    by: driverKindSchema.optional(),
    /** The scope: default the company root. */
    unitId: z.string().min(1).max(200).optional(),
    /**
     * Employee period t. Default: the latest period with survey responses (for NPS and CSAT, the
     * latest whose t+lag has customer data).
     */
    period: periodId.optional(),
    /** Unit-level outcomes only: the org level whose units are correlated (default as in linkage). */
    level: z.string().min(1).max(100).optional(),
    /** Unit-level outcomes only: customer period = t + lag quarters (default 0). */
    lag: z.number().int().min(-2).max(2).optional(),
  })
  .strict();
export type DriversInput = z.input<typeof driversInputSchema>;

/** 'ok', 'suppressed' (with the reason, never a number) or 'no_data', as every figure says it. */
const statusSchema = metricValueSchema.shape.status;

export const driverImportanceSchema = z.object({
  /** Pearson r with the outcome; null unless status is 'ok'. */
  r: z.number().nullable(),
  /** 95% interval for r (Fisher z). */
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  /** Respondents (or units) behind r: those with both this driver and the outcome. */
  n: z.number().int().nullable(),
  status: statusSchema,
  reason: z.string().nullable(),
});
export type DriverImportance = z.infer<typeof driverImportanceSchema>;

export const relativeWeightSchema = z.object({
  /** This driver's part of the R² of all drivers together (Johnson 2000); the parts add up to R². */
  raw: z.number(),
  /** raw / R², in percent: the driver's share of what the drivers explain together. */
  share: z.number(),
});

export const driverSchema = z.object({
  /** The item id, or the value's factor 'value:<Name>'. */
  id: z.string(),
  /** The item's text, or the value's name. */
  label: z.string(),
  factor: z.string(),
  importance: driverImportanceSchema,
  /** Null when relative weights were not computed (see importanceMethod.note). */
  relativeWeight: relativeWeightSchema.nullable(),
  /** % favourable in the scope (its full roll-up), under the per-figure suppression rules. */
  performance: metricValueSchema,
  /** Null unless both importance and performance are shown. */
  quadrant: driverQuadrantSchema.nullable(),
});
export type Driver = z.infer<typeof driverSchema>;

const quadrantCounts = z.object({
  key_strength: z.number().int(),
  priority: z.number().int(),
  secondary_strength: z.number().int(),
  low_priority: z.number().int(),
});

export const driversOutputSchema = z.object({
  outcome: driverOutcomeSchema,
  by: driverKindSchema,
  /** 'respondents' for eNPS and engagement; 'units' for NPS and CSAT. */
  analysis: z.enum(['respondents', 'units']),
  unit: z.object({ id: z.string(), name: z.string(), level: z.string() }),
  period: z.string(),
  /** Unit-level outcomes: the customer period t+lag, the lag and the level; otherwise null. */
  customerPeriod: z.string().nullable(),
  lag: z.number().int().nullable(),
  level: z.string().nullable(),
  /** 'suppressed' or 'no_data' results carry a reason and no figures at all (drivers is empty). */
  status: statusSchema,
  reason: z.string().nullable(),
  /** Respondents who answered the outcome, or units in the analysis; null unless status is 'ok'. */
  n: z.number().int().nullable(),
  /** The least n (respondents, or units) a correlation is computed on: 25. */
  floor: z.number().int(),
  minGroupSize: z.number().int(),
  /** Unit-level outcomes: the fewest customer responses a unit needs to enter; otherwise null. */
  minCustomerResponses: z.number().int().nullable(),
  importanceMethod: z.object({
    correlation: z.string(),
    relativeWeights: z.boolean(),
    /** R² of all drivers together, when relative weights were computed. */
    rSquared: z.number().nullable(),
    note: z.string(),
  }),
  /** Sorted by importance (r), strongest first; drivers without an r last. */
  drivers: z.array(driverSchema),
  quadrants: z.object({
    basis: z.string(),
    /** The medians the quadrants split at; null when fewer than two drivers have both figures. */
    importanceSplit: z.number().nullable(),
    performanceSplit: z.number().nullable(),
    counts: quadrantCounts,
  }),
  /** Drivers left out of the analysis on purpose (e.g. the outcome's own items), with why. */
  excludedDrivers: z.array(z.object({ id: z.string(), label: z.string(), reason: z.string() })),
  /** Unit-level outcomes: units left out (employee figures suppressed, too few customers). */
  excludedUnits: z.object({
    total: z.number().int(),
    reasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  }),
  formula: z.string(),
  /** Plain words for the room. */
  message: z.string(),
});
export type DriversOutput = z.infer<typeof driversOutputSchema>;

/** The contract entry, for src/shared/contract.ts: `drivers: driversMethod,`. */
export const driversMethod = {
  description:
    "Driver analysis: which items or values move with an outcome (eNPS or engagement across the scope's respondents; NPS or CSAT across units, employee t vs customer t+lag), importance (Pearson r with its 95% interval, and relative weights) against performance (% favourable), quadrants, each with its n; needs 25 respondents (or units), otherwise suppressed with the reason.",
  input: driversInputSchema,
  output: driversOutputSchema,
} as const;
