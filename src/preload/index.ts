import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  EXPORT_PROGRESS_CHANNEL,
  IMPORT_PROGRESS_CHANNEL,
  ipcChannel,
  PICK_FILES_CHANNEL,
  SAVE_EXPORT_CHANNEL,
  type PickedFile,
  type UpstreamDesktopApi,
} from '../shared/api';
import type { MethodInput, MethodName, MethodOutput } from '../shared/contract';
import type { ExportProgressEvent, ExportRequest } from '../shared/exportRequest';
import type { ImportProgressEvent } from '../shared/imports';
import type { Result } from '../shared/result';

/**
 * One function per contract method, the open dialog and the progress subscription, and nothing
 * else: no generic invoke, no ipcRenderer. `satisfies` makes a method added to the contract but
 * missing here a compile error.
 */
const method =
  <M extends MethodName>(name: M) =>
  (input: MethodInput<M>): Promise<Result<MethodOutput<M>>> =>
    ipcRenderer.invoke(ipcChannel(name), input);

const api = {
  methods: method('methods'),
  info: method('info'),
  hierarchy: method('hierarchy'),
  overview: method('overview'),
  linkage: method('linkage'),
  lagProfile: method('lagProfile'),
  heatmap: method('heatmap'),
  drilldown: method('drilldown'),
  drivers: method('drivers'),
  settings: method('settings'),
  importPreview: method('importPreview'),
  importRun: method('importRun'),
  importCancel: method('importCancel'),
  profiles: method('profiles'),
  quarantine: method('quarantine'),
  views: method('views'),
  viewSave: method('viewSave'),
  viewDelete: method('viewDelete'),
  stories: method('stories'),
  story: method('story'),
  storySave: method('storySave'),
  storyDelete: method('storyDelete'),
  guessAdd: method('guessAdd'),
  guessClear: method('guessClear'),
  commitments: method('commitments'),
  commitmentSave: method('commitmentSave'),
  commitmentDelete: method('commitmentDelete'),
  pickImportFiles: (): Promise<Result<PickedFile[]>> => ipcRenderer.invoke(PICK_FILES_CHANNEL),
  onImportProgress: (listener: (event: ImportProgressEvent) => void) => {
    const forward = (_event: IpcRendererEvent, progress: ImportProgressEvent) => listener(progress);
    ipcRenderer.on(IMPORT_PROGRESS_CHANNEL, forward);
    return () => void ipcRenderer.off(IMPORT_PROGRESS_CHANNEL, forward);
  },
  saveExport: (request: ExportRequest): Promise<Result<{ path: string | null; name: string }>> =>
    ipcRenderer.invoke(SAVE_EXPORT_CHANNEL, request),
  onExportProgress: (listener: (event: ExportProgressEvent) => void) => {
    const forward = (_event: IpcRendererEvent, progress: ExportProgressEvent) => listener(progress);
    ipcRenderer.on(EXPORT_PROGRESS_CHANNEL, forward);
    return () => void ipcRenderer.off(EXPORT_PROGRESS_CHANNEL, forward);
  },
} satisfies UpstreamDesktopApi;

contextBridge.exposeInMainWorld('upstream', api);
