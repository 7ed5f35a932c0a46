import { parseSelection, type ViewId } from '../../../../shared/selection';

/** The name each view has on its tab, for titles and lists. */
export const VIEW_LABELS: Record<ViewId, string> = {
  overview: 'Overview',
  linkage: 'Linkage',
  values: 'Values',
  drivers: 'Drivers',
  teams: 'Teams',
  import: 'Import',
  stories: 'Stories',
};

/** The views a room looks at, which can be saved and shown on a slide. */
export const SAVABLE_VIEWS: readonly ViewId[] = [
  'overview',
  'linkage',
  'values',
  'drivers',
  'teams',
];

/** "Linkage" for '#/linkage?lag=1'; '' for a state that names no view (a deleted one). */
export function viewLabelOf(state: string): string {
  return state ? VIEW_LABELS[parseSelection(state).view] : '';
}
