/**
 * `upstream` start-up, as a script that runs it many times sees it: for `upstream --help` (no
 * workspace) and `upstream call info` (opens the workspace, answers one small question), the
 * time until the command begins its work (after its code has loaded: the goal is 0.5 s) and until
 * it has finished, p50 and worst over the runs. Usage: benchStart.ts WORKSPACE [RUNS].
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [workspace, runsArg] = process.argv.slice(2);
if (!workspace) throw new Error('usage: benchStart.ts WORKSPACE [RUNS]');
const runs = Number(runsArg ?? 10);
const bin = join(dirname(fileURLToPath(import.meta.url)), '../bin/upstream.mjs');

function once(args: string[]): { startup: number; total: number } {
  const started = performance.now();
  const child = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, UPSTREAM_STARTUP_MARK: '1' },
  });
  const total = performance.now() - started;
  if (child.status !== 0) throw new Error(`upstream ${args.join(' ')} failed: ${child.stderr}`);
  const mark = /upstream startup: ([\d.]+) ms/.exec(child.stderr);
  return { startup: mark ? Number(mark[1]) : NaN, total };
}

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = (n: number) => `${(n / 1000).toFixed(2)} s`;

once(['--help']); // builds the compiled command first if a source changed
console.log(`upstream start-up over ${runs} runs (goal: work begins within 0.5 s)`);
for (const args of [['methods'], ['call', 'info', '--workspace', workspace]]) {
  const times = Array.from({ length: runs }, () => once(args));
  const startup = times.map((t) => t.startup);
  const total = times.map((t) => t.total);
  console.log(
    `  upstream ${args.slice(0, 2).join(' ').padEnd(12)} work begins ${s(p50(startup))} p50, ${s(Math.max(...startup))} worst; done ${s(p50(total))} p50, ${s(Math.max(...total))} worst`,
  );
}
