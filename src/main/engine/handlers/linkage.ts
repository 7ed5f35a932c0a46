import type { z } from 'zod';
import {
  lagProfileInputSchema,
  linkageInputSchema,
  type LagProfileInput,
  type LagProfileOutput,
  type LinkageInput,
  type LinkageOutput,
} from '../../../shared/analytics/linkage';
import { UpstreamError } from '../../../shared/result';
import { runLagProfile, runLinkage } from '../analytics/linkage/analysis';
import type { EngineContext } from './context';

/** Dispatch has validated already; parsing again fills defaults and keeps direct callers honest. */
function parse<S extends z.ZodType>(schema: S, method: string, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
      .join('; ');
    throw new UpstreamError('INVALID_ARGUMENTS', `Invalid arguments for ${method}: ${issues}`);
  }
  return parsed.data;
}

/**
 * Engagement against customer outcomes per unit (Pearson and Spearman r, Fisher-z interval,
 * smallest detectable r, quadrants, within-group view). Typed on its own schemas until the
 * contract lists it; then it satisfies Handler<'linkage'>.
 */
export const linkage = async (input: LinkageInput, { ws }: EngineContext): Promise<LinkageOutput> =>
  runLinkage(ws.conn, await ws.minGroupSize(), parse(linkageInputSchema, 'linkage', input));

/** r for lags -2..2, each pooled over every valid period pair. Satisfies Handler<'lagProfile'>. */
export const lagProfile = async (
  input: LagProfileInput,
  { ws }: EngineContext,
): Promise<LagProfileOutput> =>
  runLagProfile(
    ws.conn,
    await ws.minGroupSize(),
    parse(lagProfileInputSchema, 'lagProfile', input),
  );
