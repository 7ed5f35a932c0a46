import type { DuckDBConnection } from '@duckdb/node-api';
import { UpstreamError } from '../../../shared/result';

export type ImportPhase =
  'hashing' | 'reading' | 'loading' | 'mapping' | 'validating' | 'writing' | 'done';

export interface ImportProgress {
  file: string;
  phase: ImportPhase;
  /** 0..1 within the phase, when known. */
  fraction?: number;
  rows?: number;
}

export interface ImportControl {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
}

export function cancelled(file: string): UpstreamError {
  return new UpstreamError('IMPORT_ERROR', `${file}: import cancelled; the workspace is unchanged`);
}

export function throwIfCancelled(file: string, signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled(file);
}

/**
 * Runs one long DuckDB statement with its progress reported and cancel honoured: DuckDB's own
 * query progress is sampled while it runs, and an abort interrupts the statement. Returns the
 * number of rows it changed.
 */
export async function runWatched(
  conn: DuckDBConnection,
  sql: string,
  file: string,
  phase: ImportPhase,
  control: ImportControl,
): Promise<number> {
  control.onProgress?.({ file, phase, fraction: 0 });
  throwIfCancelled(file, control.signal);
  const interrupt = () => conn.interrupt();
  control.signal?.addEventListener('abort', interrupt);
  const timer = control.onProgress
    ? setInterval(() => {
        const percentage = conn.progress.percentage;
        if (percentage >= 0)
          control.onProgress?.({ file, phase, fraction: Math.min(1, percentage / 100) });
      }, 250)
    : undefined;
  try {
    const result = await conn.run(sql);
    throwIfCancelled(file, control.signal);
    return Number(result.rowsChanged);
  } catch (error) {
    if (control.signal?.aborted) throw cancelled(file);
    throw error;
  } finally {
    clearInterval(timer);
    control.signal?.removeEventListener('abort', interrupt);
  }
}
