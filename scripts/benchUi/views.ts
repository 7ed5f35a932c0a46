/**
 * The stable hooks the UI scripts rely on: each view's nav tab and its main chart. Views are being
 * rebuilt, so each main chart is a list of selectors, first match wins; the scripts say which one
 * they found, and "not measured" when none is there.
 */
export const VIEW_IDS = ['overview', 'linkage', 'values', 'drivers', 'teams'] as const;
export type BenchView = (typeof VIEW_IDS)[number];

export const MAIN_CHART: Record<BenchView, string[]> = {
  overview: [
    '[data-testid="overview-tiles"]',
    '[data-testid^="tile-"][data-status]',
    '[data-testid="trend-index"]',
    '[data-testid^="trend-"]',
  ],
  linkage: [
    '[data-testid="linkage-canvas"]',
    '[data-testid="linkage-scatter"]',
    '[data-testid="linkage-message"]',
  ],
  values: ['[data-testid="heatmap-table"]', '[data-testid="heatmap"]'],
  drivers: [
    '[data-testid="drivers-chart"]',
    '[data-testid="drivers-quadrant"]',
    '[data-testid="drivers-table"]',
    '[data-testid="drivers-suppressed"]',
  ],
  teams: ['[data-testid="values-profile"]', '[data-testid="team-name"]'],
};

/** Selector list as one CSS selector (any of them). */
export const anyOf = (list: string[]) => list.join(', ');

/** States shown on the main chart's place when there is nothing to draw (they also end a wait). */
export const STATE_SELECTORS = [
  '[data-testid="empty"]',
  '[data-testid="error"]',
  '[data-testid="no-data"]',
  '[data-testid="suppressed"]',
  '[data-testid="linkage-missing"]',
  '[data-testid="values-no-rows"]',
];
