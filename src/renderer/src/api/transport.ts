import type { PickedFile, UpstreamApi, UpstreamDesktopApi } from '../../../shared/api';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { importProgressSchema, type ImportProgressEvent } from '../../../shared/imports';
import type { ApiError, ErrorCode, Result } from '../../../shared/result';
import { ERROR_CODES } from '../../../shared/result';

/**
 * A transport sends one method call and always resolves to a Result: it never throws and never
 * rejects, so views only ever branch on `ok`. The renderer sends method names and their inputs,
 * never SQL or file paths.
 */
export type Transport = <M extends MethodName>(
  method: M,
  input: MethodInput<M>,
) => Promise<Result<MethodOutput<M>>>;

export function errorResult(code: ErrorCode, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } };
}

function isApiError(x: unknown): x is ApiError {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Record<string, unknown>;
  return (
    typeof e.message === 'string' &&
    typeof e.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(e.code)
  );
}

/** Checks that a decoded body has the Result shape; anything else becomes an error Result. */
export function toResult<T>(body: unknown, httpStatus?: number): Result<T> {
  if (typeof body === 'object' && body !== null && 'ok' in body) {
    const r = body as { ok: unknown; value?: unknown; error?: unknown };
    if (r.ok === true && 'value' in r) return { ok: true, value: r.value as T };
    if (r.ok === false && isApiError(r.error)) return { ok: false, error: r.error };
  }
  const status = httpStatus === undefined ? '' : ` (HTTP ${httpStatus})`;
  return errorResult('INTERNAL', `The app received an answer it could not read${status}.`);
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * What the preload exposes: one function per method, and (in the desktop app) the open dialog and
 * progress events. The two extras are optional so an older preload degrades to a clear message.
 */
export type DesktopBridge = UpstreamApi &
  Partial<
    Pick<
      UpstreamDesktopApi,
      'pickImportFiles' | 'onImportProgress' | 'saveExport' | 'onExportProgress'
    >
  >;

/** Electron: the preload's `window.upstream`, one function per method. */
export function preloadTransport(bridge: UpstreamApi): Transport {
  return async (method, input) => {
    const fn = bridge[method] as ((i: unknown) => Promise<unknown>) | undefined;
    if (typeof fn !== 'function') {
      return errorResult('UNKNOWN_METHOD', `This version of the app does not offer "${method}".`);
    }
    try {
      return toResult(await fn(input));
    } catch (err) {
      return errorResult('INTERNAL', `The app could not complete "${method}": ${describe(err)}`);
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Connection status: a tiny store the loopback transport updates and the app-wide banner reads.

export type ConnectionState = 'ok' | 'lost';

const connectionListeners = new Set<() => void>();
let connectionState: ConnectionState = 'ok';
/** Bumped each time the connection comes back, so queries that failed on it ask again. */
let reconnections = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

function setConnection(next: ConnectionState): void {
  if (next === connectionState) return;
  connectionState = next;
  if (next === 'ok') reconnections += 1;
  for (const l of [...connectionListeners]) l();
}

/** The loopback server's connection as the renderer last saw it, for useSyncExternalStore. */
export const connection = {
  state: (): ConnectionState => connectionState,
  reconnections: (): number => reconnections,
  subscribe(listener: () => void): () => void {
    connectionListeners.add(listener);
    return () => connectionListeners.delete(listener);
  },
};

/** How long to wait between tries while the server does not answer. */
export const RETRY_MS = 2000;

export const CONNECTION_LOST_MESSAGE =
  'Connection to the Upstream engine lost: showing the last figures. Retrying…';

/**
 * While the connection is lost, asks the server for `info` every RETRY_MS until it answers (any
 * HTTP answer counts: the server is back), then marks the connection ok.
 */
function keepRetrying(fetchImpl: typeof fetch, base: string): void {
  if (retryTimer !== undefined) return;
  const attempt = () => {
    retryTimer = setTimeout(() => {
      void fetchImpl(base + 'info', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: '{}',
        credentials: 'same-origin',
        cache: 'no-store',
      }).then(
        () => {
          retryTimer = undefined;
          setConnection('ok');
        },
        () => attempt(),
      );
    }, RETRY_MS);
  };
  attempt();
}

/**
 * Notices a stopped server even when nobody asks anything: every `everyMs` while the page is
 * visible, a HEAD of the page itself (no engine work). Returns the stop function. Only for the
 * loopback server; the desktop app's engine lives in its own process.
 */
export function watchConnection(
  fetchImpl: typeof fetch = (...a) => fetch(...a),
  everyMs = 5000,
  base = 'api/',
): () => void {
  const timer = setInterval(() => {
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
    if (connectionState === 'lost') return; // keepRetrying is on it
    void fetchImpl('./', { method: 'HEAD', credentials: 'same-origin', cache: 'no-store' }).then(
      () => setConnection('ok'),
      () => {
        setConnection('lost');
        keepRetrying(fetchImpl, base);
      },
    );
  }, everyMs);
  return () => clearInterval(timer);
}

/**
 * Loopback HTTP (`upstream serve`): POST api/<method> relative to the page, JSON body. The server
 * authenticates with the cookie it set when the page was opened with ?token=..., which a
 * same-origin fetch sends. The body is always a Result, whatever the HTTP status.
 */
export function httpTransport(
  fetchImpl: typeof fetch = (...a) => fetch(...a),
  base = 'api/',
): Transport {
  return async (method, input) => {
    let res: Response;
    try {
      res = await fetchImpl(base + encodeURIComponent(method), {
        method: 'POST',
        // Engine errors come back as 200 with { ok: false } (loopbackServer.ts ANSWER_HEADER),
        // so the browser does not log a view's question about missing data as a failed load.
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'x-upstream-answer': 'in-body',
        },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      // The server stopped answering (stopped, laptop asleep, network gone): not an engine
      // error. Views keep their last figures under the app-wide banner until it answers again.
      setConnection('lost');
      keepRetrying(fetchImpl, base);
      return errorResult('CONNECTION_LOST', CONNECTION_LOST_MESSAGE);
    }
    setConnection('ok');
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      return errorResult(
        'INTERNAL',
        `The Upstream server answered "${method}" with HTTP ${res.status} ${res.statusText}`.trim() +
          ' and no readable result.',
      );
    }
    return toResult(body, res.ok ? undefined : res.status);
  };
}

/** The preload bridge when running inside Electron, otherwise loopback HTTP. */
export function defaultTransport(): Transport {
  if (typeof window !== 'undefined' && window.upstream) return preloadTransport(window.upstream);
  return httpTransport();
}

// ---------------------------------------------------------------------------------------------
// Files and import progress: what only an import needs, behind the same two transports.

/**
 * How the user hands files to the engine, and how import progress comes back. The renderer never
 * names a path: the desktop app's open dialog or the loopback server's upload turns each file the
 * user chose into a token that importPreview and importRun accept.
 */
export interface FileTransport {
  /** 'dialog': the desktop app's native open dialog; 'upload': a file input and drag-and-drop. */
  readonly mode: 'dialog' | 'upload';
  /** Desktop: the native open dialog. Resolves to an empty list when the user cancels. */
  pickFiles(): Promise<Result<PickedFile[]>>;
  /** Browser: sends each file to the loopback server, in order; the first failure stops it. */
  uploadFiles(files: File[]): Promise<Result<PickedFile[]>>;
  /**
   * Browser: the Import screen no longer needs an uploaded file (it was removed from the list),
   * so the server deletes its copy. The desktop app's files are the user's own: nothing to do.
   */
  discardFile(token: string): Promise<void>;
  /** Progress events of the import that is running; returns the unsubscribe function. */
  onImportProgress(listener: (event: ImportProgressEvent) => void): () => void;
}

function progressEvent(data: unknown): ImportProgressEvent | null {
  const parsed = importProgressSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** Electron: the preload's open dialog and IPC progress events. */
export function preloadFileTransport(bridge: DesktopBridge): FileTransport {
  return {
    mode: 'dialog',
    async pickFiles() {
      if (typeof bridge.pickImportFiles !== 'function') {
        return errorResult('UNKNOWN_METHOD', 'This version of the app cannot open files.');
      }
      try {
        return toResult<PickedFile[]>(await bridge.pickImportFiles());
      } catch (err) {
        return errorResult('INTERNAL', `The open dialog failed: ${describe(err)}`);
      }
    },
    async uploadFiles() {
      return errorResult(
        'INVALID_ARGUMENTS',
        'The desktop app opens files with its own dialog: use "Choose files".',
      );
    },
    async discardFile() {},
    onImportProgress(listener) {
      if (typeof bridge.onImportProgress !== 'function') return () => undefined;
      return bridge.onImportProgress((e) => {
        const event = progressEvent(e);
        if (event) listener(event);
      });
    },
  };
}

/**
 * Loopback HTTP: POST upload?name=FILE with the file as the body (the same-origin cookie
 * authenticates it), and server-sent events from `events` (event name `importProgress`). One
 * EventSource is shared by every listener and closed when the last one leaves.
 */
export function httpFileTransport(
  fetchImpl: typeof fetch = (...a) => fetch(...a),
  base = '',
  openEvents: (url: string) => EventSource = (url) => new EventSource(url),
): FileTransport {
  const listeners = new Set<(event: ImportProgressEvent) => void>();
  let source: EventSource | null = null;
  const onMessage = (message: MessageEvent<string>) => {
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch {
      return;
    }
    const event = progressEvent(data);
    if (event) for (const l of [...listeners]) l(event);
  };
  return {
    mode: 'upload',
    async pickFiles() {
      return errorResult(
        'INVALID_ARGUMENTS',
        'In the browser, files are chosen with the file input or dropped on the page.',
      );
    },
    async uploadFiles(files) {
      const picked: PickedFile[] = [];
      for (const file of files) {
        let res: Response;
        try {
          res = await fetchImpl(`${base}upload?name=${encodeURIComponent(file.name)}`, {
            method: 'POST',
            body: file,
            headers: { 'content-type': 'application/octet-stream', accept: 'application/json' },
            credentials: 'same-origin',
            cache: 'no-store',
          });
        } catch {
          setConnection('lost');
          keepRetrying(fetchImpl, `${base}api/`);
          return errorResult(
            'CONNECTION_LOST',
            `${file.name} was not sent: the Upstream engine stopped answering. Choose the file again once it is back.`,
          );
        }
        let body: unknown;
        try {
          body = await res.json();
        } catch {
          return errorResult(
            'INTERNAL',
            `${file.name}: the Upstream server answered the upload with HTTP ${res.status} and no readable result.`,
          );
        }
        const result = toResult<PickedFile[]>(body, res.ok ? undefined : res.status);
        if (!result.ok) return result;
        picked.push(...result.value);
      }
      return { ok: true, value: picked };
    },
    async discardFile(token) {
      try {
        await fetchImpl(`${base}upload?file=${encodeURIComponent(token)}`, {
          method: 'DELETE',
          credentials: 'same-origin',
          cache: 'no-store',
        });
      } catch {
        // The server deletes every upload when it stops anyway.
      }
    },
    onImportProgress(listener) {
      listeners.add(listener);
      if (!source && typeof EventSource !== 'undefined') {
        source = openEvents(`${base}events`);
        source.addEventListener('importProgress', onMessage as EventListener);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.removeEventListener('importProgress', onMessage as EventListener);
          source.close();
          source = null;
        }
      };
    },
  };
}

/** The desktop app's dialog and IPC events when inside Electron, otherwise upload and SSE. */
export function defaultFileTransport(): FileTransport {
  if (typeof window !== 'undefined' && window.upstream)
    return preloadFileTransport(window.upstream);
  return httpFileTransport();
}
