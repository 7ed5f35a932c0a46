import type { MethodInput, MethodName, MethodOutput } from './contract';
import type { ExportProgressEvent, ExportRequest } from './exportRequest';
import type { ImportProgressEvent } from './imports';
import type { Result } from './result';

/**
 * What every transport offers the renderer: one function per contract method.
 * The preload's exposed object is checked against these types with `satisfies`.
 */
export type UpstreamApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
};

/** A file the user chose, as a token the import methods accept. */
export interface PickedFile {
  file: string;
  name: string;
  bytes: number;
}

/**
 * What only the desktop app adds: the native open dialog (the renderer never names a path) and
 * import progress pushed from the main process. The loopback server offers the same two through
 * an upload endpoint and server-sent events.
 */
export type UpstreamDesktopApi = UpstreamApi & {
  pickImportFiles(): Promise<Result<PickedFile[]>>;
  onImportProgress(listener: (event: ImportProgressEvent) => void): () => void;
  /** Builds the export, asks where to save it (path null: the user cancelled) and writes it. */
  saveExport(request: ExportRequest): Promise<Result<{ path: string | null; name: string }>>;
  onExportProgress(listener: (event: ExportProgressEvent) => void): () => void;
};

/** IPC channel for a method: one channel per method, never a generic one. */
export const ipcChannel = (method: MethodName): string => `upstream:${method}`;
export const PICK_FILES_CHANNEL = 'upstream:pickImportFiles';
export const IMPORT_PROGRESS_CHANNEL = 'upstream:importProgress';
export const SAVE_EXPORT_CHANNEL = 'upstream:saveExport';
export const EXPORT_PROGRESS_CHANNEL = 'upstream:exportProgress';
