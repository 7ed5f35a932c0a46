import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import type { Transport } from './transport';

/**
 * Answers kept between views, so going back to a view shows its figures at once instead of
 * asking the engine again. Only methods that read the workspace are kept; anything that can
 * change what they would answer (an import, a cancelled import, a settings change, the server
 * coming back after it stopped answering) forgets them all. Failures are never kept, and a
 * question already on its way is not asked twice.
 */
export const KEPT_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'info',
  'hierarchy',
  'overview',
  'linkage',
  'lagProfile',
  'drilldown',
  'heatmap',
  'drivers',
]);

/** Calls after which no kept answer can be trusted. `settings` with no fields only reads. */
function changesWorkspace(method: MethodName, input: unknown): boolean {
  if (method === 'importRun' || method === 'importCancel') return true;
  if (method === 'settings') return Object.keys((input ?? {}) as object).length > 0;
  return false;
}

const MAX_ANSWERS = 300;

export interface AnswerCache {
  transport: Transport;
  /** The kept answer for this question, if there is one (synchronous, for a first render). */
  peek<M extends MethodName>(method: M, inputJson: string): MethodOutput<M> | undefined;
  forget(): void;
}

export function answerCache(inner: Transport): AnswerCache {
  const answers = new Map<string, unknown>();
  const inFlight = new Map<string, Promise<Result<unknown>>>();
  // Bumped by forget(), so an answer asked for before a change is not kept after it.
  let generation = 0;

  const forget = () => {
    generation++;
    answers.clear();
    inFlight.clear();
  };

  const transport: Transport = <M extends MethodName>(method: M, input: MethodInput<M>) => {
    if (!KEPT_METHODS.has(method)) {
      const answer = inner(method, input);
      if (changesWorkspace(method, input)) {
        forget();
        // The change happens while the call runs; answers asked for meanwhile are not kept.
        void answer.then(forget);
      }
      return answer;
    }
    const key = `${method}:${JSON.stringify(input)}`;
    if (answers.has(key)) {
      const value = answers.get(key) as MethodOutput<M>;
      answers.delete(key); // most recently used last
      answers.set(key, value);
      return Promise.resolve({ ok: true, value });
    }
    const pending = inFlight.get(key);
    if (pending) return pending as Promise<Result<MethodOutput<M>>>;
    const askedIn = generation;
    const answer = inner(method, input).then((result) => {
      if (askedIn === generation) {
        inFlight.delete(key);
        if (result.ok) {
          answers.set(key, result.value);
          while (answers.size > MAX_ANSWERS) answers.delete(answers.keys().next().value!);
        }
      }
      return result;
    });
    inFlight.set(key, answer);
    return answer;
  };

  const peek = <M extends MethodName>(method: M, inputJson: string) =>
    answers.get(`${method}:${inputJson}`) as MethodOutput<M> | undefined;

  return { transport, peek, forget };
}
