import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm test`'s summary (tests/run-all.mjs), run for real on small test files with known outcomes
// (tests/fixtures/runAll, outside the main run's include glob).
const root = join(import.meta.dirname, '../..');

function runAll(...filters: string[]) {
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'tests/run-all.mjs'),
      '--config',
      'tests/fixtures/runAll/vitest.config.ts',
      ...filters,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  const lines = result.stdout.trimEnd().split('\n');
  return {
    status: result.status,
    summary: lines.at(-1),
    failedFiles: lines.filter((line) => line.startsWith('FAILED')),
  };
}

describe('npm test summary', () => {
  it('counts tests that never ran because their file failed as failed, and says why per file', () => {
    const run = runAll();
    expect(run.failedFiles).toEqual([
      'FAILED describeThrows.fixture.ts: the suite could not be declared',
      'FAILED importThrows.fixture.ts: a module failed to load',
      'FAILED oneFailure.fixture.ts: "fails": AssertionError: expected 2 to be 3 // Object.is equality',
      'FAILED setupThrows.fixture.ts: a suite whose setup fails: the workspace could not be built; 2 tests did not run',
    ]);
    // setupThrows 2 + importThrows 1 + describeThrows 1 + oneFailure 1; the reasoned skip stays a skip.
    expect(run.summary).toBe('tests: 2 passed, 5 failed, 1 skipped');
    expect(run.status).toBe(1);
  });

  it('passes a run whose only non-passing test is skipped with a reason', () => {
    const run = runAll('reasonedSkip');
    expect(run.failedFiles).toEqual([]);
    expect(run.summary).toBe('tests: 1 passed, 0 failed, 1 skipped');
    expect(run.status).toBe(0);
  });
});
