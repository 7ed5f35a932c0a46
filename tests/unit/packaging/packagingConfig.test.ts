import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
  dependencies: Record<string, string>;
};

// electron-builder's own loader and schema check: the configuration as `npm run package` reads it.
const builderConfig = createRequire(import.meta.url)('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: null, options: null): Promise<Configuration>;
  validateConfiguration(config: Configuration, debug: { isEnabled: boolean }): Promise<void>;
};

let config: Configuration;
beforeAll(async () => {
  config = await builderConfig.getConfig(root, null, null);
});

const targets = (platform: { target?: unknown } | null | undefined) =>
  ((platform?.target ?? []) as { target: string }[]).map((t) => t.target);

describe('packaging configuration (electron-builder.yml)', () => {
  it('is valid for electron-builder', async () => {
    await expect(
      builderConfig.validateConfiguration(config, { isEnabled: false }),
    ).resolves.toBeUndefined();
  });

  it('makes an NSIS installer, a dmg and an AppImage and deb', () => {
    expect(targets(config.win)).toEqual(['nsis']);
    expect(targets(config.mac)).toEqual(['dmg']);
    expect(targets(config.linux)).toEqual(['AppImage', 'deb']);
  });

  it('signs macOS builds with the hardened runtime and only the JIT entitlement', () => {
    expect(config.mac?.hardenedRuntime).toBe(true);
    const entitlements = readFileSync(join(root, config.mac!.entitlements!), 'utf8');
    expect([...entitlements.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual([
      'com.apple.security.cs.allow-jit',
    ]);
    expect(config.mac?.entitlementsInherit).toBe(config.mac?.entitlements);
  });

  it('packs the app into an ASAR archive, with the fuses hook after packing', () => {
    expect(config.asar).toBe(true);
    expect(config.afterPack).toBe('./scripts/afterPack.mjs');
    // The hook flips the fuses; electron-builder's own fuse option would flip them a second time.
    expect(config.electronFuses).toBeUndefined();
  });

  it('never downloads during `npm install` or rebuilds DuckDB against Electron', () => {
    expect(config.npmRebuild).toBe(false);
    expect(Object.values(packageJson.scripts).join('\n')).not.toMatch(/install-app-deps/);
    expect(packageJson.scripts.postinstall).toBeUndefined();
  });

  it('is run by `npm run package` after a build, with pinned tools', () => {
    expect(packageJson.scripts.package).toBe('electron-vite build && electron-builder');
    expect(packageJson.devDependencies['electron-builder']).toMatch(/^~26\./);
    expect(packageJson.devDependencies['@electron/fuses']).toMatch(/^~1\./);
    expect(packageJson.dependencies['electron-builder']).toBeUndefined();
  });
});
