import { UpstreamError } from '../../../../shared/result';

/** Every reader error names the file first, then what is wrong, where, and what to do. */
export function importError(fileName: string, message: string): UpstreamError {
  return new UpstreamError('IMPORT_ERROR', `${fileName}: ${message}`);
}

/** Stops a long read when the caller cancels. */
export function throwIfAborted(fileName: string, signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw importError(fileName, 'reading was cancelled.');
}
