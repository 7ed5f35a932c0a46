import { describe, expect, it } from 'vitest';
import {
  adaptProfile,
  columnMappingSchema,
  inferMapping,
  matchProfile,
  profileSignature,
  type ColumnMapping,
} from '../../../src/main/engine/import/mapping';
import { CATALOGUE, col, likert, qualtricsExport } from './fixtures';

const qualtrics = qualtricsExport();
const names = qualtrics.map((c) => c.name);
const inferred = inferMapping({
  fileName: 'Engagement 2025 Q3.csv',
  headerShape: 'qualtrics',
  columns: qualtrics,
  catalogue: CATALOGUE,
});
const profile = {
  name: 'Qualtrics engagement',
  kind: inferred.kind,
  signature: profileSignature(names),
  columnNames: names,
  mapping: inferred.mapping,
};
const cxProfile = {
  name: 'CX',
  kind: 'customer_feedback' as const,
  signature: profileSignature(['Store Code', 'Date', 'NPS']),
  columnNames: ['Store Code', 'Date', 'NPS'],
  mapping: {
    kind: 'customer_feedback',
    columns: { cx_code: 'Store Code', responded_at: 'Date', nps: 'NPS' },
    constants: {},
    items: [],
    dateFormats: {},
    naCodes: {},
    decimalComma: false,
  } satisfies ColumnMapping,
};

describe('profileSignature', () => {
  it('ignores order, case and whitespace', () => {
    expect(profileSignature(['A', 'b c', 'D'])).toBe(profileSignature([' d', 'B  C', 'a ']));
    expect(profileSignature(['A', 'B'])).not.toBe(profileSignature(['A', 'C']));
    expect(profileSignature(['A', 'B'])).not.toBe(profileSignature(['A', 'B', 'C']));
    expect(profileSignature([...names].reverse())).toBe(profile.signature);
  });
});

describe('matchProfile', () => {
  it('reordered columns match exactly', () => {
    const m = matchProfile([cxProfile, profile], [...names].reverse());
    expect(m?.profile.name).toBe('Qualtrics engagement');
    expect(m?.overlap).toBe(1);
  });

  it('a renamed unmapped column matches by overlap', () => {
    const renamed = names.map((n) => (n === 'UserLanguage' ? 'Q_Language' : n));
    const m = matchProfile([cxProfile, profile], renamed);
    expect(m?.profile.name).toBe('Qualtrics engagement');
    expect(m?.overlap).toBeGreaterThanOrEqual(0.9);
    expect(m?.overlap).toBeLessThan(1);
  });

  it('a renamed mapped column does not match (the profile would break)', () => {
    const renamed = names.map((n) => (n === 'ResponseId' ? 'Response ID' : n));
    expect(matchProfile([profile], renamed)).toBeNull();
  });

  it('an unrelated file does not match', () => {
    expect(
      matchProfile([cxProfile, profile], ['Conversation ID', 'Queue', 'Talk Time', 'Hold Time']),
    ).toBeNull();
    expect(matchProfile([cxProfile, profile], names.slice(0, 20))).toBeNull();
    expect(matchProfile([], names)).toBeNull();
  });
});

describe('adaptProfile', () => {
  it('re-spells names as this file spells them', () => {
    const upper = names.map((n) => n.toUpperCase());
    const { mapping, problems, missing } = adaptProfile(profile.mapping, upper, {
      fileName: 'Engagement 2025 Q3.csv',
    });
    expect(mapping.columns.respondent_id).toBe('RESPONSEID');
    expect(mapping.items[0]?.column).toBe('Q1_1');
    expect(missing).toEqual([]);
    expect(problems).toEqual([]);
    expect(columnMappingSchema.safeParse(mapping).success).toBe(true);
  });

  it('re-spells and drops a time-of-day column like any other', () => {
    const saved = { ...cxProfile.mapping, timeColumns: { responded_at: 'Time' } };
    const same = adaptProfile(saved, ['STORE CODE', 'DATE', 'TIME', 'NPS']);
    expect(same.mapping.timeColumns).toEqual({ responded_at: 'TIME' });
    expect(columnMappingSchema.safeParse(same.mapping).success).toBe(true);
    const gone = adaptProfile(saved, ['Store Code', 'Date', 'NPS']);
    expect(gone.mapping.timeColumns).toEqual({});
    expect(gone.missing).toEqual(['Time']);
    expect(gone.problems).toContain(
      'responded_at: time column "Time" is not in this file (dates only this time)',
    );
  });

  it('reports mapped columns that disappeared and drops them', () => {
    const fewer = names.filter((n) => n !== 'Unit' && n !== 'Q2_2');
    const { mapping, problems, missing } = adaptProfile(profile.mapping, fewer);
    expect(missing.sort()).toEqual(['Q2_2', 'Unit']);
    expect(mapping.columns.unit_id).toBeUndefined();
    expect(mapping.items.some((i) => i.column === 'Q2_2')).toBe(false);
    expect(problems).toContain('unit_id: column "Unit" is not in this file: choose another');
    expect(problems.some((p) => /item Q2_2: column "Q2_2" is not in this file/.test(p))).toBe(true);
  });

  it("appends next quarter's new item columns (names only: shaped like the saved items)", () => {
    const next = [...names, 'Q5_1', 'Q5_2', 'Gender', 'RecipientPhone'];
    const { mapping, added, problems } = adaptProfile(profile.mapping, next, {
      previousColumns: names,
      fileName: 'Engagement 2025 Q4.csv',
    });
    expect(added).toEqual(['Q5_1', 'Q5_2']);
    expect(mapping.items.slice(-2).map((i) => i.itemId)).toEqual(['Q5_1', 'Q5_2']);
    expect(mapping.items.slice(-2).every((i) => i.scaleMin === 1 && i.scaleMax === 5)).toBe(true);
    expect(mapping.constants.period).toBe('2025-Q4');
    expect(problems.some((p) => /2 new answer columns added as items/.test(p))).toBe(true);
    expect(columnMappingSchema.safeParse(mapping).success).toBe(true);
  });

  it('appends new item columns inferred from their values when profiles are given', () => {
    const next = [
      ...qualtrics,
      col('Q6', likert(), {
        label: 'Senior leaders keep us informed',
        importId: '{"ImportId":"QID6"}',
      }),
      col('Q7', ['Very poor', 'Poor'], { label: 'How would you rate the canteen?' }),
    ];
    const { mapping, added } = adaptProfile(profile.mapping, next, {
      previousColumns: names,
      catalogue: CATALOGUE,
    });
    expect(added).toContain('Q6');
    expect(mapping.items.find((i) => i.column === 'Q6')).toMatchObject({
      itemId: 'Q6',
      factor: 'leadership',
      scaleMin: 1,
      scaleMax: 5,
    });
    expect(columnMappingSchema.safeParse(mapping).success).toBe(true);
  });

  it('warns that a fixed period was carried over when the file name does not say', () => {
    const { problems } = adaptProfile(profile.mapping, names);
    expect(problems).toContain(
      "period is fixed at 2025-Q3 by the profile: check it is this file's quarter",
    );
  });
});
