import { z } from 'zod';
import { metricValueSchema } from '../metrics';

/**
 * The team drill-down: one unit's page. Breadcrumbs from the company, headline employee and
 * customer figures with their trends (reorganisations marked), the values profile against parent
 * and company, strongest and weakest items, HR figures, and the direct reports.
 * Every employee figure has passed the engine's confidentiality rules: a suppressed figure is
 * null with a reason, never a number; "no data" is a separate status.
 */

const periodId = z.string().regex(/^\d{4}-Q[1-4]$/, 'a period looks like 2025-Q3');

/**
 * 'rollup' (default): everyone in the unit and every unit below it.
 * 'direct': the people attached to the unit itself plus those attached to the units that report
 * directly to it (one level down), without deeper levels. For a team (no units below) this is
 * the team's own members, the same group as 'rollup'.
 */
export const DRILLDOWN_SCOPES = ['rollup', 'direct'] as const;
export const drilldownScopeSchema = z.enum(DRILLDOWN_SCOPES);
export type DrilldownScope = z.infer<typeof drilldownScopeSchema>;

export const drilldownInputSchema = z
  .object({
    unitId: z.string().min(1).max(200),
    /** Default: the latest period with any data. */
    period: periodId.optional(),
    /** Default 'rollup'. Optional rather than defaulted, so the methods listing shows it optional. */
    scope: drilldownScopeSchema.optional(),
  })
  .strict();
export type DrilldownInput = z.input<typeof drilldownInputSchema>;

const statusSchema = z.enum(['ok', 'suppressed', 'no_data']);

const unitRefSchema = z.object({ id: z.string(), name: z.string(), level: z.string() });

/** A value's % favourable for one group; null unless status is 'ok'. */
export const valueCellSchema = z.object({
  pctFavourable: z.number().nullable(),
  /** Respondents who answered at least one of the value's items; null unless status is 'ok'. */
  n: z.number().int().nullable(),
  status: statusSchema,
  reason: z.string().nullable(),
});
export type ValueCell = z.infer<typeof valueCellSchema>;

export const itemScoreSchema = z.object({
  itemId: z.string(),
  text: z.string(),
  factor: z.string(),
  pctFavourable: z.number(),
  /** People who answered the item (never below the minimum group size). */
  n: z.number().int(),
});
export type ItemScore = z.infer<typeof itemScoreSchema>;

export const AGREEMENT_BANDS = [
  'very strong',
  'strong',
  'moderate',
  'weak',
  'lack of agreement',
] as const;

/**
 * Small-team honesty for the unit's engagement index: the raw figure beside a
 * credibility-weighted one (shrunk toward the nearest shown ancestor by how much groups of its
 * size vary by chance), and how much its people agree (r_wg, given as a band for groups of 10
 * or more). Null fields when not applicable; nothing here when the figure itself is suppressed.
 */
export const smallTeamSchema = z.object({
  status: statusSchema,
  reason: z.string().nullable(),
  raw: z.number().nullable(),
  shrunk: z.number().nullable(),
  /** Share of the unit's own figure in the shrunk one (0..1). */
  weight: z.number().nullable(),
  towards: z.object({ id: z.string(), name: z.string(), value: z.number().nullable() }).nullable(),
  n: z.number().int().nullable(),
  /** Within-group agreement r_wg (0..1, one decimal). */
  rwg: z.number().nullable(),
  agreement: z.enum(AGREEMENT_BANDS).nullable(),
  /** In words, for the screen; null when nothing is shown. */
  note: z.string().nullable(),
});
export type SmallTeam = z.infer<typeof smallTeamSchema>;

/** The unit's dot on the linkage chart (engagement in t against customer NPS in t+1, or t). */
export const linkagePositionSchema = z.object({
  employeePeriod: z.string(),
  customerPeriod: z.string(),
  lag: z.number().int(),
  point: z.object({
    status: statusSchema,
    reason: z.string().nullable(),
    x: z.number().nullable(),
    y: z.number().nullable(),
    nEmployees: z.number().int().nullable(),
    nCustomers: z.number().int().nullable(),
    quadrant: z.enum(['bright_spot', 'customer_only', 'employee_only', 'at_risk']).nullable(),
    /** The company's figures the chart is split at. */
    companyX: z.number().nullable(),
    companyY: z.number().nullable(),
  }),
});
export type LinkagePosition = z.infer<typeof linkagePositionSchema>;

export const drilldownOutputSchema = z.object({
  unit: unitRefSchema,
  period: z.string(),
  scope: drilldownScopeSchema,
  minGroupSize: z.number().int(),
  /** Company first, the unit last, in the hierarchy in force for the period. */
  breadcrumbs: z.array(unitRefSchema),
  /** engagement_index, enps, pct_favourable, respondents, nps, csat. */
  headline: z.array(metricValueSchema),
  /** The engagement index with small-team honesty (full roll-up scope only). */
  smallTeam: smallTeamSchema,
  /** Where the unit (its full roll-up) sits on the linkage chart. */
  linkage: linkagePositionSchema,
  /** Every period, oldest first; `reorg` says when the unit's make-up changed in that period. */
  trends: z.array(
    z.object({
      period: z.string(),
      values: z.array(metricValueSchema),
      reorg: z.string().nullable(),
    }),
  ),
  values: z.array(
    z.object({
      /** 'value:<Name>' as in the item catalogue. */
      value: z.string(),
      name: z.string(),
      unit: valueCellSchema,
      parent: valueCellSchema,
      company: valueCellSchema,
    }),
  ),
  /**
   * Items on 1-5 scales ranked by % favourable; empty when the unit's figures are suppressed.
   * Items answered by fewer than the minimum are left out. Strongest and weakest never share an
   * item: with fewer than 6 items, the upper half is strongest and the lower half weakest.
   */
  items: z.object({
    strongest: z.array(itemScoreSchema),
    weakest: z.array(itemScoreSchema),
    status: statusSchema,
    reason: z.string().nullable(),
  }),
  /**
   * The HR figures (attrition, absence days and recognition per head) with their status and
   * reason, decided like survey figures with the HR headcount as n; the three numbers below are
   * the same figures, null when not shown.
   */
  hr: z.array(metricValueSchema),
  /** Recognition events in the period per head of HR headcount; null when not shown. */
  recognitionPerHead: z.number().nullable(),
  /** Leavers / headcount x 100 for the period; null when not shown. */
  attrition: z.number().nullable(),
  absenceDaysPerHead: z.number().nullable(),
  /**
   * HR headcount of the group; null when there is none. Not confidential: it is the org
   * chart's (the hierarchy method gives every unit's).
   */
  headcount: z.number().int().nullable(),
  /**
   * Why customers called the contact-centre queues mapped here (IVR reasons), most frequent
   * first; customers are not the protected party, so never suppressed.
   */
  ivrMix: z.object({
    interactions: z.number().int(),
    reasons: z.array(
      z.object({ reason: z.string(), interactions: z.number().int(), share: z.number() }),
    ),
  }),
  /** The units reporting directly to this one, in the period's hierarchy (always full roll-ups). */
  children: z.array(
    unitRefSchema.extend({
      /** Respondents in the child's roll-up; null unless the child's figures are visible. */
      respondents: z.number().int().nullable(),
      engagement: metricValueSchema,
      /** The engagement index credibility-weighted toward this unit; null unless shown. */
      shrunkEngagement: z.number().nullable(),
      /** 1 = highest shrunk engagement among the children shown; null when not shown. */
      rank: z.number().int().nullable(),
      status: statusSchema,
      reason: z.string().nullable(),
    }),
  ),
  /** How the children are ranked, in words. */
  childrenRanking: z.string(),
});
export type DrilldownOutput = z.infer<typeof drilldownOutputSchema>;
