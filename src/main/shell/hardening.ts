import { app, session, type WebContents } from 'electron';

/**
 * Electron's security checklist, applied once for the whole app: no permission is ever granted,
 * no navigation or new window is allowed, and no network request leaves the machine
 * (the renderer is loaded from file://; only the electron-vite dev server is allowed in dev).
 */
export function hardenApp(devServerUrl: string | undefined): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (details, callback) => {
      const allowed =
        devServerUrl !== undefined && details.url.startsWith(new URL(devServerUrl).origin);
      callback({ cancel: !allowed });
    },
  );

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
