import type { UpstreamApi } from '../../shared/api';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge); absent when served by `upstream serve`. */
    upstream?: UpstreamApi;
  }
}

export {};
