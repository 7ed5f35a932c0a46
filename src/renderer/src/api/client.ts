import type { PickedFile, UpstreamApi } from '../../../shared/api';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { METHOD_NAMES } from '../../../shared/contract';
import type { ImportProgressEvent } from '../../../shared/imports';
import type { Result } from '../../../shared/result';
import { answerCache } from './answerCache';
import {
  connection,
  defaultFileTransport,
  defaultTransport,
  type FileTransport,
  type Transport,
} from './transport';

/**
 * The renderer's only way to the engine.
 *   api.call('overview', { period: '2025-Q3' })   // generic, typed by method name
 *   api.overview({ period: '2025-Q3' })           // one function per contract method
 * Both resolve to a Result (never reject).
 *
 * Files for an import (the renderer never names a path):
 *   api.fileMode()              'dialog' in the desktop app, 'upload' in the browser
 *   api.pickFiles()             desktop: the native open dialog -> PickedFile[] (tokens)
 *   api.uploadFiles(files)      browser: POST upload?name=... per file -> PickedFile[]
 *   api.discardFile(token)      browser: the server deletes an upload no longer needed
 *   api.onImportProgress(fn)    progress events while importRun runs; returns unsubscribe
 */
export type UpstreamClient = UpstreamApi & {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  fileMode(): FileTransport['mode'];
  pickFiles(): Promise<Result<PickedFile[]>>;
  uploadFiles(files: File[]): Promise<Result<PickedFile[]>>;
  discardFile(token: string): Promise<void>;
  onImportProgress(listener: (event: ImportProgressEvent) => void): () => void;
};

export function createClient(
  transport: Transport,
  files: () => FileTransport = defaultFileTransport,
): UpstreamClient {
  const call = <M extends MethodName>(method: M, input: MethodInput<M>) => transport(method, input);
  const perMethod = Object.fromEntries(
    METHOD_NAMES.map((m) => [m, (input: MethodInput<typeof m>) => call(m, input)]),
  ) as UpstreamApi;
  let chosenFiles: FileTransport | undefined;
  const fileTransport = () => (chosenFiles ??= files());
  return {
    ...perMethod,
    call,
    fileMode: () => fileTransport().mode,
    pickFiles: () => fileTransport().pickFiles(),
    uploadFiles: (list) => fileTransport().uploadFiles(list),
    discardFile: (token) => fileTransport().discardFile(token),
    onImportProgress: (listener) => fileTransport().onImportProgress(listener),
  };
}

/** Picks the transport on the first call, so importing this module needs no window. */
function lazyDefaultTransport(): Transport {
  let chosen: Transport | undefined;
  return (method, input) => {
    chosen ??= defaultTransport();
    return chosen(method, input);
  };
}

const kept = answerCache(lazyDefaultTransport());
// A server that stopped answering may have come back on another workspace.
connection.subscribe(() => {
  if (connection.state() === 'ok') kept.forget();
});

/**
 * The app-wide client: Electron's preload bridge when present, otherwise loopback HTTP; answers
 * that only read the workspace are kept between views (see answerCache).
 */
export const api: UpstreamClient & { peek: typeof kept.peek } = {
  ...createClient(kept.transport),
  peek: kept.peek,
};

/**
 * A change applied to every answer on its way to the screen (never to the kept answers): the
 * presentation masks names with it while masked. `apply` gives the same object for the same
 * answer, so screens that compare answers by identity do not redraw.
 */
export type AnswerTransform = (method: MethodName, value: unknown) => unknown;
let transform: AnswerTransform | null = null;
let transformed = new WeakMap<object, unknown>();
let transformVersion = 0;
const transformListeners = new Set<() => void>();

export const answerTransform = {
  set(next: AnswerTransform | null): void {
    if (next === transform) return;
    transform = next;
    transformed = new WeakMap();
    transformVersion++;
    for (const l of [...transformListeners]) l();
  },
  subscribe(listener: () => void): () => void {
    transformListeners.add(listener);
    return () => transformListeners.delete(listener);
  },
  version: (): number => transformVersion,
  apply<T>(method: MethodName, value: T): T {
    if (!transform || value === null || typeof value !== 'object') return value;
    if (!transformed.has(value)) transformed.set(value, transform(method, value));
    return transformed.get(value) as T;
  },
};
