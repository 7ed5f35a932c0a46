import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AfterPackContext } from 'electron-builder';
import { Arch } from 'electron-builder';
import { afterEach, describe, expect, it } from 'vitest';
import afterPack from '../../../scripts/afterPack.mjs';
import {
  fakeElectronBinary,
  HARDENED_FUSES,
  readFuses,
  UNHARDENED_WIRE,
} from '../../helpers/fakeElectronBinary';
import { makeTempDir } from '../../helpers/tempDir';

// The hook electron-builder runs on every package, run here on a packed app's layout per platform
// (electron-builder itself packs a Linux app in packagedApp.test.ts).
const platforms = [
  ['linux', 'upstream'],
  ['win32', 'Upstream.exe'],
  ['darwin', 'Upstream.app/Contents/Frameworks/Electron Framework.framework/Electron Framework'],
] as const;

let remove = () => {};
afterEach(() => remove());

describe('afterPack hook: Electron fuses', () => {
  it.each(platforms)('hardens the %s binary at %s', async (platform, binaryPath) => {
    const temp = makeTempDir('upstream-fuses-');
    remove = temp.remove;
    const binary = join(temp.path, binaryPath);
    mkdirSync(dirname(binary), { recursive: true });
    writeFileSync(binary, fakeElectronBinary(UNHARDENED_WIRE));

    const context = {
      appOutDir: temp.path,
      electronPlatformName: platform,
      arch: Arch.x64,
      packager: { executableName: 'upstream', appInfo: { productFilename: 'Upstream' } },
    } as unknown as AfterPackContext;
    await afterPack(context);

    expect(readFuses(readFileSync(binary))).toEqual({
      ...HARDENED_FUSES,
      // A fuse newer than @electron/fuses knows keeps Electron's own setting.
      'fuse 8': '1',
    });
  });
});
