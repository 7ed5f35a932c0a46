import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fakeElectronBinary,
  HARDENED_FUSES,
  readFuses,
  UNHARDENED_WIRE,
} from '../../helpers/fakeElectronBinary';
import { makeTempDir } from '../../helpers/tempDir';

// `npm run package` for real, as far as this machine allows: electron-builder packs a Linux app
// (the `dir` target) from a fresh build, with a stand-in Electron binary, since the real one cannot be
// downloaded here. The project is copied so that the build leaves out/ (which `upstream serve`
// tests use) alone.
const root = join(import.meta.dirname, '../../..');
const fakeElectron = join(root, 'tests/helpers/fakeElectron/register.mjs');
const asar = createRequire(createRequire(import.meta.url).resolve('app-builder-lib'))(
  '@electron/asar',
) as {
  listPackage(archive: string, options: object): string[];
  extractAll(archive: string, dest: string): void;
};

const temp = makeTempDir('upstream-package-');
const project = join(temp.path, 'project');
const unpacked = join(project, 'dist/linux-unpacked');
const archive = join(unpacked, 'resources/app.asar');
const extracted = join(temp.path, 'extracted');

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  expect(result.status, `${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

beforeAll(() => {
  mkdirSync(join(project, 'scripts'), { recursive: true });
  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml']) {
    cpSync(join(root, file), join(project, file));
  }
  cpSync(join(root, 'scripts/afterPack.mjs'), join(project, 'scripts/afterPack.mjs'));
  cpSync(join(root, 'resources/packaging'), join(project, 'resources/packaging'), {
    recursive: true,
  });
  // A copy, not a symlink: npm (which electron-builder asks for the production dependencies)
  // reads a symlinked tree through the real root's hidden lockfile and then finds every package
  // "extraneous", so a fresh `npm ci` tree packed none of the dependencies' own dependencies.
  cpSync(join(root, 'node_modules'), join(project, 'node_modules'), {
    recursive: true,
    verbatimSymlinks: true,
  });

  const electronDist = join(temp.path, 'electron-dist');
  mkdirSync(electronDist);
  writeFileSync(join(electronDist, 'electron'), fakeElectronBinary(UNHARDENED_WIRE), {
    mode: 0o755,
  });

  run(
    [
      join(root, 'node_modules/electron-vite/bin/electron-vite.js'),
      'build',
      '--outDir',
      join(project, 'out'),
      '--logLevel',
      'warn',
    ],
    root,
  );
  run(
    [
      join(root, 'node_modules/electron-builder/cli.js'),
      '--linux',
      'dir',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
    ],
    project,
    { NO_UPDATE_NOTIFIER: '1' },
  );
  asar.extractAll(archive, extracted);
  // The first start opens this workspace instead of building the sample company.
  mkdirSync(join(temp.path, 'userData'));
  writeFileSync(join(temp.path, 'userData/sample.duckdb'), '');
}, 600_000);

afterAll(() => temp.remove());

/** Starts the packaged main process in Node, with Electron's API faked (tests/helpers/fakeElectron). */
function startMain(packaged: boolean): { loaded: string; devServerRequest: string } {
  const stdout = run(['--import', fakeElectron, join(extracted, 'out/main/index.js')], extracted, {
    FAKE_ELECTRON_PACKAGED: packaged ? '1' : '0',
    FAKE_ELECTRON_USER_DATA: join(temp.path, 'userData'),
    ELECTRON_RENDERER_URL: 'http://localhost:5173/',
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

describe('the packaged app (electron-builder, Linux dir target)', () => {
  it('holds the built app and its production dependencies, nothing else', () => {
    const files = asar.listPackage(archive, {}).map((f) => f.replaceAll('\\', '/'));
    expect(files.filter((f) => /^\/[^/]+$/.test(f)).sort()).toEqual([
      '/node_modules',
      '/out',
      '/package.json',
    ]);
    expect(files).toEqual(
      expect.arrayContaining([
        '/out/main/index.js',
        '/out/preload/index.cjs',
        '/out/renderer/index.html',
        '/node_modules/@duckdb/node-api/package.json',
        '/node_modules/zod/package.json',
      ]),
    );
    const packages = files.filter((f) => /^\/node_modules\/(@[^/]+\/)?[^/@]+$/.test(f));
    for (const devOnly of ['electron', 'vitest', 'tsx', 'esbuild', 'electron-builder']) {
      expect(packages).not.toContain(`/node_modules/${devOnly}`);
    }
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    // DuckDB's native binding is loaded from beside the archive.
    expect(
      existsSync(
        join(
          `${archive}.unpacked`,
          `node_modules/@duckdb/node-bindings-${process.platform}-${process.arch}`,
          'duckdb.node',
        ),
      ),
    ).toBe(true);
  });

  it('has its Electron binary hardened by the fuses', () => {
    expect(readFuses(readFileSync(join(unpacked, 'upstream')))).toEqual({
      ...HARDENED_FUSES,
      'fuse 8': '1',
    });
  });

  it('loads its own renderer and blocks the dev server even when ELECTRON_RENDERER_URL is set', () => {
    expect(startMain(true)).toEqual({
      loaded: pathToFileURL(join(extracted, 'out/renderer/index.html')).href,
      devServerRequest: 'blocked',
    });
  });

  it('loads the dev server when not packaged (electron-vite dev)', () => {
    expect(startMain(false)).toEqual({
      loaded: 'http://localhost:5173/',
      devServerRequest: 'allowed',
    });
  });
});
