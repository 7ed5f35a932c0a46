import { z } from 'zod';

/** Error codes every transport returns unchanged; callers branch on `code`, people read `message`. */
export const ERROR_CODES = [
  'UNKNOWN_METHOD',
  'INVALID_ARGUMENTS',
  'NOT_FOUND',
  'WORKSPACE_ERROR',
  'IMPORT_ERROR',
  'UNAUTHORIZED',
  'INTERNAL',
  /** The disclosure audit refused an export whose flagged figures the user may consent to hide. */
  'EXPORT_REFUSED',
  /** The renderer's own: the loopback server stopped answering (never sent by the engine). */
  'CONNECTION_LOST',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const apiErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /**
   * For a file that could not be imported: the command-line flags that would let it import
   * (`--as survey_responses --set period=2025-Q3`), a guess for the analyst to check.
   */
  hint: z.array(z.string()).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export class UpstreamError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown; hint?: string[] },
  ) {
    super(message, options);
    this.name = 'UpstreamError';
    this.hint = options?.hint;
  }

  readonly hint: string[] | undefined;
}
