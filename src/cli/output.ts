import type { ApiError } from '../shared/result';

/** The command line's error shape: JSON on stderr, so scripts can parse it, and a non-zero exit. */
export function failWith(error: ApiError, exitCode = 1): never {
  process.stderr.write(`${JSON.stringify({ error })}\n`);
  process.exit(exitCode);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Progress for people: on stderr, so stdout stays clean for JSON and URLs. */
export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}

/**
 * When whatever reads stdout stops (`upstream methods | head`), the command ends quietly as
 * command-line tools do, instead of dying on the EPIPE with a stack trace.
 */
export function exitQuietlyWhenStdoutCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
