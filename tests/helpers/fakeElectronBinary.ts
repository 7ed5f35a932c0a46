import { FuseV1Options } from '@electron/fuses';

/** Where Electron's fuse wire starts: this marker, a version byte, a length byte, one byte per fuse. */
const SENTINEL = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX');

/**
 * A stand-in for an Electron binary (none can be downloaded here): only the fuse wire, laid out as
 * Electron lays it out, with `wire` as its fuses ('0' off, '1' on) in FuseV1Options order.
 */
export function fakeElectronBinary(wire: string): Buffer {
  return Buffer.concat([
    Buffer.from('not really an executable\n'),
    SENTINEL,
    Buffer.from([1, wire.length]),
    Buffer.from(wire),
    Buffer.from('\nthe rest of the binary\n'),
  ]);
}

/** The fuses of a binary by name ('0' off, '1' on), read straight from its bytes. */
export function readFuses(binary: Buffer): Record<string, string> {
  const at = binary.indexOf(SENTINEL);
  if (at < 0) throw new Error('no fuse wire in this binary');
  const length = binary[at + SENTINEL.length + 1]!;
  const wire = binary.subarray(at + SENTINEL.length + 2, at + SENTINEL.length + 2 + length);
  return Object.fromEntries(
    [...wire.toString('latin1')].map((state, i) => [FuseV1Options[i] ?? `fuse ${i}`, state]),
  );
}

/** What Upstream's afterPack hook must leave in every package it makes. */
export const HARDENED_FUSES = {
  RunAsNode: '0',
  EnableCookieEncryption: '1',
  EnableNodeOptionsEnvironmentVariable: '0',
  EnableNodeCliInspectArguments: '0',
  EnableEmbeddedAsarIntegrityValidation: '1',
  OnlyLoadAppFromAsar: '1',
  LoadBrowserProcessSpecificV8Snapshot: '0',
  GrantFileProtocolExtraPrivileges: '1',
};

/** Every fuse the other way round (as a test's starting point), plus one fuse newer than the hook. */
export const UNHARDENED_WIRE = '101100101';
