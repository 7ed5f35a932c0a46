import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow } from 'electron';

export interface RendererLocation {
  /** What the window loads. */
  url: string;
  /** A sender frame is trusted only when its URL starts with this. */
  trustedPrefix: string;
}

export function rendererLocation(
  outDir: string,
  devServerUrl: string | undefined,
): RendererLocation {
  if (devServerUrl) return { url: devServerUrl, trustedPrefix: new URL(devServerUrl).origin + '/' };
  const index = pathToFileURL(join(outDir, 'renderer/index.html')).href;
  return { url: index, trustedPrefix: index };
}

export function createMainWindow(outDir: string, location: RendererLocation): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Upstream',
    backgroundColor: '#0f172a',
    webPreferences: {
      preload: join(outDir, 'preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(location.url);
  return window;
}
