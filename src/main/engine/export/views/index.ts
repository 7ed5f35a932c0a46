import type { ViewId } from '../../../../shared/selection';
import type { ViewBody, ViewContext } from './common';
import { driversBody } from './drivers';
import { linkageBody } from './linkage';
import { overviewBody } from './overview';
import { teamsBody } from './teams';
import { valuesBody } from './values';

/** The dashboard views a slide can show, each with its word for the subtitle. */
export const SLIDE_VIEWS: Partial<
  Record<ViewId, { label: string; body: (v: ViewContext) => Promise<ViewBody> }>
> = {
  overview: { label: 'Overview', body: overviewBody },
  linkage: { label: 'Linkage', body: linkageBody },
  values: { label: 'Values', body: valuesBody },
  drivers: { label: 'Drivers', body: driversBody },
  teams: { label: 'Teams', body: teamsBody },
};
