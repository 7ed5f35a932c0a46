/**
 * Where an import's time goes, for the benchmark (scripts/benchSampleFiles.ts): the steps of an
 * import (reading, validating, writing, each derived table, the commit) time themselves with
 * `timed` while a recording runs, and cost nothing otherwise. One recording at a time: the engine
 * serves one call at a time.
 */
export interface StepTime {
  step: string;
  ms: number;
  /** 0 for a step of the import itself, 1 for a part of such a step, and so on. */
  depth: number;
}

let recording: StepTime[] | null = null;
let depth = 0;

/**
 * Starts recording; the function returned stops and gives the steps in the order they ended
 * (a step's parts before it).
 */
export function recordStepTimes(): () => StepTime[] {
  const steps: StepTime[] = [];
  recording = steps;
  depth = 0;
  return () => {
    if (recording === steps) recording = null;
    return steps;
  };
}

/** Runs `work`, and while a recording runs, records how long it took under `step`. */
export async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
  const steps = recording;
  if (!steps) return work();
  const start = performance.now();
  const at = depth++;
  try {
    return await work();
  } finally {
    depth = at;
    steps.push({ step, ms: performance.now() - start, depth: at });
  }
}
