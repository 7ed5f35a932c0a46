import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, type UpstreamApi } from '../shared/api';
import type { MethodInput, MethodName, MethodOutput } from '../shared/contract';
import type { Result } from '../shared/result';

/**
 * One function per contract method, and nothing else: no generic invoke, no ipcRenderer.
 * `satisfies` makes a method added to the contract but missing here a compile error.
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
} satisfies UpstreamApi;

contextBridge.exposeInMainWorld('upstream', api);
