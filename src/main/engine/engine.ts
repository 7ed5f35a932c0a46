import type { Result } from '../../shared/result';
import { dispatch } from './dispatch';
import { importFile, type ImportOptions, type ImportReport } from './import/importFile';
import type { CanonicalKind } from './import/canonicalFormats';
import { openWorkspace, type OpenOptions, type Workspace } from './workspace/workspace';

/**
 * The engine as transports see it: an open workspace and one queue. DuckDB runs one statement at
 * a time per connection and an import holds a transaction, so calls are served in arrival order.
 */
export class Engine {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(readonly ws: Workspace) {}

  static async open(path: string, options: OpenOptions = {}): Promise<Engine> {
    return new Engine(await openWorkspace(path, options));
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  call(method: string, input: unknown): Promise<Result<unknown>> {
    return this.serial(() => dispatch(method, input, { ws: this.ws }));
  }

  importFile(kind: CanonicalKind, path: string, options?: ImportOptions): Promise<ImportReport> {
    return this.serial(() => importFile(this.ws, kind, path, options));
  }

  close(): void {
    this.ws.close();
  }
}
