import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANONICAL_KINDS } from '../../../src/main/engine/import/canonicalFormats';
import { columnMappingSchema as wireSchema } from '../../../src/shared/imports';
import {
  adaptProfile,
  columnMappingSchema,
  inferMapping,
  matchProfile,
  profileSignature,
  type ColumnProfile,
} from '../../../src/main/engine/import/mapping';
import { CATALOGUE } from './fixtures';

const vendorWords = [
  'ResponseId',
  'RecordedDate',
  'StartDate',
  'Unit',
  'Team ID',
  'Store Code',
  'Date',
  'NPS',
  'CSAT',
  'Talk Time',
  'Hold',
  'ACW',
  'AHT',
  'Queue',
  'Parent ID',
  'Org Unit Name',
  'Level',
  'Headcount',
  'Leavers',
  'Absence days',
  'Programme',
  'Email',
  'First Name',
  'Q1_1',
  'comment',
  'period',
  'item_id',
  'unit_id',
  'Item Text',
  'Factor',
  'Question ID',
  'Score',
  'Manager Email',
  '',
];
const sampleValues = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '9',
  '10',
  '0',
  '99',
  '-1',
  'N/A',
  "Don't know",
  'Strongly agree',
  'Agree',
  '2025-07-03',
  '03/07/2025',
  '07/14/2025 2:05 PM',
  '14.07.2025',
  '2025-Q3',
  'Q3 2025',
  'ST-1042',
  'a@b.example',
  '81.2.69.160',
  '1,5',
  '2.75',
  'Yes',
  'No',
  '0:04:35',
  '10 - Extremely likely',
  'Great service, thanks!',
  '45841',
];

const name = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(...vendorWords),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const value = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(...sampleValues),
  fc.integer({ min: -1000, max: 100000 }).map(String),
);
const profile: fc.Arbitrary<ColumnProfile> = fc.record(
  {
    name,
    label: fc.option(
      fc.oneof(
        fc.string({ maxLength: 80 }),
        fc.constantFrom(
          'I am proud to work for Brightwater.',
          'Response',
          'My manager listens (6 = N/A)',
        ),
      ),
      { nil: undefined },
    ),
    importId: fc.option(
      fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.constantFrom(
          '{"ImportId":"QID1_1"}',
          '{"ImportId":"startDate"}',
          '{bad json',
          'QID4_TEXT',
        ),
      ),
      { nil: undefined },
    ),
    valueLabels: fc.option(
      fc.dictionary(
        fc.oneof(fc.constantFrom('1', '2', '5', '9', '99', 'x'), fc.string({ maxLength: 3 })),
        fc.oneof(
          fc.string({ maxLength: 20 }),
          fc.constantFrom("Don't know", 'Strongly agree', 'Female'),
        ),
      ),
      { nil: undefined },
    ),
    samples: fc.array(value, { maxLength: 25 }),
    nonEmpty: fc.nat(1000),
    rows: fc.nat(1000),
  },
  { requiredKeys: ['name', 'samples', 'nonEmpty', 'rows'] },
);

describe('inferMapping on anything', () => {
  it('never throws and always returns a valid mapping', () => {
    fc.assert(
      fc.property(
        fc.array(profile, { maxLength: 14 }),
        fc.option(fc.constantFrom(...CANONICAL_KINDS), { nil: undefined }),
        fc.constantFrom('qualtrics', 'surveymonkey', 'plain'),
        fc.string({ maxLength: 30 }),
        fc.boolean(),
        (columns, kind, headerShape, fileName, withCatalogue) => {
          const result = inferMapping({
            fileName,
            headerShape,
            columns,
            kind,
            catalogue: withCatalogue ? CATALOGUE : [],
          });
          const parsed = columnMappingSchema.safeParse(result.mapping);
          if (!parsed.success)
            throw new Error(JSON.stringify(parsed.error.issues) + JSON.stringify(result.mapping));
          expect(wireSchema.safeParse(result.mapping).success).toBe(true);
          // The fallback for internal errors is not what answers here.
          expect(result.problems.some((p) => p.includes('could not be read'))).toBe(false);
          expect(result.columns).toHaveLength(columns.length);
          for (const g of result.columns) {
            expect(g.confidence).toBeGreaterThanOrEqual(0);
            expect(g.confidence).toBeLessThanOrEqual(1);
          }
          expect(result.kindConfidence).toBeGreaterThanOrEqual(0);
          expect(result.kindConfidence).toBeLessThanOrEqual(1);
          if (kind) expect(result.kind).toBe(kind);
          // Personal data is never a source.
          const sources = new Set([
            ...Object.values(result.mapping.columns),
            ...result.mapping.items.map((i) => i.column),
          ]);
          for (const g of result.columns)
            if (g.why.startsWith('personal data')) expect(sources.has(g.column)).toBe(false);
          // Profiles built from it adapt back onto the same columns unchanged.
          const names = columns.map((c) => c.name);
          const adapted = adaptProfile(result.mapping, names);
          expect(columnMappingSchema.safeParse(adapted.mapping).success).toBe(true);
          const saved = {
            name: 'p',
            kind: result.kind,
            signature: profileSignature(names),
            columnNames: names,
            mapping: result.mapping,
          };
          expect(matchProfile([saved], [...names].reverse())?.overlap).toBe(1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
