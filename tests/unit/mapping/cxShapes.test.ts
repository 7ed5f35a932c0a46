import { describe, expect, it } from 'vitest';
import { inferMapping } from '../../../src/main/engine/import/mapping';
import { columnMappingSchema } from '../../../src/main/engine/import/mapping/schema';

/** Inference alone on the shapes of issue 14: what it proposes and what it says it cannot do. */
const col = (name: string, samples: string[]) => ({
  name,
  samples,
  nonEmpty: samples.length,
  rows: samples.length,
});

describe('customer files cut by market, rated in words', () => {
  it('takes a market column as the unit code and NPS categories as scores, and names what it cannot order', () => {
    const r = inferMapping({
      fileName: 'nps_by_market.csv',
      headerShape: 'plain',
      catalogue: [],
      columns: [
        col('Survey Date', ['2025-03-01', '2025-03-02', '2025-03-09']),
        col('Market', ['UK', 'France', 'Germany']),
        col('NPS Group', ['Promoter', 'Passive', 'Detractor']),
        col('How easy was it to find what you needed?', ['Very easy', 'Easy', 'Difficult', 'Meh']),
      ],
    });
    expect(r.kind).toBe('customer_feedback');
    expect(columnMappingSchema.safeParse(r.mapping).success).toBe(true);
    expect(r.mapping.columns).toMatchObject({
      responded_at: 'Survey Date',
      cx_code: 'Market',
      nps: 'NPS Group',
      ces: 'How easy was it to find what you needed?',
    });
    expect(r.mapping.choiceScores?.nps).toEqual({ Promoter: 10, Passive: 8, Detractor: 0 });
    expect(r.mapping.choiceScores?.ces).toEqual({ 'Very easy': 7, Easy: 6, Difficult: 3 });
    expect(r.problems).toContain(
      'ces ("How easy was it to find what you needed?"): cannot order "Meh": give it a score in mapping.choiceScores.ces, or those rows are quarantined',
    );
  });
});

describe('contact-centre logs', () => {
  it('an Abandoned flag is answered inverted; a status it cannot place is named', () => {
    const flag = inferMapping({
      fileName: 'calls.csv',
      headerShape: 'plain',
      catalogue: [],
      columns: [
        col('Call ID', ['1', '2', '3']),
        col('Queue', ['Billing', 'Sales']),
        col('Call Start', ['2025-03-01 09:00:00', '2025-03-01 09:05:00']),
        col('Handle Time', ['0:05:12', '5:12', '312']),
        col('Abandoned', ['Y', 'N']),
      ],
    });
    expect(flag.kind).toBe('contact_centre');
    expect(flag.mapping.columns.answered).toBe('Abandoned');
    expect(flag.mapping.choiceScores?.answered).toEqual({ Y: 0, N: 1 });
    expect(flag.mapping.durations).toEqual({ handle_seconds: 'hms' });

    const status = inferMapping({
      fileName: 'calls.csv',
      headerShape: 'plain',
      catalogue: [],
      columns: [
        col('Contact ID', ['C1', 'C2', 'C3', 'C4']),
        col('Skill', ['Cards']),
        col('Start Time', ['2025-03-01 09:00:00']),
        col('Talk Time', ['120', '0']),
        col('Status', ['Answered', 'Abandoned', 'Voicemail', 'Callback requested']),
      ],
    });
    expect(status.mapping.columns.answered).toBe('Status');
    expect(status.mapping.choiceScores?.answered).toEqual({
      Answered: 1,
      Abandoned: 0,
      Voicemail: 0,
    });
    expect(status.problems).toContain(
      'answered ("Status"): cannot tell whether "Callback requested" means answered: score it 1 or 0 in mapping.choiceScores.answered, or those rows are quarantined',
    );
  });
});
