import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeCorrelation } from '../../../src/main/engine/analytics/linkage/analysis';
import { correlate } from '../../../src/main/engine/analytics/linkage/stats';
import type { EngineContext } from '../../../src/main/engine/handlers/context';
import { lagProfile, linkage } from '../../../src/main/engine/handlers/linkage';
import {
  lagProfileInputSchema,
  lagProfileOutputSchema,
  linkageInputSchema,
  linkageOutputSchema,
} from '../../../src/shared/analytics/linkage';
import { UpstreamError } from '../../../src/shared/result';
import { tinyWorkspace, type TinyWorkspace } from '../../helpers/tinyWorkspace';

// What the contract will hold once the two methods are wired in: the handlers fit the Handler
// shape for their schemas, the schemas export as JSON Schema (the `methods` method), and the
// bare call `{}` the contract test makes for every method answers.

type HandlerFor<I extends z.ZodType, O extends z.ZodType> = (
  input: z.infer<I>,
  ctx: EngineContext,
) => Promise<z.infer<O>>;
const linkageFits: HandlerFor<typeof linkageInputSchema, typeof linkageOutputSchema> = linkage;
const lagProfileFits: HandlerFor<typeof lagProfileInputSchema, typeof lagProfileOutputSchema> =
  lagProfile;

describe('linkage methods as contract entries', () => {
  let tiny: TinyWorkspace;
  beforeAll(async () => {
    tiny = await tinyWorkspace();
  });
  afterAll(() => tiny.cleanup());

  it('schemas export as JSON Schema, as the methods method lists them', () => {
    for (const schema of [linkageInputSchema, lagProfileInputSchema]) {
      expect(z.toJSONSchema(schema)).toMatchObject({ type: 'object' });
    }
    for (const schema of [linkageOutputSchema, lagProfileOutputSchema]) {
      expect(z.toJSONSchema(schema, { unrepresentable: 'any' })).toMatchObject({ type: 'object' });
    }
    expect(z.toJSONSchema(linkageInputSchema)).toMatchObject({
      properties: { lag: { type: 'integer', minimum: -2, maximum: 2 } },
    });
  });

  it('a bare call answers with defaults: engagement vs NPS at the lowest mapped level', async () => {
    const out = await linkageFits(linkageInputSchema.parse({}), tiny.ctx);
    expect(linkageOutputSchema.parse(out)).toEqual(out);
    expect(out).toMatchObject({
      employeeMetric: 'engagement_index',
      customerMetric: 'nps',
      level: 'team',
      lag: 0,
      pooled: true,
    });
    const profile = await lagProfileFits(lagProfileInputSchema.parse({}), tiny.ctx);
    expect(lagProfileOutputSchema.parse(profile)).toEqual(profile);
    expect(profile.level).toBe('team');
  });

  it('bad arguments are typed errors, unknown keys included', async () => {
    for (const bad of [
      { lag: 3 },
      { lag: 0.5 },
      { period: '2025Q1' },
      { sql: 'DROP TABLE meta' },
    ]) {
      const error = await linkage(bad as never, tiny.ctx).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamError);
      expect((error as UpstreamError).code).toBe('INVALID_ARGUMENTS');
      expect((error as UpstreamError).message).toMatch(/^Invalid arguments for linkage: /);
    }
  });

  it('says the interval in words for the room', () => {
    // r = .30 from 30 units, built exactly: y = r x + sqrt(1 - r^2) e with x, e orthogonal.
    const x = Array.from({ length: 30 }, (_, i) => i - 14.5);
    const e0 = x.map((v) => (Math.round(v + 14.5) % 2 === 0 ? 1 : -1) * (Math.abs(v) + 1));
    const b = e0.reduce((a, v, i) => a + v * x[i]!, 0) / x.reduce((a, v) => a + v * v, 0);
    const e1 = e0.map((v, i) => v - b * x[i]!);
    const scale = (v: number[]) => Math.sqrt(v.reduce((a, w) => a + w * w, 0));
    const xs = x.map((v) => v / scale(x));
    const es = e1.map((v) => v / scale(e1));
    const ys = xs.map((v, i) => 0.3 * v + Math.sqrt(1 - 0.09) * es[i]!);
    const c = correlate(xs, ys);
    expect(c.r!).toBeCloseTo(0.3, 10);
    expect(describeCorrelation(c, 'unit')).toBe(
      'With 30 units an r of .30 could be anywhere from -.07 to .60: these data cannot rule out no link at all. ' +
        'That is fewer than the 85 needed to detect an r of .30 reliably; only links of about .49 or stronger would reliably show.',
    );
  });
});
