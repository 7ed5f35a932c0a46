import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demographicBench, demoOrgArb } from './demographicOrgs';

/*
 * Demographic rows of the heatmap (groupBy role / tenure_band) against an attacker, on generated
 * organisations (demographicOrgs.ts): the attacker asks for every scope x dimension and the org
 * rows, and tries every pair of nested figures, scope and group-tree remainders (with extreme
 * values) and the linear system over unit x group (demographicAttack.ts). No group of 1..min-1
 * may be pinned down; the same attacker must find leaks when every group of at least the minimum
 * is shown, or it proves nothing. DEMOGRAPHIC_ORGS and DEMOGRAPHIC_SEED replay or widen a run.
 */

const bench = demographicBench();
/** About 3-4 s an organisation on this 2-core machine under load. */
const ORGS = Number(process.env.DEMOGRAPHIC_ORGS ?? 6);

describe('demographic heatmap rows against an attacker', () => {
  it(
    'generated organisations: no group of 1..min-1 pinned down by any scope x dimension',
    async () => {
      const totals = {
        orgs: 0,
        naiveLeakOrgs: 0,
        requests: 0,
        pairs: 0,
        alike: 0,
        shownGroups: 0,
        ms: 0,
      };
      const t0 = performance.now();
      await fc.assert(
        fc.asyncProperty(demoOrgArb, async (o) => {
          const r = await bench.attackOrg(o);
          totals.orgs++;
          totals.requests += r.requests;
          totals.pairs += r.pairs;
          totals.alike += r.alike;
          totals.shownGroups += r.shownGroups;
          if (r.naiveLeaks > 0) totals.naiveLeakOrgs++;
          expect(
            r.leaks.map((l) => l.how),
            o.describe,
          ).toEqual([]);
        }),
        {
          numRuns: ORGS,
          // Each organisation takes seconds: report the first failure as found, without shrinking.
          endOnFailure: true,
          ...(process.env.DEMOGRAPHIC_SEED ? { seed: Number(process.env.DEMOGRAPHIC_SEED) } : {}),
        },
      );
      totals.ms = Math.round(performance.now() - t0);
      console.log('demographic attacker', JSON.stringify(totals));
      // The rules must not hide everything: groups are shown in these organisations.
      expect(totals.shownGroups).toBeGreaterThan(0);
      // The attacker has teeth: showing every group of at least the minimum leaks.
      expect(totals.naiveLeakOrgs).toBeGreaterThan(0);
    },
    Math.max(300_000, ORGS * 30_000),
  );
});
