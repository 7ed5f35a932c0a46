#!/usr/bin/env node
// `npm start`: build, then open the desktop app (which creates and opens the sample workspace on
// first start). Electron downloads its binary on the first launch; when that cannot happen (no
// internet, a locked-down network), say so and open the same app in the browser instead, served
// from this machine only.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args, options = {}) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });

if (
  run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'])
    .status !== 0
) {
  process.exit(1);
}

const electron = spawnSync(process.execPath, [join(root, 'node_modules/electron/cli.js'), root], {
  cwd: root,
  stdio: ['inherit', 'inherit', 'pipe'],
  encoding: 'utf8',
});
if (electron.status === 0) process.exit(0);
process.stderr.write(electron.stderr ?? '');
if (
  !/Downloading Electron|fetch failed|failed to install|ENOTFOUND|ECONNREFUSED/i.test(
    electron.stderr ?? '',
  )
) {
  process.exit(electron.status ?? 1);
}

console.error(`
Electron could not download its binary (it does so once, on the first launch, and needs the
internet for that). Run \`npm start\` again when online. Until then, here is the same app in your
browser, served from this machine only (127.0.0.1):
`);
const home = join(homedir(), '.upstream');
const workspace = join(home, 'sample.duckdb');
const upstream = join(root, 'bin/upstream.mjs');
if (!existsSync(workspace)) {
  mkdirSync(home, { recursive: true });
  const sample = run(process.execPath, [
    upstream,
    'sample',
    '--workspace',
    workspace,
    '--exports',
    join(home, 'sample-exports'),
  ]);
  if (sample.status !== 0) process.exit(1);
}
const serve = spawn(process.execPath, [upstream, 'serve', '--workspace', workspace], {
  cwd: root,
  stdio: ['inherit', 'pipe', 'inherit'],
});
serve.stdout.once('data', (chunk) => {
  const url = String(chunk).split('\n')[0].trim();
  console.log(`Open ${url}`);
  const opener =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  spawn(opener, [url], { stdio: 'ignore', detached: true })
    .on('error', () => undefined)
    .unref();
});
serve.on('exit', (code) => process.exit(code ?? 0));
