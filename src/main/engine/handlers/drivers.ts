import { runDrivers } from '../analytics/drivers/build';
import type { Handler } from './context';

/** Driver analysis for one scope and period: importance against performance per item or value. */
export const drivers: Handler<'drivers'> = async (input, { ws }) =>
  runDrivers(ws.conn, await ws.minGroupSize(), input);
