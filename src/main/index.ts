import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { Engine } from './engine/engine';
import { hardenApp } from './shell/hardening';
import { forwardImportProgress, registerIpc } from './shell/ipc';
import { installMenu } from './shell/menu';
import { createMainWindow, rendererLocation } from './shell/window';
import { createNewSample, openOrCreateSample } from './shell/workspaces';

// The Electron entry: wiring only. Everything it calls is plain Node code tested without Electron.
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..');
// Only a development run loads the electron-vite dev server: in an installed app an environment
// variable must not be able to point the window (and the IPC trust check) at another origin.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const location = rendererLocation(outDir, devServerUrl);

let engine: Promise<Engine> | undefined;
let mainWindow: BrowserWindow | undefined;

async function switchTo(next: () => Promise<Engine>): Promise<void> {
  const previous = engine;
  engine = (async () => {
    (await previous?.catch(() => undefined))?.close();
    return next();
  })();
  try {
    forwardImportProgress(await engine);
    mainWindow?.webContents.reload();
  } catch (error) {
    dialog.showErrorBox('Upstream could not open the workspace', (error as Error).message);
  }
}

async function openWorkspace(): Promise<void> {
  const choice = await dialog.showOpenDialog({
    title: 'Open an Upstream workspace',
    properties: ['openFile'],
    filters: [{ name: 'Upstream workspace', extensions: ['duckdb'] }],
  });
  const path = choice.filePaths[0];
  if (!choice.canceled && path) await switchTo(() => Engine.open(path));
}

async function newFromSample(): Promise<void> {
  const choice = await dialog.showSaveDialog({
    title: 'Create a workspace from the sample company',
    defaultPath: join(app.getPath('documents'), 'upstream-sample.duckdb'),
    filters: [{ name: 'Upstream workspace', extensions: ['duckdb'] }],
  });
  const path = choice.filePath;
  if (choice.canceled || !path) return;
  rmSync(path, { force: true });
  await switchTo(() => createNewSample(path, `${path}-exports`));
}

app.enableSandbox();
void app.whenReady().then(() => {
  hardenApp(devServerUrl);
  engine = openOrCreateSample(app.getPath('userData'));
  engine.then(forwardImportProgress, () => undefined);
  engine.catch((error: Error) =>
    dialog.showErrorBox('Upstream could not open the sample workspace', error.message),
  );
  registerIpc(
    () => engine!,
    () => location.trustedPrefix,
  );
  installMenu(
    { openWorkspace: () => void openWorkspace(), newFromSample: () => void newFromSample() },
    Boolean(devServerUrl),
  );
  mainWindow = createMainWindow(outDir, location);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(outDir, location);
  });
});

app.on('window-all-closed', () => {
  void engine?.then((e) => e.close());
  if (process.platform !== 'darwin') app.quit();
});
