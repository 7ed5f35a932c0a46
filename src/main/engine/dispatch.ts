import { contract, isMethodName, METHOD_NAMES } from '../../shared/contract';
import { UpstreamError, type ApiError, type Result } from '../../shared/result';
import type { EngineContext } from './handlers/context';
import { handlers } from './handlers';

function describeIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .map((issue) =>
      issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof UpstreamError)
    return {
      code: error.code,
      message: error.message,
      ...(error.hint ? { hint: error.hint } : {}),
    };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Internal error: ${message}` };
}

/**
 * The single entry every transport calls: checks the method name and validates the input against
 * the contract before the handler runs; errors come back as a typed Result, never thrown.
 */
export async function dispatch(
  method: string,
  rawInput: unknown,
  ctx: EngineContext,
): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    return {
      ok: false,
      error: {
        code: 'UNKNOWN_METHOD',
        message: `Unknown method '${method}'. Methods: ${METHOD_NAMES.join(', ')}.`,
      },
    };
  }
  const parsed = contract[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'INVALID_ARGUMENTS',
        message: `Invalid arguments for ${method}: ${describeIssues(parsed.error)}`,
      },
    };
  }
  try {
    const handler = handlers[method] as (input: unknown, ctx: EngineContext) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data, ctx) };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}
