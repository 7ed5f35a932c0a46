import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * A sample company is built once per `npm test` run and each suite gets a copy of it: building
 * the default sample takes about 35 s of a 2-core machine, and several suites read the same one.
 * The run is named by UPSTREAM_TEST_RUN (set by tests/run-all.mjs, which removes the folder at
 * the end); without it, as under a bare `npx vitest`, every suite builds its own. Suites run in
 * parallel worker processes: the first to ask builds (a folder made with mkdir is the lock), the
 * others wait for its `ready` mark, or build their own when it wrote `failed`.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.tmp', 'sample-cache');
const WAIT_MS = 15 * 60_000;

type Slot = { dir: string; mine: boolean } | null;

function claim(key: string): Slot {
  const run = process.env.UPSTREAM_TEST_RUN;
  if (!run) return null;
  const dir = join(ROOT, run, key);
  mkdirSync(dirname(dir), { recursive: true });
  try {
    mkdirSync(dir);
    return { dir, mine: true };
  } catch {
    return { dir, mine: false };
  }
}

const WORKSPACE = 'sample.duckdb';
const EXPORTS = 'exports';

function copyOut(dir: string, workspace: string, exportsDir: string): void {
  cpSync(join(dir, WORKSPACE), workspace);
  cpSync(join(dir, EXPORTS), exportsDir, { recursive: true });
}

function settled(dir: string): 'ready' | 'failed' | null {
  if (existsSync(join(dir, 'ready'))) return 'ready';
  if (existsSync(join(dir, 'failed'))) return 'failed';
  return null;
}

/** A sample written by `build` into (workspace, exportsDir), from this run's copy when there is one. */
export async function cachedSample(
  key: string,
  workspace: string,
  exportsDir: string,
  build: (workspace: string, exportsDir: string) => Promise<void>,
): Promise<void> {
  const slot = claim(key);
  if (slot?.mine) {
    try {
      await build(join(slot.dir, WORKSPACE), join(slot.dir, EXPORTS));
      writeFileSync(join(slot.dir, 'ready'), '');
    } catch (error) {
      writeFileSync(join(slot.dir, 'failed'), String(error));
      throw error;
    }
  } else if (slot) {
    const until = Date.now() + WAIT_MS;
    while (settled(slot.dir) === null && Date.now() < until)
      await new Promise((r) => setTimeout(r, 250));
  }
  if (slot && settled(slot.dir) === 'ready') return copyOut(slot.dir, workspace, exportsDir);
  await build(workspace, exportsDir);
}

/** The same for a build that blocks (a CLI run): waits by sleeping the thread. */
export function cachedSampleSync(
  key: string,
  workspace: string,
  exportsDir: string,
  build: (workspace: string, exportsDir: string) => void,
): void {
  const slot = claim(key);
  if (slot?.mine) {
    try {
      build(join(slot.dir, WORKSPACE), join(slot.dir, EXPORTS));
      writeFileSync(join(slot.dir, 'ready'), '');
    } catch (error) {
      writeFileSync(join(slot.dir, 'failed'), String(error));
      throw error;
    }
  } else if (slot) {
    const until = Date.now() + WAIT_MS;
    const nap = new Int32Array(new SharedArrayBuffer(4));
    while (settled(slot.dir) === null && Date.now() < until) Atomics.wait(nap, 0, 0, 250);
  }
  if (slot && settled(slot.dir) === 'ready') return copyOut(slot.dir, workspace, exportsDir);
  build(workspace, exportsDir);
}
