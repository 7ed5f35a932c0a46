#!/usr/bin/env node
// Runs the compiled command (scripts/cliBuild.mjs keeps it in step with the sources); when it
// cannot be built, runs the TypeScript sources through tsx, slower to start but the same command.
import { compiledCli } from '../scripts/cliBuild.mjs';

const compiled = await compiledCli();
if (compiled) {
  await import(compiled);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
