import { z } from 'zod';

/** The kinds of source Upstream imports (columns per kind: src/main/engine/import/canonicalFormats.ts). */
export const CANONICAL_KINDS = [
  'org_units',
  'survey_items',
  'survey_responses',
  'customer_feedback',
  'unit_mapping',
  'contact_centre',
  'recognition',
  'hr_metrics',
  'preaggregated',
  'people',
] as const;
export const canonicalKindSchema = z.enum(CANONICAL_KINDS);
export type CanonicalKind = z.infer<typeof canonicalKindSchema>;

const identifier = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_]*$/,
    'an item id starts with a letter and has only letters, digits and _',
  );
const text = z.string().max(10_000);

/**
 * How one source file's columns become canonical columns (see src/main/engine/import/mapping).
 * It travels from the mapping screen to the engine, so it is validated like any other input;
 * the engine quotes every name and value in it and never runs any of it as SQL.
 */
export const itemMappingSchema = z.object({
  column: text,
  itemId: identifier,
  text,
  factor: z.string().max(200),
  scaleMin: z.number().int(),
  scaleMax: z.number().int(),
  reverseCoded: z.boolean(),
  naCodes: z.array(text),
  choiceScores: z.record(z.string(), z.number()).optional(),
});

export const columnMappingSchema = z.object({
  kind: canonicalKindSchema,
  columns: z.record(z.string(), text),
  constants: z.record(z.string(), text),
  items: z.array(itemMappingSchema),
  dateFormats: z.record(z.string(), z.array(z.string().max(100))),
  naCodes: z.record(z.string(), z.array(text)),
  decimalComma: z.boolean(),
  periodFromDate: z.string().optional(),
  /**
   * Contact centre durations not in whole seconds: canonical *_seconds column -> how they are
   * written ('days': Excel time fractions, 0.0034722 = 5 minutes).
   */
  durations: z.record(z.string(), z.enum(['hms', 'milliseconds', 'minutes', 'days'])).optional(),
  /**
   * Ratings answered with text (nps, csat, ces): canonical column -> choice text -> score. Also
   * yes/no flags written as words (contact centre `answered`: "Abandoned" -> 0, "Answered" -> 1).
   */
  choiceScores: z.record(z.string(), z.record(z.string(), z.number())).optional(),
  /** A date column and a separate time-of-day column: canonical timestamp -> the time column. */
  timeColumns: z.record(z.string(), text).optional(),
  /**
   * An org hierarchy written as people and their managers (e-mails or person ids, which are not
   * imported): units are the teams named in `columns.unit_name`, each one's parent the team its
   * people's managers belong to, ids made from the team names.
   */
  managerTree: z.object({ personColumn: text, managerColumn: text }).optional(),
  /** Long-form survey exports (one row per respondent and question): the columns to pivot. */
  long: z
    .object({
      itemColumn: text,
      scoreColumn: text,
      textColumn: text.optional(),
      factorColumn: text.optional(),
    })
    .optional(),
  /**
   * Survey responses whose period column holds waves (1, 2, 3 or "T1", "T2"): the quarter each
   * wave stands for, e.g. {"1": "2025-Q1", "2": "2025-Q3"} (matched ignoring case and spaces).
   * One row per person and wave is imported as repeated measures.
   */
  waves: z.record(z.string().max(200), text).optional(),
  /**
   * Survey respondents' demographic groups kept for the heatmap's cuts: a dimension id (gender,
   * age_band, location, shift, grade, department...) -> the source column. Exact ages are kept
   * only as bands (under 25, 25-34, ..., 65+).
   */
  demographics: z.record(z.string().max(40), text).optional(),
});

export type ItemMapping = z.infer<typeof itemMappingSchema>;
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/**
 * A file the user picked, as the engine knows it. Transports turn a user's choice into a token
 * (the desktop app's open dialog, the loopback server's upload); the renderer never names a path.
 */
export const fileTokenSchema = z.string().regex(/^file_[A-Za-z0-9_-]{16,64}$/, 'not a file token');

export const importPreviewSchema = z.object({
  fileName: z.string(),
  format: z.string(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  headerShape: z.string(),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  rows: z.number().int(),
  kind: canonicalKindSchema,
  kindConfidence: z.number(),
  alternatives: z.array(z.object({ kind: canonicalKindSchema, confidence: z.number() })),
  mappingSource: z.string(),
  profile: z.string().nullable(),
  mapping: columnMappingSchema,
  columns: z.array(
    z.object({
      name: z.string(),
      label: z.string().nullable(),
      /** What the values look like: number, date, code, free text, e-mail... */
      type: z.string(),
      /** Non-empty cells in the file. */
      nonEmpty: z.number().int(),
      /** Distinct non-empty values in the file; an estimate within a few per cent when not exact. */
      distinct: z.number().int(),
      distinctExact: z.boolean(),
      /** A few values, only of columns that cannot be personal (see `hidden`). */
      samples: z.array(z.string()),
      /** Why no samples are shown ("personal: survey answers", "personal: ids"...), or null. */
      hidden: z.string().nullable(),
      role: z.string().nullable(),
      confidence: z.number(),
      why: z.string(),
    }),
  ),
  problems: z.array(z.string()),
  warnings: z.array(z.string()),
});

export const importReportSchema = z.object({
  file: z.string(),
  kind: canonicalKindSchema,
  sha256: z.string(),
  status: z.enum(['imported', 'unchanged']),
  format: z.string(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  headerShape: z.string(),
  sheet: z.string().nullable(),
  mappingSource: z.string(),
  profile: z.string().nullable(),
  kindConfidence: z.number(),
  rowsRead: z.number().int(),
  rowsImported: z.number().int(),
  rowsQuarantined: z.number().int(),
  reasons: z.record(z.string(), z.number()),
  warnings: z.array(z.string()),
  keptCopy: z.boolean(),
});

/** Sent while an import runs (Electron: an IPC event; loopback: server-sent events). */
export const importProgressSchema = z.object({
  file: z.string(),
  phase: z.enum(['hashing', 'reading', 'loading', 'mapping', 'validating', 'writing', 'done']),
  fraction: z.number().optional(),
  rows: z.number().optional(),
});
export type ImportProgressEvent = z.infer<typeof importProgressSchema>;
