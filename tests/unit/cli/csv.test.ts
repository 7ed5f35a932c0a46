import { describe, expect, it } from 'vitest';
import { rowsOf, toCsv } from '../../../src/cli/csv';

describe('CSV export', () => {
  it('escapes cells a spreadsheet would run as formulas, and keeps negative numbers numeric', () => {
    const csv = toCsv([
      {
        name: '=HYPERLINK("http://x","click")',
        note: '+1 call',
        who: '@admin',
        dash: '-2+3',
        score: -12.5,
      },
    ]);
    expect(csv).toBe(
      'name,note,who,dash,score\r\n"\'=HYPERLINK(""http://x"",""click"")",\'+1 call,\'@admin,\'-2+3,-12.5\r\n',
    );
  });

  it('quotes commas, quotes and newlines', () => {
    expect(toCsv([{ a: 'x, "y"\nz' }])).toBe('a\r\n"x, ""y""\nz"\r\n');
  });

  it('reads a result as its first list of records', () => {
    expect(rowsOf({ period: 'p', units: [{ id: 'a' }, { id: 'b' }] })).toEqual([
      { id: 'a' },
      { id: 'b' },
    ]);
    expect(rowsOf({ period: 'p' })).toEqual([{ period: 'p' }]);
  });
});
