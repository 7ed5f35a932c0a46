import type { DrilldownInput, DrilldownOutput } from '../../../shared/analytics/drilldown';
import { runDrilldown } from '../analytics/drilldown/build';
import type { EngineContext } from './context';

/**
 * One unit's drill-down page (breadcrumbs, headline and trends, values profile, items, HR
 * figures, direct reports). Typed on its own schemas until the contract lists it; then it
 * satisfies Handler<'drilldown'>. runDrilldown parses the input again, filling the default scope
 * and rejecting bad input from direct callers.
 */
export const drilldown = async (
  input: DrilldownInput,
  { ws }: EngineContext,
): Promise<DrilldownOutput> => runDrilldown(ws.conn, await ws.minGroupSize(), input);
