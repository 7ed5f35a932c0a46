import { describe, expect, it } from 'vitest';
import {
  CANONICAL_COLUMNS,
  CANONICAL_KINDS,
  type ColumnSpec,
} from '../../../src/main/engine/import/canonicalFormats';
import { columnMappingSchema, inferMapping } from '../../../src/main/engine/import/mapping';
import { CATALOGUE, col, ids, isoTimestamps } from './fixtures';

/** Plausible values for a canonical column. */
function samplesFor(spec: ColumnSpec): string[] {
  if (spec.name === 'period') return ['2025-Q2', '2025-Q3'];
  if (spec.name === 'factor') return ['engagement', 'value:Integrity', 'leadership'];
  if (spec.name.endsWith('_name') || spec.name === 'item_text')
    return ['Leeds Central', 'York', 'Retail North'];
  if (spec.range) {
    const [lo, hi] = spec.range;
    return Array.from({ length: Math.min(hi - lo + 1, 11) }, (_, i) => String(lo + i));
  }
  switch (spec.type) {
    case 'DATE':
      return ['2025-07-01', '2025-08-14', '2025-09-30'];
    case 'TIMESTAMP':
      return isoTimestamps(30);
    case 'BOOLEAN':
      return ['true', 'false'];
    case 'INTEGER':
    case 'DOUBLE':
      return ['1', '5', '12', '40'];
    default:
      return spec.name.endsWith('_id') || spec.name.endsWith('_code')
        ? ids('X-', 40, 4)
        : ['a', 'b', 'c'];
  }
}

describe('files already in canonical form', () => {
  it.each(CANONICAL_KINDS)('%s: recognised, every column mapped to itself', (kind) => {
    const columns = CANONICAL_COLUMNS[kind].map((spec) => col(spec.name, samplesFor(spec)));
    if (kind === 'survey_responses')
      columns.push(
        ...['ENG1', 'ENG2', 'ENG3', 'INT1'].map((id) => col(id, ['1', '2', '3', '4', '5'])),
        col('comment', ['Great team, we look after each other.', 'Too many changes at once.']),
      );
    const result = inferMapping({
      fileName: `${kind}.csv`,
      headerShape: 'plain',
      columns,
      catalogue: CATALOGUE,
    });
    expect(result.kind).toBe(kind);
    expect(result.kindConfidence).toBeGreaterThanOrEqual(0.7);
    expect(columnMappingSchema.safeParse(result.mapping).success).toBe(true);
    for (const spec of CANONICAL_COLUMNS[kind])
      expect(result.mapping.columns[spec.name]).toBe(spec.name);
    if (kind === 'survey_responses') {
      expect(result.mapping.items.map((i) => [i.column, i.itemId])).toEqual([
        ['ENG1', 'ENG1'],
        ['ENG2', 'ENG2'],
        ['ENG3', 'ENG3'],
        ['INT1', 'INT1'],
      ]);
      expect(result.mapping.columns.comment).toBe('comment');
    }
    expect(result.problems).toEqual([]);
  });
});
