import { z } from 'zod';

/**
 * Input and output schemas of the two linkage methods: `linkage` (one scatter of units, employee
 * metric in period t against customer metric in t+lag) and `lagProfile` (r for lags -2..2, each
 * pooled over every valid period pair). Imports nothing but zod.
 */

const periodId = z.string().regex(/^\d{4}-Q[1-4]$/, 'a period looks like 2025-Q3');
const levelName = z.string().min(1).max(100);

export const LINKAGE_EMPLOYEE_METRICS = [
  'engagement_index',
  'pct_favourable',
  'enps',
  'recognition_per_head',
  'attrition',
  'absence_days_per_head',
] as const;
/** Customer and operational (contact-centre) outcomes. */
export const LINKAGE_CUSTOMER_METRICS = [
  'nps',
  'csat',
  'ces',
  'ces_agree',
  'customer_responses',
  'avg_handle_seconds',
  'avg_hold_seconds',
  'avg_wrap_seconds',
  'repeat_contact_rate',
  'transfer_rate',
  'abandonment_rate',
] as const;
export const linkageEmployeeMetricSchema = z.enum(LINKAGE_EMPLOYEE_METRICS);
export const linkageCustomerMetricSchema = z.enum(LINKAGE_CUSTOMER_METRICS);
export type LinkageEmployeeMetric = z.infer<typeof linkageEmployeeMetricSchema>;
export type LinkageCustomerMetric = z.infer<typeof linkageCustomerMetricSchema>;

export const QUADRANTS = ['bright_spot', 'customer_only', 'employee_only', 'at_risk'] as const;
export const quadrantSchema = z.enum(QUADRANTS);
export type Quadrant = z.infer<typeof quadrantSchema>;

export const WITHIN_GROUP = ['none', 'demean', 'per_group'] as const;

export const linkageInputSchema = z
  .object({
    employeeMetric: linkageEmployeeMetricSchema.default('engagement_index'),
    customerMetric: linkageCustomerMetricSchema.default('nps'),
    /** An org level name ('team', 'area', 'region'). Absent: the lowest level customer codes map to. */
    level: levelName.optional(),
    /** Employee period t. Absent: every valid (t, t+lag) pair is pooled, each unit-period a point. */
    period: periodId.optional(),
    /** Customer period = t + lag quarters; negative means the customer figure comes first. */
    lag: z.number().int().min(-2).max(2).default(0),
    withinGroup: z.enum(WITHIN_GROUP).default('none'),
    groupLevel: levelName.default('region'),
  })
  .strict();
export type LinkageInput = z.input<typeof linkageInputSchema>;

export const lagProfileInputSchema = z
  .object({
    employeeMetric: linkageEmployeeMetricSchema.default('engagement_index'),
    customerMetric: linkageCustomerMetricSchema.default('nps'),
    level: levelName.optional(),
    /** Restricts the profile to employee period t (one pair per lag); absent: pooled. */
    period: periodId.optional(),
  })
  .strict();
export type LagProfileInput = z.input<typeof lagProfileInputSchema>;

const correlationFields = {
  /** Pearson r; null when fewer than 3 points or no spread. */
  r: z.number().nullable(),
  spearman: z.number().nullable(),
  /** 95% interval for r (Fisher z). */
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  /** Two-sided p for r = 0 (Fisher z, normal approximation). */
  p: z.number().nullable(),
  /** Number of points (units, or unit-period pairs when pooled). */
  n: z.number().int(),
};

export const linkagePointSchema = z.object({
  unitId: z.string(),
  name: z.string(),
  employeePeriod: z.string(),
  customerPeriod: z.string(),
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
  /** The employee figure as shown elsewhere (never a suppressed value). */
  x: z.number(),
  /** The customer figure. */
  y: z.number(),
  nEmployees: z.number().int(),
  nCustomers: z.number().int(),
  quadrant: quadrantSchema,
  outlier: z.boolean(),
});
export type LinkagePoint = z.infer<typeof linkagePointSchema>;

const quadrantUnit = z.object({ unitId: z.string(), name: z.string(), employeePeriod: z.string() });

export const linkageOutputSchema = z.object({
  employeeMetric: linkageEmployeeMetricSchema,
  customerMetric: linkageCustomerMetricSchema,
  level: z.string(),
  lag: z.number().int(),
  withinGroup: z.enum(WITHIN_GROUP),
  groupLevel: z.string().nullable(),
  /** True when no period was given and every valid period pair is pooled. */
  pooled: z.boolean(),
  /** The pair when one period was asked for; when pooled, the latest pair in the pool. */
  employeePeriod: z.string(),
  customerPeriod: z.string(),
  employeePeriods: z.array(z.string()),
  customerPeriods: z.array(z.string()),
  ...correlationFields,
  /** Smallest |r| this n detects with 80% power, two-sided alpha .05. */
  minDetectableR: z.number().nullable(),
  /** Points needed to detect r = .30 (80% power, alpha .05): 85. */
  nNeededForR30: z.number().int(),
  /** Least-squares line y = intercept + slope * x (on demeaned values for withinGroup demean/per_group). */
  slope: z.number().nullable(),
  intercept: z.number().nullable(),
  minGroupSize: z.number().int(),
  minCustomerResponses: z.number().int(),
  /**
   * The points to draw. Statistics use every point; above 2,000 points (a pooled team-level view)
   * this is every outlier plus a repeatable, evenly spread sample, and `density` covers them all.
   */
  points: z.array(linkagePointSchema),
  /** How many points the statistics used (points.length when nothing was thinned). */
  pointsTotal: z.number().int(),
  /** Counts of all points per grid cell (cell's lower-left corner and size), when thinned. */
  density: z
    .object({
      xStep: z.number(),
      yStep: z.number(),
      cells: z.array(z.object({ x: z.number(), y: z.number(), count: z.number().int() })),
    })
    .optional(),
  excluded: z.object({
    total: z.number().int(),
    reasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  }),
  quadrants: z.object({
    /** How the splits were chosen, in words. */
    basis: z.string(),
    splits: z.array(
      z.object({
        employeePeriod: z.string(),
        customerPeriod: z.string(),
        x: z.number(),
        y: z.number(),
      }),
    ),
    counts: z.object({
      bright_spot: z.number().int(),
      customer_only: z.number().int(),
      employee_only: z.number().int(),
      at_risk: z.number().int(),
    }),
    /** Up to 50 units per quadrant by name, furthest into the quadrant first; counts are totals. */
    units: z.object({
      bright_spot: z.array(quadrantUnit),
      customer_only: z.array(quadrantUnit),
      employee_only: z.array(quadrantUnit),
      at_risk: z.array(quadrantUnit),
    }),
  }),
  groups: z
    .array(
      z.object({
        groupId: z.string(),
        name: z.string(),
        ...correlationFields,
        minDetectableR: z.number().nullable(),
      }),
    )
    .optional(),
  /** Plain words for the room. */
  message: z.string(),
});
export type LinkageOutput = z.infer<typeof linkageOutputSchema>;

export const lagProfileOutputSchema = z.object({
  employeeMetric: linkageEmployeeMetricSchema,
  customerMetric: linkageCustomerMetricSchema,
  level: z.string(),
  lags: z.array(
    z.object({
      lag: z.number().int(),
      r: z.number().nullable(),
      ciLow: z.number().nullable(),
      ciHigh: z.number().nullable(),
      spearman: z.number().nullable(),
      n: z.number().int(),
      minDetectableR: z.number().nullable(),
      employeePeriods: z.array(z.string()),
      customerPeriods: z.array(z.string()),
      excluded: z.number().int(),
    }),
  ),
  message: z.string(),
});
export type LagProfileOutput = z.infer<typeof lagProfileOutputSchema>;
