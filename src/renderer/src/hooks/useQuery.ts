import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import type { ApiError } from '../../../shared/result';
import { answerTransform, api } from '../api/client';
import { connection } from '../api/transport';

export interface QueryState<T> {
  /** The latest answer applied (kept while a newer request is in flight, so screens do not flash). */
  data: T | undefined;
  /** The error of the latest answer, if it failed. */
  error: ApiError | undefined;
  /** True while the current request has not been answered yet. */
  loading: boolean;
  /** True when `data` answers the current input (not an older one being replaced). */
  fresh: boolean;
  reload: () => void;
}

interface Applied {
  key: string;
  data: unknown;
  error: ApiError | undefined;
}

/**
 * Calls one contract method and keeps its answer. Pass `null` as input to wait (e.g. until a
 * period is known). Answers are applied in request order: each request takes a number, and an
 * answer is dropped unless it belongs to the newest request, so a slow answer for a period the
 * user has already left never overwrites the answer for the period on screen.
 * When the server stops answering (CONNECTION_LOST) the answer is not applied: the last data
 * stays, `loading` stays true and no error is set (the app-wide banner says what happened), and
 * every query asks again when the connection comes back.
 */
export function useQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M> | null,
): QueryState<MethodOutput<M>> {
  const inputJson = input === null ? null : JSON.stringify(input);
  const [reloads, setReloads] = useState(0);
  const reconnections = useSyncExternalStore(
    connection.subscribe,
    connection.reconnections,
    connection.reconnections,
  );
  const key = inputJson === null ? null : `${method}:${inputJson}#${reloads}.${reconnections}`;
  const [applied, setApplied] = useState<Applied | null>(null);
  const latest = useRef(0);
  // Answers reach the screen through the presentation's transform (masked names), if one is set.
  useSyncExternalStore(answerTransform.subscribe, answerTransform.version, answerTransform.version);

  useEffect(() => {
    if (key === null || inputJson === null) return;
    const ticket = ++latest.current;
    let live = true;
    const body = JSON.parse(inputJson) as MethodInput<M>;
    void api.call(method, body).then((result) => {
      if (!live || ticket !== latest.current) return; // superseded: drop it
      if (!result.ok && result.error.code === 'CONNECTION_LOST') return; // keep the last figures
      setApplied(
        result.ok
          ? { key, data: result.value, error: undefined }
          : { key, data: undefined, error: result.error },
      );
    });
    return () => {
      live = false;
    };
  }, [method, key, inputJson]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  // An answer kept from an earlier look (another view, an earlier selection) is shown in this very
  // render, so a view switch or a step back paints its figures without waiting for an effect.
  const kept = inputJson !== null && applied?.key !== key ? api.peek(method, inputJson) : undefined;
  if (kept !== undefined) {
    const data = answerTransform.apply(method, kept);
    return { data, error: undefined, loading: false, fresh: true, reload };
  }
  const fresh = key !== null && applied?.key === key;
  return {
    data: answerTransform.apply(
      method,
      (applied?.data ?? undefined) as MethodOutput<M> | undefined,
    ),
    error: fresh ? applied?.error : undefined,
    loading: key !== null && !fresh,
    fresh,
    reload,
  };
}
