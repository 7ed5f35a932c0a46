// The counts `npm test` prints, from tests/fileOutcomes.mjs's report. A test that did not run because
// its file failed (an import, a beforeAll or a describe body threw) is a failure, not a skip; a file
// that failed with no test to blame counts as one failure. Only tests the file itself skips
// (it.skip, describe.skipIf with a printed reason, it.todo) or that skip themselves are skips.

const MAX_LINE = 240;

function classify(test, fileFailed) {
  if (test.state === 'passed') return 'passed';
  if (test.state === 'failed') return 'failed';
  if (test.mode === 'skip' || test.mode === 'todo') return 'skipped';
  if (test.state === 'skipped' && (test.note || !fileFailed)) return 'skipped';
  return 'did not run';
}

function why(file, failedTests, notRun) {
  const parts = [];
  if (file.errors.length > 0) {
    const more = file.errors.length > 1 ? ` (and ${file.errors.length - 1} more errors)` : '';
    parts.push(`${file.errors[0]}${more}`);
  }
  if (failedTests.length > 0) {
    const first = failedTests[0];
    const more = failedTests.length > 1 ? ` (and ${failedTests.length - 1} more failed tests)` : '';
    parts.push(`"${first.name}": ${first.error ?? 'failed'}${more}`);
  }
  if (notRun > 0) parts.push(`${notRun} test${notRun === 1 ? '' : 's'} did not run`);
  if (parts.length === 0)
    parts.push(`the file ${file.state === 'failed' ? 'failed' : 'did not finish'}`);
  const line = `FAILED ${file.file}: ${parts.join('; ')}`;
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line;
}

/** @returns {{ passed: number, failed: number, skipped: number, failedFiles: string[] }} */
export function summarize({ files, unhandled }) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failedFiles = [];
  for (const file of files) {
    const fileFailed = file.state !== 'passed' && file.state !== 'skipped';
    const kinds = file.tests.map((test) => classify(test, fileFailed));
    const count = (kind) => kinds.filter((k) => k === kind).length;
    const notRun = count('did not run');
    const fileFailures = Math.max(count('failed') + notRun, fileFailed ? 1 : 0);
    passed += count('passed');
    skipped += count('skipped');
    failed += fileFailures;
    if (fileFailures > 0) {
      const failedTests = file.tests.filter((test) => test.state === 'failed');
      failedFiles.push(why(file, failedTests, notRun));
    }
  }
  for (const error of unhandled) {
    failed += 1;
    failedFiles.push(`FAILED (outside any test): ${error}`.slice(0, MAX_LINE));
  }
  return { passed, failed, skipped, failedFiles };
}
