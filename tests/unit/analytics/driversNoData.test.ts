import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { writeTinyCompany } from '../../fixtures/tinyCompany';
import { makeTempDir } from '../../helpers/tempDir';
import { driversWorkspace, expectWithheld, type DriversWorkspace } from './driversTestKit';

// The tiny company with one more store, T5, in the org chart but nobody surveyed there (as the
// small sample's U0037 in 2026-Q2): its driver analysis has no data, and says so.

let t: DriversWorkspace;
const temp = makeTempDir();

beforeAll(async () => {
  const files = writeTinyCompany(join(temp.path, 'exports'));
  for (const org of files.filter((f) => f.kind === 'org_units')) {
    const from = org.path.endsWith('_1.csv') ? '2025-01-01' : '2025-04-01';
    appendFileSync(org.path, `T5,Store E,R2,team,store,Hal Ng,${from}\n`);
  }
  t = await driversWorkspace(join(temp.path, 'ws.duckdb'), files);
});
afterAll(() => {
  t?.close();
  temp.remove();
});

describe('drivers for a unit nobody answered in', () => {
  it('answers no_data with the reason, in the contract shape', async () => {
    for (const outcome of ['enps', 'engagement_index'] as const) {
      const out = await t.call({ outcome, by: 'item', unitId: 'T5', period: '2025-Q2' });
      const question = outcome === 'enps' ? 'eNPS question' : 'Engagement index questions';
      expectWithheld(
        out,
        'no_data',
        `No data: nobody in Store E answered the ${question} in 2025-Q2.`,
      );
    }
  });

  it('by value too', async () => {
    const out = await t.call({ outcome: 'enps', by: 'value', unitId: 'T5', period: '2025-Q1' });
    expectWithheld(
      out,
      'no_data',
      'No data: nobody in Store E answered the eNPS question in 2025-Q1.',
    );
  });
});
