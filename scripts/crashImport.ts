/**
 * `npx tsx scripts/crashImport.ts [--kills N] [--rows R] [--dir DIR] [--seed S]
 * [--reimport cli|engine] [--commit-only]`: the long run of the crash harness (tests/helpers/crashHarness.ts).
 * Writes an R-row customer CSV, kills `upstream import` of it N times with SIGKILL (spread over
 * the import, dense around its commit, a few while a new workspace is created), and checks
 * after each kill that the workspace holds all of the import or none of it and that importing
 * the file again (by the command, or in this process, which is faster) completes. Prints every
 * kill and the counts; exits 1 if any kill left anything else. */
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  commitPlan,
  describeKill,
  killPlan,
  prepareCrashRun,
  runKill,
  summarise,
  type KillResult,
} from '../tests/helpers/crashHarness';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '100' },
    rows: { type: 'string', default: '1500000' },
    dir: { type: 'string' },
    seed: { type: 'string' },
    // Import the file again after each kill by the command (as a user would) or in this process.
    reimport: { type: 'string', default: 'cli' },
    // Every kill in the commit's writes (commitPlan), to look for a torn commit.
    'commit-only': { type: 'boolean' },
  },
});
const kills = Number(values.kills);
const rows = Number(values.rows);
const dir = values.dir ?? join(tmpdir(), `upstream-crash-${process.pid}`);
mkdirSync(dir, { recursive: true });

// A seeded generator when asked (to repeat a plan), Math.random otherwise.
let state = Number(values.seed ?? Math.floor(Math.random() * 2 ** 31));
const random = () => {
  state = (state * 1103515245 + 12345) % 2 ** 31;
  return state / 2 ** 31;
};

const started = performance.now();
console.log(
  `crash run: ${kills} kills of an import of ${rows.toLocaleString('en-GB')} rows, seed ${state}, in ${dir}`,
);
const setup = await prepareCrashRun(dir, rows);
console.log(
  `clean import timeline (ms): existing workspace ${JSON.stringify(setup.timeline.existing)}; new workspace ${JSON.stringify(setup.timeline.new)}`,
);
const results: KillResult[] = [];
const plan = values['commit-only']
  ? commitPlan(setup, kills, random)
  : killPlan(setup, kills, random);
for (const [index, kill] of plan.entries()) {
  const result = await runKill(setup, kill, index, {
    reimport: values.reimport === 'engine' ? 'engine' : 'cli',
  });
  results.push(result);
  console.log(describeKill(result, index));
}
console.log(summarise(results).split('\n').slice(results.length).join('\n'));
console.log(`took ${((performance.now() - started) / 1000).toFixed(0)} s`);
if (values.dir === undefined) rmSync(dir, { recursive: true, force: true });
process.exit(results.every((r) => r.ok) ? 0 : 1);
