import { z } from 'zod';

/**
 * The values-alignment heatmap: units (one hierarchy level at a time, drillable) by company
 * values, as % favourable or as the difference in points from the company, the parent or the
 * previous period. Every employee figure has passed the engine's confidentiality rules: a
 * suppressed figure is null with a reason, never a number; "no data" is a separate status.
 */

const periodId = z.string().regex(/^\d{4}-Q[1-4]$/, 'a period looks like 2025-Q3');

export const HEATMAP_MODES = ['absolute', 'vs_company', 'vs_parent', 'vs_previous'] as const;
export const heatmapModeSchema = z.enum(HEATMAP_MODES);
export type HeatmapMode = z.infer<typeof heatmapModeSchema>;

export const heatmapInputSchema = z
  .object({
    /** Default: the latest period with survey responses. */
    period: periodId.optional(),
    /** Default: the company root; rows are its children. Drill down by passing a row's unitId. */
    parentId: z.string().min(1).max(200).optional(),
    mode: heatmapModeSchema.default('absolute'),
    /**
     * Rows are exactly these units (any level of the hierarchy in force for the period), in the
     * order given, instead of the parent's children. Ids not in that hierarchy are left out and
     * listed in `unknownUnits`; a unit below another listed unit keeps its own row. The output's
     * `selection` is then the set's combined row (formula in the output's `selection` and
     * `formula`). In vs_parent each row is compared with its own parent (as in its parent's
     * heatmap) and the combined row with parentId's (default the company). Not combinable with a
     * demographic `groupBy` (INVALID_ARGUMENTS).
     */
    unitIds: z.array(z.string().min(1).max(200)).min(1).max(5000).optional(),
    /**
     * 'org' (default): rows are org units. Or a demographic dimension ('role', 'tenure_band'; the
     * ids in the output's `groupings`): rows are the groups of that dimension among the people in
     * the parent's full roll-up (parentId, default the company); row.unitId is the group's value
     * (e.g. '<1y'), row.level the dimension. People who did not say form the group 'Not stated',
     * held to the same rules as any group. Every group figure passes the demographic
     * confidentiality rules (minimum size, next-smallest within the scope, the tree rules on each
     * group's own population, unanimous remainders), decided once per period over the whole tree.
     */
    groupBy: z.string().min(1).max(100).optional(),
  })
  .strict();
export type HeatmapInput = z.input<typeof heatmapInputSchema>;

const statusSchema = z.enum(['ok', 'suppressed', 'no_data']);

export const heatmapCellSchema = z.object({
  /** The value column, 'value:<Name>'. */
  value: z.string(),
  /** Share of answered 1-5 responses to the value's items scored 4-5 (reverse-coded flipped). */
  pctFavourable: z.number().nullable(),
  /** Points from the mode's reference (company, parent, previous period); null in absolute mode. */
  delta: z.number().nullable(),
  /** Respondents who answered at least one of the value's items; null unless status is 'ok'. */
  n: z.number().int().nullable(),
  status: statusSchema,
  /** Why suppressed or missing; on an 'ok' cell, a caveat (e.g. a reorganisation between periods). */
  reason: z.string().nullable(),
});
export type HeatmapCell = z.infer<typeof heatmapCellSchema>;

export const leaderGapSchema = z.object({
  value: z.string(),
  /** % favourable among leaders / front-line staff; null unless status is 'ok'. */
  leaders: z.number().nullable(),
  frontLine: z.number().nullable(),
  /** Leaders minus front line, in points. */
  gap: z.number().nullable(),
  leadersN: z.number().int().nullable(),
  frontLineN: z.number().int().nullable(),
  status: statusSchema,
  reason: z.string().nullable(),
});
export type LeaderGap = z.infer<typeof leaderGapSchema>;

const unitRef = z.object({ id: z.string(), name: z.string(), level: z.string() });

export const heatmapRowSchema = z.object({
  unitId: z.string(),
  name: z.string(),
  level: z.string(),
  /** Respondents in the unit's full roll-up; null when the row is suppressed. */
  n: z.number().int().nullable(),
  status: statusSchema,
  reason: z.string().nullable(),
  cells: z.array(heatmapCellSchema),
  /** Highest minus lowest visible % favourable across the row's values; null with fewer than two. */
  spread: z.number().nullable(),
  /** Leaders vs front line per value; null when the workspace has no role data. */
  leaderGap: z.array(leaderGapSchema).nullable(),
});
export type HeatmapRow = z.infer<typeof heatmapRowSchema>;

const summaryRowSchema = heatmapRowSchema.omit({ unitId: true, name: true, level: true }).extend({
  unitId: z.string(),
});

/** The group id of people who gave no answer for a demographic dimension. */
export const NOT_STATED = 'Not stated';
/** The grouping of rows by org unit (the default). */
export const ORG_GROUPING = 'org';
/** Colour range of every difference mode, in points: fixed, so the same colour means the same gap. */
export const DELTA_SCALE_BOUND = 20;

export const heatmapOutputSchema = z.object({
  period: z.string(),
  /** The period vs_previous compares with; null in other modes or when there is none. */
  previousPeriod: z.string().nullable(),
  parent: unitRef,
  mode: heatmapModeSchema,
  minGroupSize: z.number().int(),
  purpose: z.string().nullable(),
  values: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      items: z.array(z.object({ itemId: z.string(), text: z.string() })),
    }),
  ),
  rows: z.array(heatmapRowSchema),
  /** unitIds asked for that are not in the hierarchy in force for the period (no row). */
  unknownUnits: z.array(z.string()),
  /** The grouping of the rows: 'org', or the demographic dimension asked for. */
  groupBy: z.string(),
  /**
   * The groupings this workspace offers, 'org' first ({id: 'org', label: 'Org units'}), then
   * each demographic dimension some respondent answered ({id: 'role', label: 'Role'},
   * {id: 'tenure_band', label: 'Tenure'}).
   */
  groupings: z.array(z.object({ id: z.string(), label: z.string() })),
  /**
   * With unitIds: the set's combined row (unitId 'selection'). Each cell is the mean of the
   * member rows' shown % favourable weighted by their shown n: sum(n_i x pct_i) / sum(n_i) over
   * the members whose cell is shown, leaving out a member whose cell for that value is already
   * counted through a shown listed unit above it (no one counted twice); the cell's n is the sum
   * of those n_i. Hidden cells contribute nothing, so the combined figure is made only of shown
   * figures. A value with no shown member cell is 'no_data' with the reason. Its delta is
   * against the mode's reference like any row (vs_previous: the same members' combined row in
   * the previous period). n is the sum of the counted members' shown respondents; leaderGap is
   * null. Null without unitIds.
   */
  selection: summaryRowSchema.nullable(),
  /** The company root's own figures (its full roll-up). */
  company: summaryRowSchema,
  /** The parent's own figures (its full roll-up), the reference for vs_parent. */
  parentRow: summaryRowSchema,
  /**
   * One colour scale per view, never mixed: absolute is percent 0..100 (sequential); every
   * difference mode is delta -20..+20 points (diverging) whatever the data, so a colour means the
   * same gap across modes and views. Differences beyond +-20 are clamped to the end colours by
   * the renderer (the cell still shows its number).
   */
  scale: z.object({
    family: z.enum(['percent', 'delta']),
    min: z.number(),
    max: z.number(),
    diverging: z.boolean(),
  }),
  formula: z.string(),
});
export type HeatmapOutput = z.infer<typeof heatmapOutputSchema>;

/** The contract entry, for src/shared/contract.ts: `heatmap: heatmapMethod,`. */
export const heatmapMethod = {
  description:
    'Values-alignment heatmap for a period: the children of a unit (default: the company), a chosen set of units (with their combined row), or the demographic groups (role, tenure) within a unit, by company values, as % favourable or points vs company, parent or previous period; spread per row; leaders vs front line; suppressed cells marked with the reason.',
  input: heatmapInputSchema,
  output: heatmapOutputSchema,
} as const;
