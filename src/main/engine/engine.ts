import { EventEmitter } from 'node:events';
import { exportRequestSchema, type ExportProgressEvent } from '../../shared/exportRequest';
import type { ImportProgressEvent } from '../../shared/imports';
import type { Result } from '../../shared/result';
import { dispatch, toApiError } from './dispatch';
import type { ExportDownload } from './export/exportRequest';
import type { EngineContext } from './handlers/context';
import { FileRegistry } from './import/fileRegistry';
import type { ImportReport, ImportRequest } from './import/importFile';
import type { ImportControl } from './import/progress';
import { openWorkspace, type OpenOptions, type Workspace } from './workspace/workspace';

/** Methods that never touch the database, so they must not wait behind a running import. */
const UNQUEUED = new Set(['importCancel', 'methods']);

/**
 * The engine as transports see it: an open workspace, the files users chose, and one queue.
 * DuckDB runs one statement at a time per connection and an import holds a transaction, so
 * calls are served in arrival order. Import progress is emitted as 'importProgress' events.
 */
export class Engine extends EventEmitter<{
  importProgress: [ImportProgressEvent];
  exportProgress: [ExportProgressEvent];
}> {
  private queue: Promise<unknown> = Promise.resolve();
  readonly files = new FileRegistry();
  /** What handlers receive; tests that call a handler directly use it too. */
  readonly context: EngineContext;

  private constructor(readonly ws: Workspace) {
    super();
    this.context = {
      ws,
      files: this.files,
      imports: { current: null },
      emitProgress: (event) => this.emit('importProgress', event),
    };
  }

  static async open(path: string, options: OpenOptions = {}): Promise<Engine> {
    return new Engine(await openWorkspace(path, options));
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  call(method: string, input: unknown): Promise<Result<unknown>> {
    const run = () => dispatch(method, input, this.context);
    return UNQUEUED.has(method) ? run() : this.serial(run);
  }

  /**
   * A file for the app (a story deck, PDF or workbook; a view's PNG or table), checked by the
   * disclosure audit; progress is emitted as 'exportProgress'. Never rejects.
   */
  exportFile(request: unknown): Promise<Result<ExportDownload>> {
    const parsed = exportRequestSchema.safeParse(request);
    if (!parsed.success) {
      const message = parsed.error.issues.map((i) => i.message).join('; ');
      return Promise.resolve({
        ok: false,
        error: { code: 'INVALID_ARGUMENTS', message: `Invalid export: ${message}` },
      });
    }
    return this.serial(async () => {
      try {
        // The export writers (PDF, PowerPoint, pictures) load only when a file is asked for.
        const { exportForApp } = await import('./export/exportRequest');
        const file = await exportForApp(this.context, parsed.data, (event) =>
          this.emit('exportProgress', event),
        );
        return { ok: true, value: file };
      } catch (error) {
        return { ok: false, error: toApiError(error) };
      }
    });
  }

  /** Lets go of a file token (an upload is deleted) once the calls already queued are done. */
  releaseFile(token: string): Promise<void> {
    return this.serial(async () => this.files.release(token));
  }

  importFile(
    path: string,
    request: ImportRequest = {},
    control: ImportControl = {},
  ): Promise<ImportReport> {
    return this.serial(async () =>
      (await import('./import/importFile')).importFile(this.ws, path, request, control),
    );
  }

  close(): void {
    this.ws.close();
  }
}
