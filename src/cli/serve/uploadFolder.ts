import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const PREFIX = 'upstream-uploads-';

/** Folders of servers running in this process: removed on exit, however the process ends it. */
const live = new Set<string>();
let exitHookInstalled = false;

function removeLive(): void {
  for (const path of live) rmSync(path, { recursive: true, force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Upload folders of `upstream serve` processes that died without cleaning up (kill -9, power cut). */
function sweepStale(root: string): void {
  for (const entry of readdirSync(root)) {
    const owner = new RegExp(`^${PREFIX}(\\d+)-`).exec(entry);
    if (owner && Number(owner[1]) !== process.pid && !alive(Number(owner[1])))
      rmSync(join(root, entry), { recursive: true, force: true });
  }
}

/**
 * One server's uploads: a private folder (mode 0700) in the system's temp folder, named with the
 * server's process id so that a later server can remove what a killed one left behind. Each
 * upload gets a sub-folder of its own, so two files of the same name never meet.
 */
export class UploadFolder {
  readonly path: string;

  constructor() {
    const root = tmpdir();
    try {
      sweepStale(root);
    } catch {
      // An unreadable temp folder only means nothing stale is removed.
    }
    this.path = mkdtempSync(join(root, `${PREFIX}${process.pid}-`));
    live.add(this.path);
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      process.on('exit', removeLive);
    }
  }

  /** Where a new upload of this name goes. */
  newFile(name: string): string {
    return join(mkdtempSync(join(this.path, 'u-')), name);
  }

  /** Deletes one upload, given the path newFile returned. */
  remove(file: string): void {
    const folder = dirname(file);
    const inside = relative(this.path, folder);
    if (inside === '' || inside.startsWith('..')) return;
    rmSync(folder, { recursive: true, force: true });
  }

  /** Deletes every upload and the folder itself. */
  removeAll(): void {
    rmSync(this.path, { recursive: true, force: true });
    live.delete(this.path);
  }
}
