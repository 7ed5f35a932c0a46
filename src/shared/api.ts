import type { MethodInput, MethodName, MethodOutput } from './contract';
import type { Result } from './result';

/**
 * What every transport offers the renderer: one function per contract method.
 * The preload's exposed object is checked against this type with `satisfies`.
 */
export type UpstreamApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
};

/** IPC channel for a method: one channel per method, never a generic one. */
export const ipcChannel = (method: MethodName): string => `upstream:${method}`;
