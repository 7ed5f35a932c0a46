import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ipcChannel } from '../../shared/api';
import { METHOD_NAMES } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { Engine } from '../engine/engine';

/**
 * One IPC handler per contract method. The sender frame must be our own renderer (checked by URL
 * on every call); input is validated by the engine's dispatch against the contract; errors come
 * back as a typed Result, never as a thrown IPC error.
 */
export function registerIpc(engine: () => Promise<Engine>, trustedPrefix: () => string): void {
  const isTrusted = (event: IpcMainInvokeEvent): boolean => {
    const url = event.senderFrame?.url ?? '';
    return url.startsWith(trustedPrefix());
  };
  for (const name of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(name), async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrusted(event)) {
        return {
          ok: false,
          error: {
            code: 'UNAUTHORIZED',
            message: 'Calls are accepted only from the Upstream window',
          },
        };
      }
      return (await engine()).call(name, input);
    });
  }
}
