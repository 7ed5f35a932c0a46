import type { UpstreamApi } from '../../../shared/api';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import type { ApiError, ErrorCode, Result } from '../../../shared/result';
import { ERROR_CODES } from '../../../shared/result';

/**
 * A transport sends one method call and always resolves to a Result: it never throws and never
 * rejects, so views only ever branch on `ok`. The renderer sends method names and their inputs,
 * never SQL or file paths.
 */
export type Transport = <M extends MethodName>(
  method: M,
  input: MethodInput<M>,
) => Promise<Result<MethodOutput<M>>>;

export function errorResult(code: ErrorCode, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } };
}

function isApiError(x: unknown): x is ApiError {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Record<string, unknown>;
  return (
    typeof e.message === 'string' &&
    typeof e.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(e.code)
  );
}

/** Checks that a decoded body has the Result shape; anything else becomes an error Result. */
export function toResult<T>(body: unknown, httpStatus?: number): Result<T> {
  if (typeof body === 'object' && body !== null && 'ok' in body) {
    const r = body as { ok: unknown; value?: unknown; error?: unknown };
    if (r.ok === true && 'value' in r) return { ok: true, value: r.value as T };
    if (r.ok === false && isApiError(r.error)) return { ok: false, error: r.error };
  }
  const status = httpStatus === undefined ? '' : ` (HTTP ${httpStatus})`;
  return errorResult('INTERNAL', `The app received an answer it could not read${status}.`);
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Electron: the preload's `window.upstream`, one function per method. */
export function preloadTransport(bridge: UpstreamApi): Transport {
  return async (method, input) => {
    const fn = bridge[method] as ((i: unknown) => Promise<unknown>) | undefined;
    if (typeof fn !== 'function') {
      return errorResult('UNKNOWN_METHOD', `This version of the app does not offer "${method}".`);
    }
    try {
      return toResult(await fn(input));
    } catch (err) {
      return errorResult('INTERNAL', `The app could not complete "${method}": ${describe(err)}`);
    }
  };
}

/**
 * Loopback HTTP (`upstream serve`): POST api/<method> relative to the page, JSON body. The server
 * authenticates with the cookie it set when the page was opened with ?token=..., which a
 * same-origin fetch sends. The body is always a Result, whatever the HTTP status.
 */
export function httpTransport(
  fetchImpl: typeof fetch = (...a) => fetch(...a),
  base = 'api/',
): Transport {
  return async (method, input) => {
    let res: Response;
    try {
      res = await fetchImpl(base + encodeURIComponent(method), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch (err) {
      return errorResult('INTERNAL', `Could not reach the Upstream server: ${describe(err)}`);
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      return errorResult(
        'INTERNAL',
        `The Upstream server answered "${method}" with HTTP ${res.status} ${res.statusText}`.trim() +
          ' and no readable result.',
      );
    }
    return toResult(body, res.ok ? undefined : res.status);
  };
}

/** The preload bridge when running inside Electron, otherwise loopback HTTP. */
export function defaultTransport(): Transport {
  if (typeof window !== 'undefined' && window.upstream) return preloadTransport(window.upstream);
  return httpTransport();
}
