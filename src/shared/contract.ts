import { z } from 'zod';
import { metricIdSchema } from './metrics';

/**
 * The contract: every method Upstream answers, declared once with its input and output schema.
 * The engine implements one handler per method; Electron IPC, loopback HTTP and the command line
 * all validate input against these schemas before a handler runs.
 * This file imports nothing from node, electron or the DOM.
 */

const periodId = z.string().regex(/^\d{4}-Q[1-4]$/, 'a period looks like 2025-Q3');
const unitId = z.string().min(1).max(200);

export const metricValueSchema = z.object({
  metric: metricIdSchema,
  /** null whenever status is not 'ok': a suppressed value is never a number. */
  value: z.number().nullable(),
  /** The n behind the value (respondents or customer responses); null when suppressed. */
  n: z.number().int().nullable(),
  status: z.enum(['ok', 'suppressed', 'no_data']),
  /** Why a value is suppressed or missing, in words for the screen. */
  reason: z.string().nullable(),
});
export type MetricValue = z.infer<typeof metricValueSchema>;

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
    input: z.object({ period: periodId.optional(), unitId: unitId.optional() }).strict(),
    output: z.object({
      period: z.string(),
      unit: unitRefSchema,
      minGroupSize: z.number().int(),
      tiles: z.array(metricValueSchema.extend({ label: z.string(), formula: z.string() })),
      trend: z.array(z.object({ period: z.string(), values: z.array(metricValueSchema) })),
      /** Periods where the unit's make-up changed (a reorganisation); trends crossing them are marked. */
      reorgs: z.array(z.object({ period: z.string(), note: z.string() })),
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
