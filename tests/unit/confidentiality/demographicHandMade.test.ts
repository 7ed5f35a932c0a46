import { describe, expect, it } from 'vitest';
import { demographicBench, handMade, scopeHas } from './demographicOrgs';

/*
 * Demographic rows of the heatmap on hand-made shapes, each attacked like the generated ones
 * (demographicAttacker.test.ts) and checked for what the rules hide: one 'Not stated' person, a
 * tenure band of 2 people in one team only, a team whose members all have one role, and a scope
 * whose hidden groups all answered alike.
 */

const bench = demographicBench();
const rowsOf = (parentId: string, groupBy: string) => bench.rowsOf(parentId, groupBy);

describe('demographic heatmap rows on hand-made shapes', () => {
  it('one person who did not state a tenure: never shown, never derivable', async () => {
    const o = handMade(5, { C: null, R1: 'C', R1T0: 'R1', R1T1: 'R1' }, [
      ['R1T0', 'front_line', '1-3y', 4, 7],
      ['R1T0', 'front_line', null, 2, 1],
      ['R1T1', 'front_line', '1-3y', 5, 6],
      ['R1T1', 'leader', '1-3y', 2, 6],
    ]);
    const r = await bench.attackOrg(o);
    expect(r.leaks).toEqual([]);
    const company = await rowsOf('C', 'tenure_band');
    const notStated = company.find((row) => row.unitId === 'Not stated')!;
    expect(notStated.status).toBe('suppressed');
    // Its complement is hidden too: company minus '1-3y' would be that one person.
    expect(company.find((row) => row.unitId === '1-3y')!.status).toBe('suppressed');
    expect(notStated.reason).toMatch(/fewer than 5/);
  });

  it('a tenure band of 2 people in one team only: hidden everywhere, and so is whatever would give it away', async () => {
    const o = handMade(5, { C: null, R1: 'C', R2: 'C', R1T0: 'R1', R1T1: 'R1', R2T0: 'R2' }, [
      ['R1T0', 'front_line', '1-3y', 4, 6],
      ['R1T0', 'front_line', '<1y', 5, 2],
      ['R1T0', 'front_line', '3-5y', 3, 6],
      ['R1T1', 'front_line', '1-3y', 2, 7],
      ['R1T1', 'front_line', '3-5y', 4, 5],
      ['R2T0', 'front_line', '1-3y', 5, 9],
      ['R2T0', 'front_line', '3-5y', 1, 6],
    ]);
    const r = await bench.attackOrg(o);
    expect(r.leaks).toEqual([]);
    for (const scope of ['C', 'R1', 'R1T0']) {
      const rows = await rowsOf(scope, 'tenure_band');
      const band = rows.find((row) => row.unitId === '<1y')!;
      expect(band.status, scope).toBe('suppressed');
      // The scope's total minus the shown bands must not be those 2 people.
      const shown = rows.filter((row) => row.status === 'ok').reduce((s, row) => s + row.n!, 0);
      const total = o.people.filter((p) => scopeHas(o, scope, p.unit)).length;
      expect(total - shown === 0 || total - shown >= 5, scope).toBe(true);
    }
    // Some bands stay visible: the rule hides the next-smallest, not everything.
    expect((await rowsOf('C', 'tenure_band')).some((row) => row.status === 'ok')).toBe(true);
  });

  it('a team whose members all have one role: its role rows add nothing the team row does not show', async () => {
    const o = handMade(5, { C: null, R1: 'C', R1T0: 'R1', R1T1: 'R1', R1T2: 'R1' }, [
      ['R1T0', 'front_line', '1-3y', 4, 8],
      ['R1T1', 'front_line', '1-3y', 2, 6],
      ['R1T1', 'leader', '3-5y', 5, 6],
      ['R1T2', 'leader', '1-3y', 3, 2],
      ['R1T2', 'front_line', '5y+', 4, 9],
    ]);
    const r = await bench.attackOrg(o);
    expect(r.leaks).toEqual([]);
    const team = await rowsOf('R1T0', 'role');
    expect(team.map((row) => row.unitId)).toEqual(['front_line']);
    // The 2 leaders of R1T2 are hidden; R1's leaders (6 + 2) minus R1T1's 6 would give them
    // away, so the tree rule on the leaders' population hides R1T1's leaders too, and then R1T1's
    // front line (R1T1's total minus them would be its leaders again). R1's 8 leaders stay shown.
    const roleIn = async (scope: string, role: string) =>
      (await rowsOf(scope, 'role')).find((row) => row.unitId === role)!;
    expect((await roleIn('R1T2', 'leader')).status).toBe('suppressed');
    expect((await roleIn('R1T1', 'leader')).status).toBe('suppressed');
    expect((await roleIn('R1T1', 'front_line')).status).toBe('suppressed');
    expect(await roleIn('R1', 'leader')).toMatchObject({ status: 'ok', n: 8 });
  });

  it('a unanimous remainder: the hidden groups of a scope all answered alike, so one more is hidden', async () => {
    // R1: 8 '1-3y' (mixed answers), 6 '3-5y' who all answered 5, and 3 '<1y' who answered 5:
    // R1 minus '1-3y' would leave 9 people all favourable, telling the 3 newcomers' answer.
    const o = handMade(5, { C: null, R1: 'C', R1T0: 'R1', R1T1: 'R1', R2: 'C', R2T0: 'R2' }, [
      ['R1T0', 'front_line', '1-3y', 2, 4],
      ['R1T0', 'front_line', '1-3y', 5, 4],
      ['R1T0', 'front_line', '3-5y', 5, 6],
      ['R1T1', 'front_line', '<1y', 5, 3],
      ['R1T1', 'front_line', '1-3y', 1, 6],
      ['R2T0', 'front_line', '1-3y', 3, 12],
    ]);
    const r = await bench.attackOrg(o);
    expect(r.leaks).toEqual([]);
    // '<1y' (3) is hidden, '3-5y' (6) as the next-smallest; R1 minus '1-3y' would then be 9
    // people all favourable, so '1-3y' is hidden too, for the value (its row count can show).
    const rows = await rowsOf('R1', 'tenure_band');
    const band = (id: string) => rows.find((row) => row.unitId === id)!;
    expect(band('<1y').status).toBe('suppressed');
    expect(band('3-5y').status).toBe('suppressed');
    expect(band('1-3y').cells[0]!.status).toBe('suppressed');
    expect(band('1-3y').cells[0]!.reason).toMatch(/all gave the same answer/);
  });

  it('the company minus a region’s front line leaves a region that all disagreed, holding the one leader: that front line is hidden', async () => {
    // Found by the generated attacker (seed 29301309): the company minus R1's front line is R0's
    // four people, who all answered unfavourably, and the company's only leader is among them.
    const o = handMade(
      3,
      {
        C: null,
        R0: 'C',
        R1: 'C',
        R1A0: 'R1',
        R0T0: 'R0',
        R0T1: 'R0',
        R1A0T0: 'R1A0',
        R1A0T1: 'R1A0',
      },
      [
        ['R0T1', 'front_line', '1-3y', 1, 1],
        ['R0T1', 'front_line', '5y+', 2, 1],
        ['R0T1', 'leader', '5y+', 3, 1],
        ['R0T1', 'front_line', '1-3y', 2, 1],
        ['R1A0T0', 'front_line', '<1y', 4, 1],
        ['R1A0T0', 'front_line', '3-5y', 5, 1],
        ['R1A0T1', 'front_line', '3-5y', 2, 1],
        ['R1A0T1', 'front_line', '5y+', 2, 1],
      ],
    );
    const r = await bench.attackOrg(o);
    expect(r.leaks.map((l) => l.how)).toEqual([]);
    const r1 = await rowsOf('R1', 'role');
    const frontLine = r1.find((row) => row.unitId === 'front_line')!;
    expect(frontLine.cells.every((c) => c.status !== 'ok')).toBe(true);
  });

  it('a dimension kept from the mapping (shift): the same rules as role and tenure', async () => {
    const o = handMade(5, { C: null, R1: 'C', R1T0: 'R1', R1T1: 'R1' }, [
      ['R1T0', 'front_line', '1-3y', 4, 5, 'early'],
      ['R1T0', 'front_line', '1-3y', 2, 3, 'late'],
      ['R1T1', 'front_line', '1-3y', 5, 3, 'early'],
      ['R1T1', 'front_line', '1-3y', 3, 3, 'late'],
      ['R1T1', 'front_line', '1-3y', 4, 2, 'night'],
    ]);
    const r = await bench.attackOrg(o);
    expect(r.leaks).toEqual([]);
    // Night (2) is under the minimum; late (6), the next smallest, is hidden with it so that the
    // company minus early does not give the night shift away.
    const company = await rowsOf('C', 'shift');
    expect(company.map((row) => [row.unitId, row.status, row.n])).toEqual([
      ['early', 'ok', 8],
      ['late', 'suppressed', null],
      ['night', 'suppressed', null],
    ]);
    // Inside R1T1 every shift is under 5.
    expect((await rowsOf('R1T1', 'shift')).every((row) => row.status === 'suppressed')).toBe(true);
  });
});
