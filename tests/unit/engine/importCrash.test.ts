import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeKill,
  killPlan,
  prepareCrashRun,
  runKill,
  summarise,
  type CrashSetup,
  type Kill,
  type KillResult,
} from '../../helpers/crashHarness';
import { makeTempDir } from '../../helpers/tempDir';

// Bounded by kills, not by time: a slower machine takes longer but makes the same checks.
const PLANNED = 22;
const AT_LEAST = 20;
// More than one DuckDB row group (122,880 rows): the rows reach the file before the commit, as
// a large import's do, and a commit through the WAL would log them as row-group pointers (see
// src/main/engine/db/commitByCheckpoint.ts).
const ROWS = 130_000;

/**
 * The file is imported again (in this process: the same open, replay and import) after every
 * kill into a new workspace or in the commit, and after every other kill besides, to keep this
 * test near a minute; scripts/crashImport.ts imports again with the command after every kill.
 */
function reimportAfter(kill: Kill, index: number): 'engine' | 'skip' {
  return kill.workspace === 'new' || kill.trigger.after === 'commit' || index % 2 === 0
    ? 'engine'
    : 'skip';
}

describe('an import killed with SIGKILL at any moment (the real `upstream import`)', () => {
  const dir = makeTempDir('upstream-crash-');
  let setup: CrashSetup;

  beforeAll(async () => {
    setup = await prepareCrashRun(dir.path, ROWS);
  }, 600_000);
  afterAll(() => dir.remove());

  it('leaves all of it or none of it, and the next import of the file completes', async () => {
    const results: KillResult[] = [];
    const kill = async (k: Kill) =>
      results.push(
        await runKill(setup, k, results.length, { reimport: reimportAfter(k, results.length) }),
      );
    for (const k of killPlan(setup, PLANNED)) await kill(k);
    // A planned kill that came after the process had exited is made up by one in the commit.
    const { commit, reported, exited } = setup.timeline.existing;
    const commitLength = Math.max(5, (reported ?? exited) - (commit ?? 0));
    for (let extra = 0; extra < 10; extra++) {
      if (results.filter((r) => r.landed !== 'exited').length >= AT_LEAST) break;
      await kill({
        workspace: 'existing',
        trigger: { after: 'commit', ms: Math.random() * commitLength },
      });
    }
    console.log(summarise(results));

    expect(results.map(describeKill).filter((_, i) => !results[i]!.ok)).toEqual([]);
    expect(results.filter((r) => r.landed !== 'exited').length).toBeGreaterThanOrEqual(AT_LEAST);
    // The harness reached the moments that matter: a new workspace, and the commit itself.
    expect(results.some((r) => r.kill.workspace === 'new' && r.landed !== 'exited')).toBe(true);
    expect(results.filter((r) => r.sinceCommit !== undefined).length).toBeGreaterThanOrEqual(5);
  }, 1_800_000);
});
