import type { EngineContext } from '../../src/main/engine/handlers/context';
import { dispatch } from '../../src/main/engine/dispatch';
import type { MethodOutput, MetricValue } from '../../src/shared/contract';
import { contract } from '../../src/shared/contract';

export type Overview = MethodOutput<'overview'>;

/** The overview method as the app calls it, its answer checked against the contract. */
export async function callOverview(ctx: EngineContext, input: unknown): Promise<Overview> {
  const result = await dispatch('overview', input, ctx);
  if (!result.ok) throw new Error(result.error.message);
  return contract.overview.output.parse(result.value);
}

/** One tile of an overview answer, by metric id. */
export const tileOf = (o: Overview, metric: string): MetricValue =>
  o.tiles.find((t) => t.metric === metric)!;
