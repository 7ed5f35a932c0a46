import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adaptProfile, type ColumnProfile } from '../../../src/main/engine/import/mapping';
import { saveProfile } from '../../../src/main/engine/import/profiles';
import type { StagedSource } from '../../../src/main/engine/import/readers/types';
import { resolveMapping } from '../../../src/main/engine/import/resolveMapping';
import type { ColumnMapping } from '../../../src/shared/imports';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

/** A staged file as the readers describe it (the relation is never read here). */
function staged(names: string[]): StagedSource {
  return {
    format: 'csv',
    headerShape: 'plain',
    columns: names.map((name) => ({ name })),
    relationSql: 'unused',
    files: [],
    firstDataRow: 2,
    warnings: [],
  };
}

/** The columns' sample values, counting how often the file was sampled for them. */
function sampler(profiles: ColumnProfile[]): {
  read: () => Promise<ColumnProfile[]>;
  calls: number;
} {
  const s = {
    calls: 0,
    read: async () => {
      s.calls += 1;
      return profiles;
    },
  };
  return s;
}

const CX: ColumnMapping = {
  kind: 'customer_feedback',
  columns: {
    response_id: 'Response ID',
    responded_at: 'Response Date',
    cx_code: 'Store Code',
    nps: 'Likelihood to Recommend (0-10)',
  },
  constants: {},
  items: [],
  dateFormats: { responded_at: ['%d/%m/%Y %H:%M'] },
  naCodes: { nps: ['N/A'] },
  decimalComma: false,
};
const CX_COLUMNS = ['Response ID', 'Response Date', 'Store Code', 'Likelihood to Recommend (0-10)'];

const item = (column: string, itemId: string) => ({
  column,
  itemId,
  text: itemId,
  factor: 'engagement',
  scaleMin: 1,
  scaleMax: 5,
  reverseCoded: false,
  naCodes: [],
});
const PULSE: ColumnMapping = {
  kind: 'survey_responses',
  columns: { respondent_id: 'ResponseId', unit_id: 'Team', period: 'Quarter' },
  constants: {},
  items: [item('Q1', 'PULSE_PROUD'), item('Q2', 'PULSE_STAY')],
  dateFormats: {},
  naCodes: {},
  decimalComma: false,
};
const PULSE_COLUMNS = ['ResponseId', 'Team', 'Quarter', 'Q1', 'Q2'];

const sampled = (names: string[]): ColumnProfile[] =>
  names.map((name) => ({
    name,
    samples: /^Q\d$/.test(name) ? ['1', '2', '3', '4', '5'] : ['x1', 'x2', 'x3'],
    nonEmpty: 40,
    rows: 40,
  }));

describe('resolveMapping samples the file only when the mapping needs its values', () => {
  let t: TinyWorkspace;
  beforeEach(async () => {
    t = await tinyWorkspace();
  });
  afterEach(() => t.cleanup());

  it('carries a matched CX profile over from the header alone, as it did from samples', async () => {
    await saveProfile(t.ws.conn, 'CX platform', CX_COLUMNS, CX);
    const columns = sampler(sampled(CX_COLUMNS));
    const resolved = await resolveMapping(
      t.ws.conn,
      'cx_2026-Q1.csv',
      staged(CX_COLUMNS),
      columns.read,
      {
        kind: 'customer_feedback',
      },
    );
    expect(columns.calls).toBe(0);
    expect(resolved.source).toBe('matched profile');
    expect(resolved.mapping).toEqual(CX);
    const before = adaptProfile(CX, sampled(CX_COLUMNS), {
      previousColumns: CX_COLUMNS,
      catalogue: [],
      fileName: 'cx_2026-Q1.csv',
    });
    expect(resolved.mapping).toEqual(before.mapping);
    expect(resolved.problems).toEqual(before.problems);
  });

  it('a survey profile naming every column is carried over without samples', async () => {
    await saveProfile(t.ws.conn, 'Pulse', PULSE_COLUMNS, PULSE);
    const columns = sampler(sampled(PULSE_COLUMNS));
    const resolved = await resolveMapping(
      t.ws.conn,
      'pulse.csv',
      staged(PULSE_COLUMNS),
      columns.read,
      {
        profile: 'Pulse',
      },
    );
    expect(columns.calls).toBe(0);
    expect(resolved.mapping.items.map((i) => i.column)).toEqual(['Q1', 'Q2']);
  });

  it("a survey file with a new answer column is sampled: the new item's scale comes from its values", async () => {
    await saveProfile(t.ws.conn, 'Pulse', PULSE_COLUMNS, PULSE);
    const names = [...PULSE_COLUMNS, 'Q3'];
    const columns = sampler(sampled(names));
    const resolved = await resolveMapping(t.ws.conn, 'pulse.csv', staged(names), columns.read, {
      profile: 'Pulse',
    });
    expect(columns.calls).toBe(1);
    const added = resolved.mapping.items.find((i) => i.column === 'Q3');
    expect(added).toMatchObject({ scaleMin: 1, scaleMax: 5 });
    expect(resolved.problems.join(' ')).toContain('1 new answer column added as items (Q3)');
  });
});
