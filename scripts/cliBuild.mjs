#!/usr/bin/env node
// The `upstream` command runs compiled JavaScript from out/cli, so it starts in a fraction of a
// second instead of compiling TypeScript on every start. `npm install` builds it (the `prepare`
// script runs this file); bin/upstream.mjs builds it again whenever a source it was made from is
// newer, so a developer's edit is never run stale and nobody has to know about a build step.
//
// Each build goes to its own folder and `current.json` is replaced by a rename, so commands
// started in parallel (the tests do) never see a half-written build.
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outRoot = join(root, 'out/cli');
const pointer = join(outRoot, 'current.json');
// A running command (`upstream serve`) loads parts of its build later (export writers, views):
// an earlier build is removed only once no command could still be running from it.
const OLD_BUILD_MS = 24 * 60 * 60 * 1000;
const EXTERNAL = [
  '@duckdb/*',
  '@resvg/*',
  '@e965/xlsx',
  'pdfkit',
  'pptxgenjs',
  'jszip',
  'vite',
  '@vitejs/*',
  'tsx',
  'tsx/*',
  'esbuild',
  'electron',
  'playwright-core',
];
// Bundled CommonJS code calls require(), which an ES module does not have.
const REQUIRE_SHIM =
  "import { createRequire as __upstreamRequire } from 'node:module'; const require = __upstreamRequire(import.meta.url);";

function readPointer() {
  try {
    return JSON.parse(readFileSync(pointer, 'utf8'));
  } catch {
    return null;
  }
}

function isFresh(current) {
  if (!current || typeof current.dir !== 'string' || !Array.isArray(current.inputs)) return false;
  try {
    statSync(join(outRoot, current.dir, 'main.js'));
    return current.inputs.every((input) => statSync(join(root, input)).mtimeMs <= current.builtAt);
  } catch {
    return false;
  }
}

function removeOldBuilds(keep) {
  for (const entry of readdirSync(outRoot)) {
    if (entry === keep || !entry.startsWith('b-')) continue;
    const full = join(outRoot, entry);
    try {
      if (Date.now() - statSync(full).mtimeMs > OLD_BUILD_MS)
        rmSync(full, { recursive: true, force: true });
    } catch {
      // Another command removed it first.
    }
  }
}

export async function buildCli() {
  const { build } = await import('esbuild');
  const builtAt = Date.now();
  const dir = `b-${builtAt}-${process.pid}`;
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/cli/main.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Small pure-JavaScript packages (zod, the statistics functions) are bundled: resolving and
    // parsing their hundreds of little files cost more at start than the work of most commands.
    // Native bindings, packages that read files beside their code, and the big ones loaded only
    // for one command stay external.
    external: EXTERNAL,
    banner: { js: REQUIRE_SHIM },
    outdir: join(outRoot, dir),
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs).map((input) =>
    relative(root, join(root, input)),
  );
  mkdirSync(outRoot, { recursive: true });
  const temporary = `${pointer}.${process.pid}`;
  writeFileSync(temporary, JSON.stringify({ dir, builtAt, inputs }));
  renameSync(temporary, pointer);
  removeOldBuilds(dir);
  return join(outRoot, dir, 'main.js');
}

/**
 * The compiled entry point, built first when missing or stale; null when it cannot be built here
 * (an install without esbuild, a read-only folder), and the caller runs the sources instead.
 */
export async function compiledCli() {
  const current = readPointer();
  if (isFresh(current)) return pathToFileURL(join(outRoot, current.dir, 'main.js')).href;
  try {
    return pathToFileURL(await buildCli()).href;
  } catch {
    return null;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildCli();
}
