import { EventEmitter } from 'node:events';
import type { ImportProgressEvent } from '../../shared/imports';
import type { Result } from '../../shared/result';
import { dispatch } from './dispatch';
import type { EngineContext } from './handlers/context';
import { FileRegistry } from './import/fileRegistry';
import { importFile, type ImportReport, type ImportRequest } from './import/importFile';
import type { ImportControl } from './import/progress';
import { openWorkspace, type OpenOptions, type Workspace } from './workspace/workspace';

/** Methods that never touch the database, so they must not wait behind a running import. */
const UNQUEUED = new Set(['importCancel', 'methods']);

/**
 * The engine as transports see it: an open workspace, the files users chose, and one queue.
 * DuckDB runs one statement at a time per connection and an import holds a transaction, so
 * calls are served in arrival order. Import progress is emitted as 'importProgress' events.
 */
export class Engine extends EventEmitter<{ importProgress: [ImportProgressEvent] }> {
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

  /** Lets go of a file token (an upload is deleted) once the calls already queued are done. */
  releaseFile(token: string): Promise<void> {
    return this.serial(async () => this.files.release(token));
  }

  importFile(
    path: string,
    request: ImportRequest = {},
    control: ImportControl = {},
  ): Promise<ImportReport> {
    return this.serial(() => importFile(this.ws, path, request, control));
  }

  close(): void {
    this.ws.close();
  }
}
