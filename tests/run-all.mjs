#!/usr/bin/env node
// `npm test`: every suite (engine, contract, transports, renderer in Chromium via Playwright,
// Electron where a binary exists) runs in one vitest run; this prints, last, the one summary line CI
// reads, and before it one line per failed file saying why. Arguments go to vitest (a test's
// `--config` runs other files through the same summary).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarize } from './summary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outcomesFile = join(root, '.tmp', `test-outcomes-${process.pid}.json`);
mkdirSync(dirname(outcomesFile), { recursive: true });

// Sample companies several suites read are built once for this run (tests/helpers/sampleCache.ts).
const run = `${process.pid}-${Date.now()}`;
const sampleCache = join(root, '.tmp', 'sample-cache', run);

const vitest = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--reporter=default',
    `--reporter=${join(root, 'tests/fileOutcomes.mjs')}`,
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, UPSTREAM_TEST_OUTCOMES: outcomesFile, UPSTREAM_TEST_RUN: run },
  },
);
rmSync(sampleCache, { recursive: true, force: true });

let summary = { passed: 0, failed: 1, skipped: 0, failedFiles: [] };
if (existsSync(outcomesFile)) {
  summary = summarize(JSON.parse(readFileSync(outcomesFile, 'utf8')));
  rmSync(outcomesFile, { force: true });
} else {
  console.error('vitest wrote no results: it did not run.');
}
if (vitest.status !== 0 && summary.failed === 0) {
  summary.failed = 1;
  summary.failedFiles.push(`FAILED vitest exited with status ${vitest.status ?? vitest.signal}`);
}

if (summary.failedFiles.length > 0) console.log(`\n${summary.failedFiles.join('\n')}`);
console.log(
  `tests: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`,
);
process.exit(summary.failed > 0 ? 1 : 0);
