import { z } from 'zod';
import { CANONICAL_COLUMNS, CANONICAL_KINDS } from '../canonicalFormats';
import { IDENTIFIER } from './normalise';
import { extraRoles } from './rules';
import type { ColumnMapping, ItemMapping } from './types';

/**
 * Validation for a mapping that comes back from the mapping screen or a saved profile: shapes,
 * and that every name it uses means something for its kind. Every accepted mapping is also
 * accepted by the wire schema in src/shared/imports.ts (this one is stricter).
 */
const sourceColumn = z.string().min(1).max(10_000);
const text = z.string().max(10_000);

export const itemMappingSchema = z
  .object({
    column: sourceColumn,
    itemId: z
      .string()
      .max(128)
      .regex(IDENTIFIER, 'an item id starts with a letter and has only letters, digits and _'),
    text,
    factor: z.string().min(1).max(200),
    scaleMin: z.number().int(),
    scaleMax: z.number().int(),
    reverseCoded: z.boolean(),
    naCodes: z.array(text),
    choiceScores: z.record(z.string(), z.number().finite()).optional(),
  })
  .refine((item) => item.scaleMin < item.scaleMax, {
    message: 'scaleMin must be below scaleMax',
    path: ['scaleMax'],
  });

export const durationFormatSchema = z.enum(['hms', 'milliseconds', 'minutes', 'days']);

export const longFormatSchema = z.object({
  itemColumn: sourceColumn,
  scoreColumn: sourceColumn,
  textColumn: sourceColumn.optional(),
  factorColumn: sourceColumn.optional(),
});

const PERIOD = /^\d{4}-Q[1-4]$/;
/** Demographic dimension ids (mapping.demographics): role and tenure_band are columns of their own. */
export const DIMENSION = /^[a-z][a-z0-9_]{0,39}$/;
export const RESERVED_DIMENSIONS: ReadonlySet<string> = new Set(['role', 'tenure_band', 'org']);
export const DIMENSION_RULE =
  'a demographic is named in lower case letters, digits and _ (such as gender or age_band), and is not role, tenure_band or org (role and tenure_band are columns of their own)';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const columnMappingSchema = z
  .object({
    kind: z.enum(CANONICAL_KINDS),
    columns: z.record(z.string(), sourceColumn),
    constants: z.record(z.string(), text),
    items: z.array(itemMappingSchema),
    dateFormats: z.record(z.string(), z.array(z.string().min(1).max(100))),
    naCodes: z.record(z.string(), z.array(text)),
    decimalComma: z.boolean(),
    periodFromDate: z.string().optional(),
    durations: z.record(z.string(), durationFormatSchema).optional(),
    choiceScores: z.record(z.string(), z.record(z.string(), z.number().finite())).optional(),
    timeColumns: z.record(z.string(), sourceColumn).optional(),
    managerTree: z.object({ personColumn: sourceColumn, managerColumn: sourceColumn }).optional(),
    long: longFormatSchema.optional(),
    waves: z.record(z.string().max(200), text).optional(),
    demographics: z.record(z.string().max(40), sourceColumn).optional(),
  })
  .superRefine((m, ctx) => {
    const specs = CANONICAL_COLUMNS[m.kind];
    const canonical = new Set(specs.map((s) => s.name));
    const roles = new Set([...canonical, ...extraRoles(m.kind)]);
    const dated = new Set(
      specs.filter((s) => s.type === 'DATE' || s.type === 'TIMESTAMP').map((s) => s.name),
    );
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });

    for (const role of Object.keys(m.columns))
      if (!roles.has(role)) issue(['columns', role], `${m.kind} has no column ${role}`);
    for (const [role, value] of Object.entries(m.constants)) {
      if (!canonical.has(role)) issue(['constants', role], `${m.kind} has no column ${role}`);
      if (role === 'period' && !PERIOD.test(value))
        issue(['constants', role], 'a period is written YYYY-Qn');
      if (dated.has(role) && !ISO_DATE.test(value))
        issue(['constants', role], 'a date constant is written YYYY-MM-DD');
    }
    for (const role of Object.keys(m.dateFormats))
      if (!dated.has(role))
        issue(['dateFormats', role], `${role} is not a date column of ${m.kind}`);
    for (const role of Object.keys(m.naCodes))
      if (!roles.has(role) && m.demographics?.[role] === undefined)
        issue(['naCodes', role], `${m.kind} has no column ${role}`);
    for (const role of Object.keys(m.durations ?? {}))
      if (!canonical.has(role) || !role.endsWith('_seconds'))
        issue(['durations', role], `${role} is not a duration column of ${m.kind}`);
    for (const role of Object.keys(m.choiceScores ?? {}))
      if (!canonical.has(role)) issue(['choiceScores', role], `${m.kind} has no column ${role}`);
    if (m.periodFromDate !== undefined) {
      if (m.kind !== 'survey_responses')
        issue(['periodFromDate'], 'only survey responses derive their period');
      else if (!dated.has(m.periodFromDate))
        issue(['periodFromDate'], `${m.periodFromDate} is not a date column`);
    }
    for (const role of Object.keys(m.timeColumns ?? {}))
      if (!specs.some((s) => s.name === role && s.type === 'TIMESTAMP'))
        issue(['timeColumns', role], `${role} is not a date-and-time column of ${m.kind}`);
    if (m.managerTree && m.kind !== 'org_units')
      issue(['managerTree'], 'only an org hierarchy comes as a manager tree');
    if (m.long && m.kind !== 'survey_responses')
      issue(['long'], 'only survey responses come in long form');
    if (m.items.length > 0 && m.kind !== 'survey_responses')
      issue(['items'], 'only survey responses have item columns');
    if ((m.waves || m.demographics) && m.kind !== 'survey_responses')
      issue(
        [m.waves ? 'waves' : 'demographics'],
        'only survey responses have waves or demographics',
      );
    for (const [wave, period] of Object.entries(m.waves ?? {}))
      if (!PERIOD.test(period)) issue(['waves', wave], 'a period is written YYYY-Qn');
    for (const dimension of Object.keys(m.demographics ?? {}))
      if (!DIMENSION.test(dimension) || RESERVED_DIMENSIONS.has(dimension))
        issue(['demographics', dimension], DIMENSION_RULE);
    const ids = new Set<string>();
    const sources = new Set<string>();
    m.items.forEach((item, i) => {
      const id = item.itemId.toLowerCase();
      if (ids.has(id)) issue(['items', i, 'itemId'], `item id ${item.itemId} is used twice`);
      if (canonical.has(id) || id === 'comment')
        issue(['items', i, 'itemId'], `item id ${item.itemId} is a canonical column name`);
      ids.add(id);
      if (sources.has(item.column))
        issue(['items', i, 'column'], `column ${item.column} holds two items`);
      sources.add(item.column);
    });
  });

// Compile-time check: the schemas describe exactly the interfaces in types.ts.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const itemsAgree: Same<z.infer<typeof itemMappingSchema>, ItemMapping> = true;
const mappingsAgree: Same<z.infer<typeof columnMappingSchema>, ColumnMapping> = true;
void itemsAgree;
void mappingsAgree;
