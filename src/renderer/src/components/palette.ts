import { METRICS, type MetricId } from '../../../shared/metrics';

/**
 * Okabe-Ito colours (safe for the common colour-vision deficiencies), one per side of the story,
 * with a second cue that is not colour: employee lines are solid, customer lines dashed.
 * The same values are CSS variables (--employee, --customer) in styles/app.css.
 */
export const EMPLOYEE_COLOR = '#0066A8'; // Okabe-Ito blue, darkened a touch for projector contrast
export const CUSTOMER_COLOR = '#C25100'; // Okabe-Ito vermillion/orange, darkened likewise

export function seriesStyle(metric: MetricId): { color: string; dash: string | undefined } {
  return METRICS[metric].side === 'employee'
    ? { color: EMPLOYEE_COLOR, dash: undefined }
    : { color: CUSTOMER_COLOR, dash: '9 5' };
}

/** Neutral inks for chart furniture (SVG attributes cannot read CSS variables reliably). */
export const INK_1 = '#111827';
export const INK_2 = '#374151';
export const INK_3 = '#6B7280';
export const GRID = '#D9DDE3';
export const SELECTED_BAND = '#E3E7EC';
