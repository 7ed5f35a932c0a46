import type { DesktopBridge } from './api/transport';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge); absent when served by `upstream serve`. */
    upstream?: DesktopBridge;
  }
}

export {};
