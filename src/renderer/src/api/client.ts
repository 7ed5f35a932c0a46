import type { UpstreamApi } from '../../../shared/api';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { METHOD_NAMES } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { defaultTransport, type Transport } from './transport';

/**
 * The renderer's only way to the engine.
 *   api.call('overview', { period: '2025-Q3' })   // generic, typed by method name
 *   api.overview({ period: '2025-Q3' })           // one function per contract method
 * Both resolve to a Result (never reject).
 */
export type UpstreamClient = UpstreamApi & {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
};

export function createClient(transport: Transport): UpstreamClient {
  const call = <M extends MethodName>(method: M, input: MethodInput<M>) => transport(method, input);
  const perMethod = Object.fromEntries(
    METHOD_NAMES.map((m) => [m, (input: MethodInput<typeof m>) => call(m, input)]),
  ) as UpstreamApi;
  return { ...perMethod, call };
}

/** Picks the transport on the first call, so importing this module needs no window. */
function lazyDefaultTransport(): Transport {
  let chosen: Transport | undefined;
  return (method, input) => {
    chosen ??= defaultTransport();
    return chosen(method, input);
  };
}

/** The app-wide client: Electron's preload bridge when present, otherwise loopback HTTP. */
export const api: UpstreamClient = createClient(lazyDefaultTransport());
