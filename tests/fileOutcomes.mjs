// A vitest reporter for `npm test` (tests/run-all.mjs): writes, per test file, what happened to it
// and to each of its tests, with the errors that failed the file itself (an import that threw, a
// beforeAll or describe body that threw). vitest's JSON reporter leaves those errors out.
import { writeFileSync } from 'node:fs';

const firstLine = (error) =>
  `${error?.name && error.name !== 'Error' ? `${error.name}: ` : ''}${error?.message ?? String(error)}`
    .split('\n')[0]
    .trim();

function outcome(module) {
  const suiteErrors = [...module.children.allSuites()].flatMap((suite) =>
    suite.errors().map((error) => `${suite.name}: ${firstLine(error)}`),
  );
  return {
    file: module.relativeModuleId,
    state: module.state(),
    errors: [...module.errors().map(firstLine), ...suiteErrors],
    tests: [...module.children.allTests()].map((test) => {
      const result = test.result();
      return {
        name: test.fullName,
        state: result.state,
        // 'skip' or 'todo' when the file itself skips it (it.skip, describe.skipIf, it.todo).
        mode: test.options.mode,
        note: result.note,
        error: result.errors?.[0] ? firstLine(result.errors[0]) : undefined,
      };
    }),
  };
}

export default class FileOutcomes {
  onTestRunEnd(modules, unhandledErrors) {
    const outputFile = process.env.UPSTREAM_TEST_OUTCOMES;
    if (!outputFile) return;
    const files = modules.map(outcome);
    writeFileSync(outputFile, JSON.stringify({ files, unhandled: unhandledErrors.map(firstLine) }));
  }
}
