import type { ImportProgressEvent } from '../../../shared/imports';

type Phase = ImportProgressEvent['phase'];

/** The phases of an import in the order the engine runs them. */
export const PHASES: Phase[] = [
  'hashing',
  'reading',
  'loading',
  'mapping',
  'validating',
  'writing',
  'done',
];

export const PHASE_LABELS: Record<Phase, string> = {
  hashing: 'Checking whether this file was imported before',
  reading: 'Reading the file',
  loading: 'Loading rows',
  mapping: 'Mapping columns',
  validating: 'Checking every row',
  writing: 'Writing to the workspace',
  done: 'Finishing',
};

/**
 * Overall share done (0..1): each phase before `done` is one equal step, and the engine's
 * fraction moves within it. Never goes backwards (`previous` is the last value shown).
 */
export function overallFraction(event: ImportProgressEvent, previous = 0): number {
  if (event.phase === 'done') return 1;
  const steps = PHASES.length - 1;
  const index = PHASES.indexOf(event.phase);
  const within = Math.min(1, Math.max(0, event.fraction ?? 0));
  return Math.max(previous, (index + within) / steps);
}
