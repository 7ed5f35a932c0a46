import { expect } from 'vitest';
import { dispatch } from '../../../src/main/engine/dispatch';
import type { EngineContext } from '../../../src/main/engine/handlers/context';
import { FileRegistry } from '../../../src/main/engine/import/fileRegistry';
import { importFile } from '../../../src/main/engine/import/importFile';
import type { CanonicalKind } from '../../../src/main/engine/import/canonicalFormats';
import { openWorkspace } from '../../../src/main/engine/workspace/workspace';
import {
  driversOutputSchema,
  type DriversInput,
  type DriversOutput,
} from '../../../src/shared/analytics/drivers';
import type { ApiError } from '../../../src/shared/result';

/**
 * What the drivers tests share: deterministic pseudo-random answers, a plain Pearson r to check
 * the engine against (written again here on purpose: an independent computation), a workspace
 * loaded from files through the real import path, and calls through dispatch as every transport
 * makes them.
 */

/** A linear congruential generator (Numerical Recipes constants): the same numbers every run. */
export function seeded(seed: number): { uniform(): number; normal(): number } {
  let s = seed;
  const uniform = () => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    return s / 4294967296;
  };
  // Box-Muller.
  const normal = () =>
    Math.sqrt(-2 * Math.log(uniform() + 1e-12)) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

export const clamp = (v: number, lo: number, hi: number): number =>
  Math.max(lo, Math.min(hi, Math.round(v)));

export function pearson(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

export interface DriversWorkspace {
  call(input: DriversInput): Promise<DriversOutput>;
  error(input: unknown): Promise<ApiError>;
  ctx: EngineContext;
  close(): void;
}

/** A new workspace at `path` with the files imported in order. */
export async function driversWorkspace(
  path: string,
  files: { kind: CanonicalKind; path: string }[],
): Promise<DriversWorkspace> {
  const ws = await openWorkspace(path, { create: true });
  for (const file of files) await importFile(ws, file.path, { kind: file.kind });
  const ctx: EngineContext = {
    ws,
    files: new FileRegistry(),
    imports: { current: null },
    emitProgress: () => undefined,
  };
  return {
    ctx,
    async call(input) {
      const result = await dispatch('drivers', input, ctx);
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return driversOutputSchema.parse(result.value);
    },
    async error(input) {
      const result = await dispatch('drivers', input, ctx);
      if (result.ok) throw new Error('expected an error');
      return result.error;
    },
    close: () => ws.close(),
  };
}

/** Every number anywhere in a value. */
const numbersIn = (value: unknown): number[] =>
  typeof value === 'number'
    ? [value]
    : value && typeof value === 'object'
      ? Object.values(value).flatMap(numbersIn)
      : [];

/**
 * A result withheld with `reason`: no drivers and no figure at all. The only numbers left are the
 * rules themselves (the floor and the minimum group size) and zero counts.
 */
export function expectWithheld(
  out: DriversOutput,
  status: 'suppressed' | 'no_data',
  reason: string | RegExp,
): void {
  expect(out).toMatchObject({ status, n: null, drivers: [] });
  if (typeof reason === 'string') expect(out.reason).toBe(reason);
  else expect(out.reason).toMatch(reason);
  expect(
    numbersIn({ ...out, excludedUnits: undefined })
      .filter((v) => v !== 0)
      .sort(),
  ).toEqual([out.floor, out.minGroupSize].concat(out.minCustomerResponses ?? []).sort());
}
