// electron-builder's afterPack hook (electron-builder.yml): flips the Electron fuses of every
// package before it is signed. Fuses are bits in the Electron binary itself, so no environment
// variable, command-line flag or file beside the app can turn these features back on.
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import { Arch } from 'electron-builder';

export const fuses = {
  version: FuseVersion.V1,
  // `ELECTRON_RUN_AS_NODE=1 Upstream` would otherwise be a signed Node.js for anyone to use.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app's code is read only from app.asar, and only when its hash matches the one electron-builder
  // embedded at packaging (checked on macOS and Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // Stays on: the renderer is loaded from file:// and its module scripts need these privileges.
  // Turning it off needs the renderer served from a custom protocol first.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
};

/** The Electron binary inside a packed app, as electron-builder names it per platform. */
export function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  if (electronPlatformName === 'win32') {
    return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  }
  return join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  const mac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  // Changing the binary breaks the ad-hoc signature Apple silicon requires even of unsigned apps.
  const resetAdHocDarwinSignature =
    mac && (context.arch === Arch.arm64 || context.arch === Arch.universal);
  await flipFuses(electronBinary(context), { ...fuses, resetAdHocDarwinSignature });
}
