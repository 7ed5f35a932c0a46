import { useEffect, useSyncExternalStore } from 'react';
import type { LinkageInput, LinkageOutput } from '../../../../shared/analytics/linkage';
import type { ApiError, Result } from '../../../../shared/result';
import { answerTransform, api } from '../../api/client';
import { LAGS } from './formatLinkage';

/**
 * All five lags at once: when the metrics, level or quarter change, the five `linkage` answers
 * (-2..2) are asked for together (the lag on screen first) and kept by input, so moving the lag
 * control shows an answer already here. Answers are keyed by the workspace's last change too, so
 * an import never leaves an old answer on screen. Errors that say what data is missing are kept
 * like answers; a failed connection is not kept (the next look asks again).
 */
const MAX_ENTRIES = 40;
const answers = new Map<string, Result<LinkageOutput>>();
const asked = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

function notify(): void {
  version++;
  for (const l of listeners) l();
}
function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
const getVersion = () => version;

export type LinkageBase = Omit<LinkageInput, 'lag'>;

function keyOf(workspace: string, base: LinkageBase, lag: number): string {
  return `${workspace}|${JSON.stringify({ ...base, lag })}`;
}

/** Errors that describe the data (kept), as against a transport or server failure (not kept). */
const KEEP: ApiError['code'][] = ['NOT_FOUND', 'INVALID_ARGUMENTS'];

const pending = new Map<string, Promise<void>>();

/** Asks once per key; resolves when the answer (or failure) is stored. */
function ask(workspace: string, base: LinkageBase, lag: number): Promise<void> {
  const key = keyOf(workspace, base, lag);
  if (answers.has(key)) return Promise.resolve();
  const inFlight = pending.get(key);
  if (inFlight) return inFlight;
  asked.add(key);
  const done = api.call('linkage', { ...base, lag }).then((result) => {
    asked.delete(key);
    pending.delete(key);
    if (!result.ok && !KEEP.includes(result.error.code)) {
      failures.set(key, result.error);
      notify();
      return;
    }
    failures.delete(key);
    answers.set(key, result);
    while (answers.size > MAX_ENTRIES) answers.delete(answers.keys().next().value!);
    notify();
  });
  pending.set(key, done);
  return done;
}
const failures = new Map<string, ApiError>();
const NO_GAPS: ReadonlyMap<number, string> = new Map();
/** The last answer on screen, kept (greyed) while the next one is on its way. */
let lastShown: LinkageOutput | undefined;

export interface LagAnswer {
  /** The answer for the lag on screen, or the last one shown while it is on its way. */
  data: LinkageOutput | undefined;
  error: ApiError | undefined;
  /** True while the answer on screen is not the one for these inputs. */
  loading: boolean;
  /** Each lag's answer when it is here: r for the lag strip, which lags have data. */
  byLag: Map<number, Result<LinkageOutput>>;
  reload: () => void;
}

/**
 * The linkage answer for `base` at `lag`, with the other four lags asked for alongside.
 * Pass workspace = null to wait (until the workspace's identity is known).
 */
export function useLinkageLags(
  workspace: string | null,
  base: LinkageBase,
  lag: number,
  /**
   * Lags known to have nothing to pair (from the quarters each side has data for), with the
   * reason in words: not asked for, so a missing lag costs no request and no failed response.
   */
  known: ReadonlyMap<number, string> = NO_GAPS,
): LagAnswer {
  useSyncExternalStore(subscribe, getVersion, getVersion);
  // Answers reach the screen through the presentation's transform (masked names), if one is set.
  useSyncExternalStore(answerTransform.subscribe, answerTransform.version, answerTransform.version);
  const baseJson = JSON.stringify(base);
  const knownKey = JSON.stringify([...known]);
  useEffect(() => {
    if (workspace === null) return;
    const b = JSON.parse(baseJson) as LinkageBase;
    // The lag on screen first, then its neighbours outwards.
    const order = [...LAGS].sort((p, q) => Math.abs(p - lag) - Math.abs(q - lag) || q - p);
    // The lag on screen first, alone, so the first chart is not kept waiting by the other four.
    const [first, ...rest] = order.filter((k) => !known.has(k));
    if (first === undefined) return;
    void ask(workspace, b, first).then(() => {
      for (const k of rest) void ask(workspace, b, k);
    });
    // Only the base matters here: a new lag is already asked for (or answered).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workspace, baseJson, knownKey]);

  const byLag = new Map<number, Result<LinkageOutput>>();
  if (workspace !== null) {
    for (const k of LAGS) {
      const gap = known.get(k);
      const found: Result<LinkageOutput> | undefined =
        gap !== undefined
          ? { ok: false, error: { code: 'NOT_FOUND', message: gap } }
          : answers.get(keyOf(workspace, base, k));
      if (found) byLag.set(k, found);
    }
  }
  const current = byLag.get(lag);
  const failure = workspace === null ? undefined : failures.get(keyOf(workspace, base, lag));
  const shown = current?.ok ? current.value : undefined;
  useEffect(() => {
    if (shown) lastShown = shown;
  }, [shown]);
  const reload = () => {
    if (workspace === null) return;
    for (const k of LAGS) {
      const key = keyOf(workspace, base, k);
      answers.delete(key);
      failures.delete(key);
      if (!known.has(k)) void ask(workspace, base, k);
    }
    notify();
  };
  const onScreen = (value: LinkageOutput) => answerTransform.apply('linkage', value);
  const shownByLag = new Map<number, Result<LinkageOutput>>();
  for (const [k, found] of byLag) {
    const value = found.ok ? onScreen(found.value) : undefined;
    shownByLag.set(k, found.ok && value !== found.value ? { ok: true, value: value! } : found);
  }
  return {
    data: current?.ok
      ? onScreen(current.value)
      : current
        ? undefined
        : lastShown && onScreen(lastShown),
    error: current && !current.ok ? current.error : failure,
    loading: current === undefined && failure === undefined,
    byLag: shownByLag,
    reload,
  };
}
