// Just enough of Electron's main-process API for the app's entry to start. When the entry loads its
// window, this prints what it loaded and whether the network filter lets a request to
// ELECTRON_RENDERER_URL through, as one JSON line, and exits.
import { writeSync } from 'node:fs';

let requestFilter;

export const app = {
  isPackaged: process.env.FAKE_ELECTRON_PACKAGED === '1',
  enableSandbox() {},
  whenReady: () => Promise.resolve(),
  getPath: () => process.env.FAKE_ELECTRON_USER_DATA,
  on() {},
  quit() {},
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler() {},
    setPermissionCheckHandler() {},
    webRequest: {
      onBeforeRequest(_filter, handler) {
        requestFilter = handler;
      },
    },
  },
};

export class BrowserWindow {
  static getAllWindows() {
    return [];
  }
  static fromWebContents() {
    return undefined;
  }
  webContents = { reload() {}, send() {} };
  once() {}
  loadURL(url) {
    let devServerRequest = 'not filtered';
    requestFilter?.(
      { url: new URL('/index.html', process.env.ELECTRON_RENDERER_URL).href },
      (r) => {
        devServerRequest = r.cancel ? 'blocked' : 'allowed';
      },
    );
    writeSync(1, JSON.stringify({ loaded: url, devServerRequest }) + '\n');
    process.exit(0);
  }
}

export const dialog = { showErrorBox() {}, showOpenDialog() {}, showSaveDialog() {} };
export const ipcMain = { handle() {}, on() {} };
export const Menu = { buildFromTemplate: () => ({}), setApplicationMenu() {} };
export default { app, session, BrowserWindow, dialog, ipcMain, Menu };
