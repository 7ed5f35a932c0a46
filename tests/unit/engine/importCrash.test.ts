import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  killPlan,
  prepareCrashRun,
  runKill,
  summarise,
  type CrashSetup,
  type KillResult,
} from '../../helpers/crashHarness';
import { makeTempDir } from '../../helpers/tempDir';

// Bounded by kills, not by time: a slower machine takes longer but makes the same checks.
const PLANNED = 22;
const AT_LEAST = 20;
// More than one DuckDB row group (122,880 rows): the rows reach the file before the commit, as
// a large import's do, and the commit logs them as row-group pointers (see commitByCheckpoint.ts).
const ROWS = 130_000;

describe('an import killed with SIGKILL at any moment (the real `upstream import`)', () => {
  const dir = makeTempDir('upstream-crash-');
  let setup: CrashSetup;

  beforeAll(async () => {
    setup = await prepareCrashRun(dir.path, ROWS);
  }, 300_000);
  afterAll(() => dir.remove());

  it('leaves all of it or none of it, and the next import of the file completes', async () => {
    const results: KillResult[] = [];
    for (const kill of killPlan(setup, PLANNED))
      results.push(await runKill(setup, kill, results.length, { reimport: 'engine' }));
    // A planned kill that came after the process had exited is made up by one in the commit.
    const commitLength = Math.max(
      5,
      (setup.timeline.existing.reported ?? setup.timeline.existing.exited) -
        (setup.timeline.existing.commit ?? 0),
    );
    for (let extra = 0; extra < 10; extra++) {
      if (results.filter((r) => r.landed !== 'exited').length >= AT_LEAST) break;
      const ms = Math.random() * commitLength;
      results.push(
        await runKill(
          setup,
          { workspace: 'existing', trigger: { after: 'commit', ms } },
          results.length,
          { reimport: 'engine' },
        ),
      );
    }
    console.log(summarise(results));

    expect(results.filter((r) => !r.ok).map((r) => summarise([r]).split('\n')[0])).toEqual([]);
    expect(results.filter((r) => r.landed !== 'exited').length).toBeGreaterThanOrEqual(AT_LEAST);
    // The harness did reach the moments that matter: a new workspace, and the commit itself.
    expect(results.some((r) => r.kill.workspace === 'new' && r.landed !== 'exited')).toBe(true);
    expect(results.filter((r) => r.sinceCommit !== undefined).length).toBeGreaterThanOrEqual(5);
  }, 1_200_000);
});
