import { describe, expect, it } from 'vitest';
import { alikeLeaks, linearLeaks } from './reasoning';
import { DIRECT, attack, directScopeLeaks, emptyKnowledge, see } from './attacker';
import { handMade, type GenHr, type GenOrg, type GenPerson } from './orgs';

/*
 * THE CONFIDENTIALITY ATTACKER (DOMAIN.md, "Confidentiality": minimum group size, next-smallest
 * rule, filter remainder rule, across queries: "Test this with an attacker who tries").
 *
 * Random small organisations are written as canonical CSVs and imported through the real import
 * path into a fresh workspace each (regions with and without areas, people attached to regions
 * and areas as well as teams, a reorganisation). Then random sequences of allowed requests go
 * through `dispatch` (the path every transport uses): `hierarchy`, `overview`, `heatmap` (any
 * parent, period and mode) and `drilldown` (roll-up and direct scope: its headline, trends,
 * values against parent and company, items and direct reports). From everything a sequence
 * made visible the attacker tries to pin down a group of 0 < n < minimum by subtraction within
 * the tree, and against each direct scope (see attacker.ts); by extreme values (a remainder whose
 * people all answered alike tells every hidden group in it); and by solving every figure of a
 * period together as a linear system (reasoning.ts). The property runs in parts
 * (attacker.part*.test.ts); the hand-made repros of what it found are here. A control runs the same attacker on a naive minimum-size-only rule over the
 * same raw data and must find leaks, so the attacker has teeth.
 *
 * Assumption (documented, not attacked): respondents are different people in each period (ids
 * are per period, the survey is anonymous), so differencing a unit's figures across periods,
 * including across a reorganisation, compares different respondent sets and pins down nobody.
 * Only groups within one period are combined.
 */

/** Someone who agrees with everything and would recommend the company. */
const fan = (): GenPerson => ({ leader: false, e1: 5, v1: 5, enps: 10 });
/** The i-th of a group whose answers vary (one leader, every score somewhere). */
const mixed = (i: number): GenPerson => ({
  leader: i === 0,
  e1: 1 + (i % 5),
  v1: 1 + ((i + 2) % 5),
  enps: (i * 3) % 11,
});
const alikeCrowd = (n: number, f: (i: number) => GenPerson) =>
  Array.from({ length: n }, (_, i) => f(i));
/** One quarter's HR records of a team: people beyond its respondents, leavers, absence. */
const hr = (extra: number, leavers: number, absenceHalfDays: number): GenHr[] => [
  { extra, leavers, absenceHalfDays, recognitionEvents: 0 },
];
const answer = (): GenPerson => ({ leader: false, e1: 3, v1: 3, enps: 7 });

describe('confidentiality attacker: hand-made repros', () => {
  // An exact, hand-made repro of the pattern the property finds (item non-response): every team's
  // respondent count is shown, but one team's engagement stands on 4 answers and is suppressed;
  // its region's engagement (n = 19) minus the two visible teams' gives that team's 4 answers.
  it('a suppressed metric is not worked out from its parent and visible siblings (item non-response)', async () => {
    const p = (e1: number | null, enps: number | null): GenPerson => ({
      leader: false,
      e1,
      v1: 3,
      enps,
    });
    const org: GenOrg = {
      periods: 1,
      regions: [
        {
          attached: [[], [], []],
          areas: null,
          mixed: false,
          teams: [
            // 6 respondents, only 4 answered E1 and ENPS: their engagement/eNPS are suppressed.
            {
              byPeriod: [
                [p(1, 0), p(1, 0), p(2, 1), p(1, 0), p(null, null), p(null, null)],
                [],
                [],
              ],
            },
            { byPeriod: [Array.from({ length: 7 }, () => p(5, 10)), [], []] },
            { byPeriod: [Array.from({ length: 8 }, () => p(4, 9)), [], []] },
          ],
        },
      ],
      reorg: null,
    };
    const t = await handMade(org, 'upstream-attacker-repro-');
    try {
      for (const unitId of ['R0', 'R0T0', 'R0T1', 'R0T2']) await t.ask('overview', { unitId });
      const { leaks } = attack(t.k, t.trees, t.minSize);
      expect(leaks.map((l) => l.explain)).toEqual([]);
    } finally {
      t.close();
    }
  });

  // The drill-down's direct scope: a region with an area (2 people of its own, 8 in a team below)
  // beside two teams of its own (6 and 7). The region's direct scope is the area's 2 plus the
  // two teams: shown, it minus the two visible teams would give the area's own 2 people.
  it('the direct scope cannot be used to isolate the few people of a direct report', async () => {
    const p = (e1: number): GenPerson => ({ leader: false, e1, v1: 3, enps: 8 });
    const crowd = (n: number, e1: number) => Array.from({ length: n }, () => p(e1));
    const org: GenOrg = {
      periods: 1,
      regions: [
        {
          attached: [[], [], []],
          areas: [
            { attached: [[p(1), p(1)], [], []], teams: [{ byPeriod: [crowd(8, 4), [], []] }] },
          ],
          mixed: true,
          teams: [{ byPeriod: [crowd(6, 5), [], []] }, { byPeriod: [crowd(7, 3), [], []] }],
        },
      ],
      reorg: null,
    };
    const t = await handMade(org, 'upstream-attacker-direct-');
    try {
      for (const unitId of ['R0', 'R0T0', 'R0T1', 'R0A0', 'R0A0T0'])
        await t.ask('overview', { unitId });
      const direct = await t.ask('drilldown', { unitId: 'R0', scope: 'direct' });
      // The two visible teams are the region's own: the direct figures would isolate the area's 2.
      expect(t.k.facts.get('respondents')?.get(t.period)?.get('R0T0')?.n).toBe(6);
      expect(
        (
          direct as { ok: true; value: { headline: { metric: string; status: string }[] } }
        ).value.headline.find((m) => m.metric === 'respondents')!.status,
      ).toBe('suppressed');
      expect(directScopeLeaks(t.k, t.trees, 5).map((l) => l.explain)).toEqual([]);
      // Teeth: had the direct group (15 people) been shown, the attacker finds the area's 2.
      see(t.k, `${DIRECT}respondents`, t.period, 'R0', 15, null);
      expect(directScopeLeaks(t.k, t.trees, 5).map((l) => l.remainder)).toContain(2);
    } finally {
      t.close();
    }
  });

  // The same on one figure: the direct group's people are all at least 5 per part, but only 4 of
  // the team under the area answered eNPS, so "region's eNPS minus its direct eNPS" would give
  // those 4 people's score (found by the property test with seed 821369933).
  it('the direct scope cannot isolate a small group on a figure fewer people answered', async () => {
    const p = (enps: number | null): GenPerson => ({ leader: false, e1: 3, v1: 3, enps });
    const crowd = (n: number, enps: number | null) => Array.from({ length: n }, () => p(enps));
    const org: GenOrg = {
      periods: 1,
      regions: [
        {
          attached: [[], [], []],
          areas: [
            {
              attached: [crowd(5, 9), [], []],
              teams: [{ byPeriod: [[...crowd(4, 10), ...crowd(2, null)], [], []] }],
            },
          ],
          mixed: true,
          teams: [{ byPeriod: [crowd(6, 7), [], []] }],
        },
      ],
      reorg: null,
    };
    const t = await handMade(org, 'upstream-attacker-direct-figure-');
    try {
      for (const unitId of ['R0', 'R0T0', 'R0A0', 'R0A0T0']) await t.ask('overview', { unitId });
      const direct = await t.ask('drilldown', { unitId: 'R0', scope: 'direct' });
      const headline = (
        direct as { ok: true; value: { headline: { metric: string; status: string }[] } }
      ).value.headline;
      expect(headline.find((m) => m.metric === 'respondents')!.status).toBe('ok');
      expect(headline.find((m) => m.metric === 'enps')!.status).toBe('suppressed');
      expect(t.k.facts.get('enps')?.get(t.period)?.get('R0')?.n).toBe(15);
      expect(directScopeLeaks(t.k, t.trees, 5).map((l) => l.explain)).toEqual([]);
      // Teeth: had the direct eNPS (11 answers) been shown, the attacker finds the 4.
      see(t.k, `${DIRECT}enps`, t.period, 'R0', 11, null);
      expect(directScopeLeaks(t.k, t.trees, 5).map((l) => l.remainder)).toContain(4);
    } finally {
      t.close();
    }
  });
  // Issue 11, finding 1: every hidden person answered alike. Teams of 3 and 2 under the minimum
  // are hidden and together reach it, so the count rules hide nobody else; but all five are
  // promoters who agree with everything, so the region minus its visible teams would give eNPS
  // +100, engagement 100 and 100% favourable for both small teams. The rule hides one more team.
  it('a remainder of hidden teams whose people all answered alike does not give their figures away', async () => {
    const org: GenOrg = {
      periods: 1,
      regions: [
        {
          attached: [[], [], []],
          areas: null,
          mixed: false,
          teams: [
            { byPeriod: [alikeCrowd(3, fan), [], []] },
            { byPeriod: [alikeCrowd(2, fan), [], []] },
            { byPeriod: [alikeCrowd(7, mixed), [], []] },
            { byPeriod: [alikeCrowd(8, (i) => mixed(i + 1)), [], []] },
          ],
        },
      ],
      reorg: null,
    };
    const t = await handMade(org, 'upstream-attacker-alike-');
    try {
      for (const unitId of ['R0', 'R0T0', 'R0T1', 'R0T2', 'R0T3'])
        await t.ask('overview', { unitId });
      await t.ask('heatmap', { parentId: 'R0' });
      const leaks = [
        ...attack(t.k, t.trees, t.minSize).leaks,
        ...alikeLeaks(t.k, t.trees, t.minSize, t.truth).leaks,
        ...linearLeaks(t.k, t.trees, t.minSize, t.truth).leaks,
      ];
      expect(leaks.map((l) => l.explain)).toEqual([]);
      // The smallest visible team is hidden on each figure the five answered alike...
      const t2 = await t.ask('overview', { unitId: 'R0T2' });
      const tiles = (
        t2 as {
          ok: true;
          value: { tiles: { metric: string; status: string; reason: string | null }[] };
        }
      ).value.tiles;
      for (const metric of ['enps', 'engagement_index']) {
        expect(tiles.find((x) => x.metric === metric)).toMatchObject({
          status: 'suppressed',
          reason:
            'Suppressed: the people in a smaller group here (under 5) all gave the same answer, which this figure would reveal',
        });
      }
      // ...while the region and the larger team stay shown.
      expect(t.k.facts.get('enps')?.get(t.period)?.get('R0')?.n).toBe(20);
      expect(t.k.facts.get('enps')?.get(t.period)?.get('R0T3')?.n).toBe(8);
      // Teeth: had R0T2 been shown, the five are all promoters (eNPS +100 for 3 and for 2).
      const withT2 = emptyKnowledge();
      for (const [family, byPeriod] of t.k.facts)
        for (const [p, byUnit] of byPeriod)
          for (const [u, o] of byUnit) see(withT2, family, p, u, o.n, o.sum);
      // R0T2's seven answered 0, 3, 6, 9, 1, 4, 7: one promoter, five detractors.
      see(withT2, 'enps', t.period, 'R0T2', 7, 1 - 5);
      const found = alikeLeaks(withT2, t.trees, t.minSize, t.truth).leaks;
      expect(found.map((l) => [l.family, l.remainder, l.revealedMean])).toContainEqual([
        'enps',
        5,
        1,
      ]);
    } finally {
      t.close();
    }
  });

  // Issue 11, finding 2: HR figures had no neighbour suppression. A 3-person team's attrition and
  // absence were hidden, but the region's minus its two visible teams' gave them back.
  it('HR figures of a team under the minimum are not worked out from its region and siblings', async () => {
    const org: GenOrg = {
      periods: 1,
      regions: [
        {
          attached: [[], [], []],
          areas: null,
          mixed: false,
          teams: [
            { byPeriod: [[], [], []], hr: hr(3, 1, 8) },
            { byPeriod: [[], [], []], hr: hr(8, 0, 6) },
            { byPeriod: [[], [], []], hr: hr(9, 1, 9) },
            { byPeriod: [Array.from({ length: 6 }, answer), [], []], hr: hr(0, 1, 3) },
          ],
        },
      ],
      reorg: null,
    };
    const t = await handMade(org, 'upstream-attacker-hr-');
    try {
      for (const unitId of ['R0', 'R0T0', 'R0T1', 'R0T2', 'R0T3']) {
        await t.ask('overview', { unitId });
        await t.ask('drilldown', { unitId });
      }
      const leaks = [
        ...attack(t.k, t.trees, t.minSize).leaks,
        ...alikeLeaks(t.k, t.trees, t.minSize, t.truth).leaks,
        ...linearLeaks(t.k, t.trees, t.minSize, t.truth).leaks,
      ];
      expect(leaks.map((l) => l.explain)).toEqual([]);
      // The next-smallest team (R0T3, 6 people) is hidden beside the 3-person one; the region
      // and the two larger teams stay shown.
      for (const metric of ['attrition', 'absence_days_per_head']) {
        const seen = t.k.facts.get(metric)?.get(t.period);
        expect([...(seen?.keys() ?? [])].sort(), metric).toEqual(['R0', 'R0T1', 'R0T2']);
        expect(seen?.get('R0')?.n).toBe(26);
      }
      // Nobody was recognised anywhere: the region's 0 would say so of the small teams inside it;
      // the two larger teams' own 0 tells of nobody smaller.
      const recognition = t.k.facts.get('recognition_per_head')?.get(t.period);
      expect([...(recognition?.keys() ?? [])].sort()).toEqual(['R0T1', 'R0T2']);
      // The headcount is the org chart's: shown for the small team too.
      const d = await t.ask('drilldown', { unitId: 'R0T0' });
      expect((d as { ok: true; value: { headcount: number | null } }).value.headcount).toBe(3);
    } finally {
      t.close();
    }
  });

  // The same for HR records where everyone is alike: two hidden teams of 3 with no leavers and no
  // absence would be known to have none once the region minus its visible teams showed zero.
  it('a remainder of hidden teams with no leavers does not tell that nobody left them', async () => {
    const org: GenOrg = {
      periods: 1,
      regions: [
        {
          attached: [[], [], []],
          areas: null,
          mixed: false,
          teams: [
            { byPeriod: [[], [], []], hr: hr(3, 0, 0) },
            { byPeriod: [[], [], []], hr: hr(3, 0, 0) },
            { byPeriod: [[], [], []], hr: hr(8, 1, 6) },
            { byPeriod: [Array.from({ length: 9 }, answer), [], []], hr: hr(0, 2, 9) },
          ],
        },
      ],
      reorg: null,
    };
    const t = await handMade(org, 'upstream-attacker-hr-alike-');
    try {
      for (const unitId of ['R0', 'R0T0', 'R0T1', 'R0T2', 'R0T3'])
        await t.ask('overview', { unitId });
      const leaks = [
        ...attack(t.k, t.trees, t.minSize).leaks,
        ...alikeLeaks(t.k, t.trees, t.minSize, t.truth).leaks,
      ];
      expect(leaks.map((l) => l.explain)).toEqual([]);
      expect(t.k.facts.get('attrition')?.get(t.period)?.has('R0T2')).toBe(false);
      expect(t.k.facts.get('attrition')?.get(t.period)?.get('R0T3')?.n).toBe(9);
    } finally {
      t.close();
    }
  });
  // The same through the direct scope: the area's own five answered variously, so the tree's
  // remainder under the area is not unanimous; but the region minus its direct scope minus the
  // shown teams below the area leaves exactly the area's hidden teams (3 and 2, all promoters).
  it('the direct scope does not reveal a unanimous group below the direct reports', async () => {
    const org: GenOrg = {
      periods: 1,
      regions: [
        {
          attached: [[], [], []],
          areas: [
            {
              attached: [alikeCrowd(5, mixed), [], []],
              teams: [
                { byPeriod: [alikeCrowd(3, fan), [], []] },
                { byPeriod: [alikeCrowd(2, fan), [], []] },
                { byPeriod: [alikeCrowd(7, mixed), [], []] },
                { byPeriod: [alikeCrowd(8, (i) => mixed(i + 1)), [], []] },
              ],
            },
          ],
          mixed: true,
          teams: [{ byPeriod: [alikeCrowd(6, (i) => mixed(i + 2)), [], []] }],
        },
      ],
      reorg: null,
    };
    const t = await handMade(org, 'upstream-attacker-direct-alike-');
    try {
      for (const unitId of ['R0', 'R0A0', 'R0T0', 'R0A0T2', 'R0A0T3'])
        await t.ask('overview', { unitId });
      const direct = await t.ask('drilldown', { unitId: 'R0', scope: 'direct' });
      const headline = (
        direct as {
          ok: true;
          value: { headline: { metric: string; status: string; reason: string | null }[] };
        }
      ).value.headline;
      expect(headline.find((m) => m.metric === 'respondents')!.status).toBe('ok');
      expect(headline.find((m) => m.metric === 'enps')).toMatchObject({
        status: 'suppressed',
        reason:
          'Suppressed: a smaller group (under 5) below the direct reports all gave the same answer, which the direct-reports view would reveal',
      });
      const leaks = [
        ...attack(t.k, t.trees, t.minSize).leaks,
        ...directScopeLeaks(t.k, t.trees, t.minSize),
        ...alikeLeaks(t.k, t.trees, t.minSize, t.truth).leaks,
        ...linearLeaks(t.k, t.trees, t.minSize, t.truth).leaks,
      ];
      expect(leaks.map((l) => l.explain)).toEqual([]);
      // Teeth: had the direct eNPS been shown (5 + 6 answers, net of the area's own and R0T0's),
      // the attacker finds the five promoters below the area.
      const region = t.k.facts.get('enps')!.get(t.period)!.get('R0')!;
      const below = ['R0A0T2', 'R0A0T3'].map((u) => t.k.facts.get('enps')!.get(t.period)!.get(u)!);
      const directSum = region.sum! - 5 - below.reduce((s, o) => s + o.sum!, 0);
      see(t.k, `${DIRECT}enps`, t.period, 'R0', 11, directSum);
      const found = alikeLeaks(t.k, t.trees, t.minSize, t.truth).leaks;
      expect(found.map((l) => [l.unit, l.remainder, l.revealedMean])).toContainEqual(['R0', 5, 1]);
    } finally {
      t.close();
    }
  });
});
