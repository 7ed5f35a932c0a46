import { useSyncExternalStore } from 'react';
import type { PickedFile } from '../../../shared/api';
import type { MethodOutput } from '../../../shared/contract';
import type { CanonicalKind, ColumnMapping, ImportProgressEvent } from '../../../shared/imports';
import type { ApiError } from '../../../shared/result';
import { api } from '../api/client';
import { overallFraction } from './progress';

/**
 * The Import screen's state: the files chosen, each one's preview, the mapping as the analyst
 * corrected it, and the run and its report. It lives outside the view, so switching to the
 * Overview and back keeps the work, and an import in progress carries on.
 *
 * Engine calls that open a transaction (importPreview, importRun) are sent one at a time: the
 * workspace has one connection, and a preview must not start while an import is writing.
 */
export type Preview = MethodOutput<'importPreview'>;
export type Report = MethodOutput<'importRun'>;
export type Source = MethodOutput<'info'>['sources'][number];
export type Profile = MethodOutput<'profiles'>['profiles'][number];

export interface PreviewRequest {
  kind?: CanonicalKind;
  sheet?: string;
  profile?: string;
}

export type FilePhase = 'uploading' | 'previewing' | 'ready' | 'running' | 'finished';

export interface RunState {
  event: ImportProgressEvent | null;
  overall: number;
  cancelling: boolean;
}

export interface FileEntry {
  id: string;
  name: string;
  bytes: number;
  /** The engine's token for the file; null until the upload is done. */
  token: string | null;
  phase: FilePhase;
  failure: { during: 'upload' | 'preview' | 'run'; error: ApiError } | null;
  request: PreviewRequest;
  preview: Preview | null;
  /** The mapping as it stands: the preview's, with the analyst's corrections. */
  mapping: ColumnMapping | null;
  /** The last change worth saying (e.g. a canonical column moved from another source column). */
  notice: string | null;
  profileName: string;
  run: RunState | null;
  cancelled: boolean;
  report: Report | null;
  /** The workspace's record of the import (for its quarantined rows). */
  source: Source | null;
}

export interface ImportSession {
  files: FileEntry[];
  selectedId: string | null;
  profiles: Profile[] | null;
  profilesError: ApiError | null;
  /** A problem choosing files that belongs to no file (e.g. the open dialog failed). */
  pickError: ApiError | null;
}

let state: ImportSession = {
  files: [],
  selectedId: null,
  profiles: null,
  profilesError: null,
  pickError: null,
};
const listeners = new Set<() => void>();

function setState(next: ImportSession): void {
  state = next;
  for (const l of [...listeners]) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useImportSession(): ImportSession {
  return useSyncExternalStore(subscribe, () => state);
}

function entry(id: string): FileEntry | undefined {
  return state.files.find((f) => f.id === id);
}

function update(id: string, patch: Partial<FileEntry> | ((f: FileEntry) => Partial<FileEntry>)) {
  setState({
    ...state,
    files: state.files.map((f) =>
      f.id === id ? { ...f, ...(typeof patch === 'function' ? patch(f) : patch) } : f,
    ),
  });
}

// ---- one transaction at a time ------------------------------------------------------------

let queue: Promise<unknown> = Promise.resolve();
function serial<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

// ---- progress events ----------------------------------------------------------------------

let progressHolds = 0;
let unsubscribeProgress: (() => void) | null = null;

function onProgress(event: ImportProgressEvent): void {
  const running = state.files.find((f) => f.phase === 'running' && f.run);
  if (!running?.run) return;
  const run = running.run;
  update(running.id, {
    run: { ...run, event, overall: overallFraction(event, run.overall) },
  });
}

/**
 * Keeps the progress subscription open (an EventSource in the browser) while held: the Import
 * view holds it while shown, so it is connected before an import starts, and a run holds it
 * until it ends.
 */
export function holdProgress(): () => void {
  progressHolds++;
  if (!unsubscribeProgress) unsubscribeProgress = api.onImportProgress(onProgress);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    progressHolds--;
    if (progressHolds === 0 && unsubscribeProgress) {
      unsubscribeProgress();
      unsubscribeProgress = null;
    }
  };
}

// ---- actions ------------------------------------------------------------------------------

let nextId = 1;
const previewTickets = new Map<string, number>();
/**
 * Browser: each file as the user dropped it. The server deletes its copy when an import of it
 * ends, so previewing or importing it again sends it again from here.
 */
const dropped = new Map<string, File>();

/** Whether the file can be previewed or imported: the engine has it, or the browser can send it again. */
export function hasFile(f: FileEntry): boolean {
  return f.token !== null || dropped.has(f.id);
}

async function sendAgain(id: string): Promise<string | null> {
  const file = dropped.get(id);
  if (!file) return null;
  update(id, { phase: 'uploading' });
  const result = await api.uploadFiles([file]);
  if (!entry(id)) return null;
  const picked = result.ok ? result.value[0] : undefined;
  if (!picked) {
    const error = result.ok
      ? { code: 'INTERNAL' as const, message: `${file.name}: the server did not accept the file.` }
      : result.error;
    update(id, { phase: 'ready', failure: { during: 'upload', error } });
    return null;
  }
  update(id, { token: picked.file, phase: 'ready' });
  return picked.file;
}

function newEntry(name: string, bytes: number, token: string | null): FileEntry {
  return {
    id: `f${nextId++}`,
    name,
    bytes,
    token,
    phase: token ? 'previewing' : 'uploading',
    failure: null,
    request: {},
    preview: null,
    mapping: null,
    notice: null,
    profileName: '',
    run: null,
    cancelled: false,
    report: null,
    source: null,
  };
}

function addEntries(entries: FileEntry[]): void {
  if (entries.length === 0) return;
  setState({
    ...state,
    files: [...state.files, ...entries],
    selectedId: entries[0]!.id,
    pickError: null,
  });
}

export async function preview(id: string, request?: PreviewRequest): Promise<void> {
  const start = entry(id);
  const token = start?.token ?? (start ? await sendAgain(id) : null);
  if (!start || !token) return;
  const req = request ?? start.request;
  const ticket = (previewTickets.get(id) ?? 0) + 1;
  previewTickets.set(id, ticket);
  update(id, { phase: 'previewing', request: req });
  const result = await serial(() => api.importPreview({ file: token, ...req }));
  if (previewTickets.get(id) !== ticket || !entry(id)) return; // superseded or removed
  if (result.ok) {
    update(id, {
      phase: 'ready',
      failure: null,
      preview: result.value,
      mapping: result.value.mapping,
      notice: null,
      report: null,
      source: null,
      cancelled: false,
    });
  } else {
    update(id, { phase: 'ready', failure: { during: 'preview', error: result.error } });
  }
}

/** Browser: upload each file, then preview it. */
export async function addUploadedFiles(files: File[]): Promise<void> {
  const entries = files.map((f) => newEntry(f.name, f.size, null));
  addEntries(entries);
  for (const [i, file] of files.entries()) {
    const id = entries[i]!.id;
    dropped.set(id, file);
    const result = await api.uploadFiles([file]);
    if (!entry(id)) continue;
    const picked = result.ok ? result.value[0] : undefined;
    if (!picked) {
      update(id, {
        phase: 'ready',
        failure: {
          during: 'upload',
          error: result.ok
            ? { code: 'INTERNAL', message: `${file.name}: the server did not accept the file.` }
            : result.error,
        },
      });
      continue;
    }
    update(id, { token: picked.file, name: picked.name, bytes: picked.bytes, phase: 'previewing' });
    void preview(id, {});
  }
}

/** Desktop: the native open dialog. */
export async function pickFiles(): Promise<void> {
  const result = await api.pickFiles();
  if (!result.ok) {
    setState({ ...state, pickError: result.error });
    return;
  }
  addPicked(result.value);
}

function addPicked(picked: PickedFile[]): void {
  const entries = picked.map((p) => newEntry(p.name, p.bytes, p.file));
  addEntries(entries);
  for (const e of entries) void preview(e.id, {});
}

export function select(id: string): void {
  setState({ ...state, selectedId: id });
}

export function remove(id: string): void {
  const token = entry(id)?.token;
  // After any preview or import of it still queued, so the file is not deleted under them.
  if (token) void serial(() => api.discardFile(token));
  dropped.delete(id);
  const files = state.files.filter((f) => f.id !== id);
  const selectedId = state.selectedId === id ? (files.at(-1)?.id ?? null) : state.selectedId;
  previewTickets.delete(id);
  setState({ ...state, files, selectedId });
}

export function editMapping(
  id: string,
  change: (mapping: ColumnMapping) => ColumnMapping,
  notice?: string | null,
): void {
  update(id, (f) =>
    f.mapping
      ? { mapping: change(f.mapping), notice: notice === undefined ? f.notice : notice }
      : {},
  );
}

export function setProfileName(id: string, profileName: string): void {
  update(id, { profileName });
}

/** Back from the report to the mapping, to change it and import again. */
export function reopen(id: string): void {
  update(id, { phase: 'ready', report: null, source: null, cancelled: false, failure: null });
}

export async function loadProfiles(): Promise<void> {
  const result = await api.profiles({});
  setState(
    result.ok
      ? { ...state, profiles: result.value.profiles, profilesError: null }
      : { ...state, profilesError: result.error },
  );
}

export async function run(id: string): Promise<void> {
  const start = entry(id);
  if (!start?.mapping || start.phase !== 'ready') return;
  const token = start.token ?? (await sendAgain(id));
  if (!token || entry(id)?.phase !== 'ready') return;
  const mapping = start.mapping;
  const saveAs = start.profileName.trim();
  const sheet = start.preview?.sheet ?? undefined;
  update(id, {
    phase: 'running',
    run: { event: null, overall: 0, cancelling: false },
    failure: null,
    report: null,
    source: null,
    cancelled: false,
  });
  const release = holdProgress();
  const result = await serial(() =>
    api.importRun({
      file: token,
      mapping,
      ...(sheet ? { sheet } : {}),
      ...(saveAs ? { saveProfileAs: saveAs } : {}),
    }),
  );
  release();
  if (!entry(id)) return;
  // Whatever the outcome, the server has deleted its copy of an uploaded file.
  if (dropped.has(id)) update(id, { token: null });
  if (!result.ok) {
    const cancelled = Boolean(entry(id)?.run?.cancelling) && /cancel/i.test(result.error.message);
    update(id, {
      phase: 'ready',
      run: null,
      cancelled,
      failure: cancelled ? null : { during: 'run', error: result.error },
    });
    return;
  }
  const report = result.value;
  update(id, { phase: 'finished', run: null, report });
  const [info] = await Promise.all([api.info({}), saveAs ? loadProfiles() : undefined]);
  if (info.ok) {
    const source =
      info.value.sources.filter((s) => s.sha256 === report.sha256).sort((a, b) => b.id - a.id)[0] ??
      null;
    update(id, { source });
  }
}

export async function cancel(id: string): Promise<void> {
  const f = entry(id);
  if (f?.phase !== 'running' || !f.run) return;
  update(id, { run: { ...f.run, cancelling: true } });
  const result = await api.importCancel({});
  if (!result.ok) {
    update(id, (now) => ({
      run: now.run ? { ...now.run, cancelling: false } : null,
      failure: { during: 'run', error: result.error },
    }));
  }
}
