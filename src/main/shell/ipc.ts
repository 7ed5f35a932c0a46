import { statSync } from 'node:fs';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import {
  EXPORT_PROGRESS_CHANNEL,
  IMPORT_PROGRESS_CHANNEL,
  ipcChannel,
  PICK_FILES_CHANNEL,
  SAVE_EXPORT_CHANNEL,
  type PickedFile,
} from '../../shared/api';
import { METHOD_NAMES } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { toApiError } from '../engine/dispatch';
import type { Engine } from '../engine/engine';
import { safeWriteFile } from '../engine/export/safeWrite';

const UNTRUSTED: Result<never> = {
  ok: false,
  error: { code: 'UNAUTHORIZED', message: 'Calls are accepted only from the Upstream window' },
};

/**
 * One IPC handler per contract method, plus the open dialog. The sender frame must be our own
 * renderer (checked by URL on every call); input is validated by the engine's dispatch against
 * the contract; errors come back as a typed Result, never as a thrown IPC error.
 */
export function registerIpc(engine: () => Promise<Engine>, trustedPrefix: () => string): void {
  const isTrusted = (event: IpcMainInvokeEvent): boolean =>
    (event.senderFrame?.url ?? '').startsWith(trustedPrefix());
  for (const name of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(name), async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrusted(event)) return UNTRUSTED;
      return (await engine()).call(name, input);
    });
  }
  // An export: the engine builds it (and its disclosure audit may refuse it), then the save
  // dialog asks where; the file is written to a temporary name and renamed, never half-written.
  ipcMain.handle(
    SAVE_EXPORT_CHANNEL,
    async (event, request: unknown): Promise<Result<{ path: string | null; name: string }>> => {
      if (!isTrusted(event)) return UNTRUSTED;
      const file = await (await engine()).exportFile(request);
      if (!file.ok) return file;
      const window = BrowserWindow.fromWebContents(event.sender);
      const options = { title: 'Save export', defaultPath: file.value.name };
      const choice = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath)
        return { ok: true, value: { path: null, name: file.value.name } };
      try {
        safeWriteFile(choice.filePath, file.value.bytes);
        return { ok: true, value: { path: choice.filePath, name: file.value.name } };
      } catch (error) {
        return { ok: false, error: toApiError(error) };
      }
    },
  );
  ipcMain.handle(PICK_FILES_CHANNEL, async (event): Promise<Result<PickedFile[]>> => {
    if (!isTrusted(event)) return UNTRUSTED;
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = {
      title: 'Choose exports to import',
      properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[],
      filters: [
        {
          name: 'Exports',
          extensions: ['csv', 'tsv', 'txt', 'xlsx', 'parquet', 'jsonl', 'json', 'sav'],
        },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const choice = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
    if (choice.canceled) return { ok: true, value: [] };
    const current = await engine();
    return {
      ok: true,
      value: choice.filePaths.map((path) => ({
        file: current.files.register(path),
        name: path.split(/[\\/]/).pop() ?? path,
        bytes: statSync(path).size,
      })),
    };
  });
}

/** Import and export progress go to every window (there is one). */
export function forwardImportProgress(engine: Engine): void {
  engine.on('importProgress', (progress) => {
    for (const window of BrowserWindow.getAllWindows())
      window.webContents.send(IMPORT_PROGRESS_CHANNEL, progress);
  });
  engine.on('exportProgress', (progress) => {
    for (const window of BrowserWindow.getAllWindows())
      window.webContents.send(EXPORT_PROGRESS_CHANNEL, progress);
  });
}
