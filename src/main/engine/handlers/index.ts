import type { HandlerTable } from './context';
import { drilldown } from './drilldown';
import { drivers } from './drivers';
import { settings } from './settings';
import { heatmap } from './heatmap';
import { hierarchy } from './hierarchy';
import { lagProfile, linkage } from './linkage';
import { importCancel, importPreview, importRun, profiles, quarantine } from './imports';
import { info } from './info';
import { methods } from './methods';
import { overview } from './overview';
import { workshopHandlers } from './workshop';

/** One handler per contract method; every transport serves exactly this table. */
export const handlers: HandlerTable = {
  methods,
  info,
  hierarchy,
  overview,
  linkage,
  lagProfile,
  heatmap,
  drilldown,
  drivers,
  settings,
  importPreview,
  importRun,
  importCancel,
  profiles,
  quarantine,
  ...workshopHandlers,
};
