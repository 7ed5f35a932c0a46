import { execFileSync } from 'node:child_process';

let available: boolean | undefined;

/**
 * Whether GNU PSPP's pspp-convert is installed (Debian package pspp; .ci/run installs it). The
 * cross-checks that need it are skipped with this printed reason when it is not.
 */
export function psppAvailable(): boolean {
  if (available === undefined) {
    try {
      execFileSync('pspp-convert', ['--help'], { stdio: 'ignore' });
      available = true;
    } catch {
      available = false;
      console.warn(
        'SKIPPED PSPP cross-checks: pspp-convert is not installed (apt-get install pspp).',
      );
    }
  }
  return available;
}
