import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

/**
 * The renderer's build, shared by electron-vite (the desktop app) and by `upstream serve`
 * (which builds the renderer alone when it has no fresh build). Relative asset URLs so the same
 * build loads from file:// in Electron and from the loopback server.
 */
export const rendererRoot = resolve(import.meta.dirname, 'src/renderer');
export const rendererOutDir = resolve(import.meta.dirname, 'out/renderer');

export function rendererConfig(): UserConfig {
  return {
    root: rendererRoot,
    base: './',
    plugins: [react()],
    build: {
      outDir: rendererOutDir,
      emptyOutDir: true,
      chunkSizeWarningLimit: 2000,
    },
    logLevel: 'warn',
  };
}

export default rendererConfig();
