import { useCallback, useState } from 'react';
import type { Result } from '../../../../shared/result';

export interface ActionState {
  busy: boolean;
  /** The last failure in words (the engine's message as it came), until the next run. */
  error: string | null;
  /** Runs a call; resolves to its value, or undefined when it failed (the error is kept). */
  run<T>(call: () => Promise<Result<T>>): Promise<T | undefined>;
  /** Shows a failure found before calling (a form that is not filled in). */
  fail(message: string): void;
  clear(): void;
}

/** One change sent to the engine (save, delete): whether it is on its way and why it failed. */
export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T,>(call: () => Promise<Result<T>>) => {
    setBusy(true);
    setError(null);
    try {
      const result = await call();
      if (result.ok) return result.value;
      setError(result.error.message);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const fail = useCallback((message: string) => setError(message), []);
  const clear = useCallback(() => setError(null), []);
  return { busy, error, run, fail, clear };
}

/** The failure under a form, read out when it appears. */
export function ActionError({ error, testId }: { error: string | null; testId: string }) {
  if (!error) return null;
  return (
    <p className="workshop__error" role="alert" data-testid={testId}>
      {error}
    </p>
  );
}
