import type { HeatmapInput, HeatmapOutput } from '../../../shared/analytics/heatmap';
import { buildHeatmap } from '../analytics/heatmap/build';
import type { EngineContext } from './context';

/**
 * The `heatmap` method: values alignment by unit. Typed so that, once the contract has
 * `heatmap: heatmapMethod`, it is a Handler<'heatmap'> as it stands.
 */
export const heatmap = (input: HeatmapInput, { ws }: EngineContext): Promise<HeatmapOutput> =>
  buildHeatmap(ws, input);
