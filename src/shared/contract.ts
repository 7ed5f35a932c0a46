import { z } from 'zod';
import { workshopMethods } from './workshop';
import {
  canonicalKindSchema,
  columnMappingSchema,
  fileTokenSchema,
  importPreviewSchema,
  importReportSchema,
} from './imports';
import { importHintsSchema } from './importHints';
import { heatmapMethod } from './analytics/heatmap';
import { drilldownInputSchema, drilldownOutputSchema } from './analytics/drilldown';
import { driversMethod } from './analytics/drivers';
import { settingsMethod } from './settings';
import {
  lagProfileInputSchema,
  lagProfileOutputSchema,
  linkageInputSchema,
  linkageOutputSchema,
} from './analytics/linkage';
import { metricIdSchema, metricValueSchema } from './metrics';

/**
 * The contract: every method Upstream answers, declared once with its input and output schema.
 * The engine implements one handler per method; Electron IPC, loopback HTTP and the command line
 * all validate input against these schemas before a handler runs.
 * This file imports nothing from node, electron or the DOM.
 */

const periodId = z.string().regex(/^\d{4}-Q[1-4]$/, 'a period looks like 2025-Q3');
const unitId = z.string().min(1).max(200);

export { metricValueSchema, type MetricValue } from './metrics';

const unitRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  level: z.string(),
});

const methodListEntry = z.object({
  name: z.string(),
  description: z.string(),
  input: z.unknown(),
  output: z.unknown(),
});

export const contract = {
  methods: {
    description: 'Lists every method with its input and output JSON schema.',
    input: z.object({}).strict(),
    output: z.object({ methods: z.array(methodListEntry) }),
  },
  info: {
    description: 'The open workspace: file, schema version, sources loaded, periods, row counts.',
    input: z.object({}).strict(),
    output: z.object({
      workspace: z.object({
        path: z.string(),
        schemaVersion: z.number().int(),
        createdAt: z.string(),
        updatedAt: z.string(),
        minGroupSize: z.number().int(),
      }),
      sources: z.array(
        z.object({
          id: z.number().int(),
          kind: z.string(),
          fileName: z.string(),
          sha256: z.string(),
          rowsRead: z.number().int(),
          rowsImported: z.number().int(),
          rowsQuarantined: z.number().int(),
          importedAt: z.string(),
        }),
      ),
      periods: z.array(
        z.object({
          id: z.string(),
          start: z.string(),
          end: z.string(),
          surveyResponses: z.number().int(),
          customerResponses: z.number().int(),
        }),
      ),
      tables: z.array(z.object({ name: z.string(), rows: z.number().int() })),
      unmappedCustomerCodes: z.number().int(),
    }),
  },
  hierarchy: {
    description:
      'The organisation tree in force for a period (default: the latest): id, name, level, parent, headcount.',
    input: z.object({ period: periodId.optional() }).strict(),
    output: z.object({
      period: z.string(),
      effectiveFrom: z.string(),
      units: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          level: z.string(),
          depth: z.number().int(),
          parentId: z.string().nullable(),
          unitType: z.string(),
          leader: z.string().nullable(),
          headcount: z.number().int().nullable(),
        }),
      ),
    }),
  },
  overview: {
    description:
      'Headline employee and customer figures for a period and unit (default: latest period, whole company), each with its n and formula, plus the trend across periods.',
    input: z
      .object({
        period: periodId.optional(),
        unitId: unitId.optional(),
        /**
         * A set of units picked together (a brush, a quadrant, heatmap rows): each figure is the
         * mean of the members' shown figures weighted by their n (counts are summed), so it says
         * nothing their own figures do not; members whose figure is hidden are left out. Not with
         * unitId.
         */
        unitIds: z.array(unitId).min(1).max(5000).optional(),
      })
      .strict(),
    output: z.object({
      period: z.string(),
      /** In set mode: { id: 'selection', name: '<N> units', level: 'selection' }. */
      unit: unitRefSchema,
      /** Set mode only (else null): the members counted, ids not in the period's organisation, and how many members each figure left out because theirs is hidden. */
      set: z
        .object({
          units: z.array(unitRefSchema),
          unknown: z.array(z.string()),
          leftOut: z.array(z.object({ metric: metricIdSchema, units: z.number().int() })),
        })
        .nullable(),
      minGroupSize: z.number().int(),
      tiles: z.array(metricValueSchema.extend({ label: z.string(), formula: z.string() })),
      trend: z.array(z.object({ period: z.string(), values: z.array(metricValueSchema) })),
      /** Periods where the unit's make-up changed (a reorganisation); trends crossing them are marked. */
      reorgs: z.array(z.object({ period: z.string(), note: z.string() })),
    }),
  },
  linkage: {
    description:
      'Employee metric in period t against customer metric in t+lag, one point per unit: Pearson and Spearman r, 95% Fisher-z interval, smallest detectable r, slope, quadrants, within-group view; suppressed units are left out with reasons; no period pools all period pairs.',
    input: linkageInputSchema,
    output: linkageOutputSchema,
  },
  lagProfile: {
    description:
      'r with its 95% interval for lags -2..+2 (customer period = employee period + lag), each pooled over every valid period pair, so the room can see which comes first.',
    input: lagProfileInputSchema,
    output: lagProfileOutputSchema,
  },
  drilldown: {
    description:
      "One unit's page: breadcrumbs, headline engagement, eNPS, NPS and CSAT with trends and reorganisation marks, values against parent and company, strongest and weakest items, recognition per head, attrition, absence, direct reports; scope 'rollup' (default) or 'direct'.",
    input: drilldownInputSchema,
    output: drilldownOutputSchema,
  },
  heatmap: heatmapMethod,
  drivers: driversMethod,
  settings: settingsMethod,
  ...workshopMethods,
  importPreview: {
    description:
      'What importing a file would do, without doing it: detected format and shape, the kind and mapping that would be used, a guess and reason per column, a few sample values.',
    input: z
      .object({
        file: fileTokenSchema,
        kind: canonicalKindSchema.optional(),
        sheet: z.string().max(300).optional(),
        profile: z.string().max(100).optional(),
        mapping: columnMappingSchema.optional(),
        hints: importHintsSchema.optional(),
      })
      .strict(),
    output: importPreviewSchema,
  },
  importRun: {
    description:
      'Imports a file with a confirmed mapping in one transaction, reporting progress as events; optionally saves the mapping as a named profile.',
    input: z
      .object({
        file: fileTokenSchema,
        mapping: columnMappingSchema,
        sheet: z.string().max(300).optional(),
        saveProfileAs: z.string().min(1).max(100).optional(),
      })
      .strict(),
    output: importReportSchema,
  },
  importCancel: {
    description: 'Cancels the import in progress; the workspace stays as it was before it.',
    input: z.object({}).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  profiles: {
    description: 'Saved mapping profiles: their names, kinds and the columns they match.',
    input: z.object({}).strict(),
    output: z.object({
      profiles: z.array(
        z.object({
          name: z.string(),
          kind: canonicalKindSchema,
          columns: z.array(z.string()),
          mapping: columnMappingSchema,
          createdAt: z.string(),
          updatedAt: z.string(),
        }),
      ),
    }),
  },
  quarantine: {
    description:
      'Rows kept out of imports with file, row, column and reason (survey rows show only the failing cell).',
    input: z
      .object({
        sourceId: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(1000).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    output: z.object({
      total: z.number().int(),
      rows: z.array(
        z.object({
          sourceId: z.number().int(),
          file: z.string(),
          kind: z.string(),
          row: z.number().int(),
          column: z.string().nullable(),
          rule: z.string(),
          reason: z.string(),
          values: z.record(z.string(), z.unknown()),
        }),
      ),
    }),
  },
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.infer<Contract[M]['output']>;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
