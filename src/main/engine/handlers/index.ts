import type { MethodName } from '../../../shared/contract';
import type { Handler, HandlerTable } from './context';
import { importCancel, importPreview, importRun, profiles, quarantine } from './imports';
import { info } from './info';
import { methods } from './methods';
import { settings } from './settings';
import { workshopHandlers } from './workshop';

/**
 * A handler whose code (the analytics behind a view) loads on its first call: a command that
 * answers one question, or a window that opens on one view, does not load them all at start.
 */
const lazy =
  <M extends MethodName>(load: () => Promise<Handler<M>>): Handler<M> =>
  async (input, ctx) =>
    (await load())(input, ctx);

/** One handler per contract method; every transport serves exactly this table. */
export const handlers: HandlerTable = {
  methods,
  info,
  hierarchy: lazy(async () => (await import('./hierarchy')).hierarchy),
  overview: lazy(async () => (await import('./overview')).overview),
  linkage: lazy(async () => (await import('./linkage')).linkage),
  lagProfile: lazy(async () => (await import('./linkage')).lagProfile),
  heatmap: lazy(async () => (await import('./heatmap')).heatmap),
  drilldown: lazy(async () => (await import('./drilldown')).drilldown),
  drivers: lazy(async () => (await import('./drivers')).drivers),
  settings,
  importPreview,
  importRun,
  importCancel,
  profiles,
  quarantine,
  ...workshopHandlers,
};
